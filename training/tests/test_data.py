import numpy as np

from training.wbsr import complexity, data


def test_box_downscale_rounds_half_up_and_crops_odd():
    img = np.array([[[0], [1], [9]], [[1], [1], [9]], [[5], [5], [5]]], dtype=np.uint8).repeat(3, axis=2)
    out = data.box_downscale2(img)
    assert out.shape == (1, 1, 3) and out[0, 0, 0] == 1  # (0+1+1+1+2)//4 = 1 (0.75 rounds up)


def test_centre_crop():
    img = np.arange(10 * 7).reshape(10, 7)
    assert data.centre_crop(img, 4).tolist() == img[3:7, 1:5].tolist()


def test_source_lists_follow_the_issue():
    names = {p.name for p in data.PACKAGES}
    assert {"lomiri-wallpapers-16.04", "kphotoalbum", "lxqt-themes", "libjxl-testdata", "python3-skimage"} <= names
    lomiri = next(p for p in data.PACKAGES if p.name == "lomiri-wallpapers-16.04")
    assert "umang_by_Abhishek_Mudgal.jpg" in lomiri.exclude


def test_pool_and_batches(data_env):
    pairs = data.load_set("train", 2)
    pool = data.PatchPool(pairs, 2, 32, 16)
    assert len(pool) == len(pool.scores) > 0
    rng = np.random.default_rng(0)
    lr, hr = pool.batch(np.arange(4), rng)
    assert lr.shape == (4, 32, 32, 3) and hr.shape == (4, 64, 64, 3)
    # augmentation keeps the score (flips and transposes are symmetries of the score)
    lr_plain, _ = pool.batch(np.arange(4), rng, augment=False)
    assert np.allclose(complexity.scores(lr), complexity.scores(lr_plain))


def test_calibration_split_is_held_out_of_training(data_env, monkeypatch):
    third = data.CALIBRATION[0]  # the synthetic set's third training image (conftest)
    monkeypatch.setattr(data, "CALIBRATION", ("img1",))
    train = [p.name for p in data.load_set("train", 2)]
    calib = [p.name for p in data.load_set(data.CALIB_SET, 2)]
    assert calib == ["img1"] and train == sorted(["img0", third])
    # calib reads the training folder, not a validation folder of the same name
    assert data.load_set(data.CALIB_SET, 2)[0].hr.shape == (256, 320, 3)


def test_calibration_names_are_training_photos_only():
    # every calibration name is a photo of a training package (plasma folders or file stems), and
    # none is a validation photo
    val_names = {f.rsplit(".", 1)[0] for f in data._LXQT} | {f.rsplit(".", 1)[0] for f in data._SKIMAGE} | {"flower"}
    assert not set(data.CALIBRATION) & val_names
    assert len(set(data.CALIBRATION)) == len(data.CALIBRATION) >= 5
    assert not any(n.endswith("_2") for n in data.CALIBRATION)
