import json
from pathlib import Path

import numpy as np
import pytest

from training.wbsr import bicubic
from training.wbsr.vectors import image_from_json

VECTORS = Path(__file__).resolve().parents[2] / "testvectors" / "bicubic.json"


def test_constant_image_is_preserved():
    img = np.full((13, 11, 3), 77.0)
    for s in (0.25, 0.5, 2.0, 4.0):
        out = bicubic.imresize(img, scale=s)
        assert np.allclose(out, 77.0, atol=1e-12)


def test_output_size_is_ceil():
    assert bicubic.imresize(np.zeros((9, 7)), scale=0.5).shape == (5, 4)
    assert bicubic.imresize(np.zeros((13, 11, 3)), scale=0.25).shape == (4, 3, 3)
    assert bicubic.imresize(np.zeros((5, 6, 3)), scale=2.0).shape == (10, 12, 3)
    assert bicubic.imresize(np.zeros((10, 9, 3)), output_size=(7, 5)).shape == (7, 5, 3)


def test_upscale_interpolates_linear_ramp_in_the_interior():
    ramp = np.tile(np.arange(16, dtype=np.float64), (4, 1))
    out = bicubic.imresize(ramp, scale=2.0)
    # output pixel x (1-based) sits at input position x/2 + 0.25 (1-based): value - 1
    x = np.arange(1, 33)
    expected = x / 2.0 + 0.25 - 1.0
    assert np.allclose(out[0, 4:-4], expected[4:-4], atol=1e-12)


def test_weights_sum_to_one_and_indices_in_range():
    for n_in, n_out, s in [(9, 5, 0.5), (13, 4, 0.25), (5, 10, 2.0)]:
        w, idx = bicubic.contributions(n_in, n_out, s)
        assert np.allclose(w.sum(1), 1.0)
        assert idx.min() >= 0 and idx.max() < n_in


def test_round_uint8_rounds_half_up_and_clips():
    out = bicubic.round_uint8(np.array([-3.0, 0.5, 1.49, 2.5, 254.6, 300.0]))
    assert out.tolist() == [0, 1, 1, 3, 255, 255]


def test_modcrop():
    assert bicubic.modcrop(np.zeros((13, 10, 3)), 4).shape == (12, 8, 3)


@pytest.mark.parametrize("case", json.loads(VECTORS.read_text())["cases"], ids=lambda c: c["name"])
def test_matches_shared_vectors(case):
    img = image_from_json(case["input"])
    if img.shape[2] == 1:
        img = img[:, :, 0]
    out = bicubic.imresize(img, scale=case["scale"], output_size=case["output_size"])
    out = out.reshape(case["output_shape"])
    assert np.allclose(out.reshape(-1), case["output_double"], rtol=0, atol=1e-9)
    assert np.array_equal(bicubic.round_uint8(out), image_from_json(case["output_uint8"]))
