"""Shared fixtures: a synthetic prepared data root (CI has no Debian photo data)."""

import json

import numpy as np
import pytest
import torch

from training.wbsr import bicubic, data


def _photo(rng, h, w):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    img = np.zeros((h, w, 3))
    for c in range(3):
        img[..., c] = 128 + 60 * np.sin(yy / rng.uniform(3, 20) + c) + 40 * np.cos(xx / rng.uniform(2, 15))
    img[h // 3 : h // 2, :] += 50  # an edge
    img += rng.normal(0, 4, img.shape)
    return np.clip(img.round(), 0, 255).astype(np.uint8)


@pytest.fixture(scope="session")
def synthetic_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("wbsr-data")
    rng = np.random.default_rng(0)
    out = root / "prepared" / data.PREPARED_VERSION
    for set_name, sizes in {
        "train": [(320, 384), (256, 320), (128, 160)],
        "val-photo": [(96, 96), (64, 80)],
        "val-classic": [(72, 52)],
        "val-large": [(128, 160)],
    }.items():
        d = out / set_name
        d.mkdir(parents=True)
        for i, (h, w) in enumerate(sizes):
            hr = _photo(rng, h, w)
            # the third training image carries a real calibration name, so the split holds in
            # subprocesses too (torchrun tests) without patching data.CALIBRATION
            name = data.CALIBRATION[0] if set_name == "train" and i == 2 else f"img{i}"
            np.save(d / f"{name}.hr.npy", hr)
            for s in (2, 4):
                np.save(d / f"{name}.lr_x{s}.npy", bicubic.imresize_uint8(bicubic.modcrop(hr, s), scale=1.0 / s))
    (out / "packages.json").write_text(json.dumps([{"name": "synthetic", "version": "0", "deb": "none"}]))
    return root


@pytest.fixture()
def data_env(synthetic_root, monkeypatch):
    monkeypatch.setenv("WBSR_DATA", str(synthetic_root))
    torch.set_num_threads(2)
    return synthetic_root
