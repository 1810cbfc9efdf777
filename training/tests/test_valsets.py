import numpy as np
from PIL import Image

from training.wbsr import bicubic, data, valsets


def test_pngs_are_the_prepared_hr_images_bit_for_bit(data_env, tmp_path):
    out = tmp_path / "png"
    written = valsets.write_pngs(out)
    assert sorted(written) == ["val-classic", "val-large", "val-photo"]
    for set_name, files in written.items():
        hrs = sorted((data_env / "prepared" / data.PREPARED_VERSION / set_name).glob("*.hr.npy"))
        assert [f.name for f in files] == [p.name.replace(".hr.npy", ".png") for p in hrs]
        for f, p in zip(files, hrs):
            png = np.asarray(Image.open(f))
            hr = np.load(p)
            assert png.dtype == np.uint8 and np.array_equal(png, hr)
            # the LR the Java report makes from the PNG is the prepared LR
            for s in (2, 4):
                lr = np.load(p.with_name(p.name.replace(".hr.npy", f".lr_x{s}.npy")))
                assert np.array_equal(bicubic.imresize_uint8(bicubic.modcrop(png, s), scale=1.0 / s), lr)
    assert (out / "packages.json").exists()
    assert not list((out / "val-photo").glob(".*.tmp"))


def test_rerun_replaces_stale_files_and_main_uses_the_default_folder(data_env, tmp_path):
    stale = valsets.default_out() / "val-photo" / "gone.png"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    assert valsets.main([]) == 0
    assert not stale.exists()
    assert len(list((valsets.default_out() / "val-classic").glob("*.png"))) == 1


def test_missing_set_is_a_clear_error(tmp_path):
    try:
        valsets.write_pngs(tmp_path / "out", root=tmp_path)
    except FileNotFoundError as e:
        assert "training.wbsr.data" in str(e)
    else:
        raise AssertionError("expected FileNotFoundError")
