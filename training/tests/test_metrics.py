import json
import math
from pathlib import Path

import numpy as np
import pytest

from training.wbsr import metrics
from training.wbsr.vectors import image_from_json

VECTORS = json.loads((Path(__file__).resolve().parents[2] / "testvectors" / "metrics.json").read_text())


def test_identical_images():
    img = np.random.default_rng(0).integers(0, 256, (20, 20, 3)).astype(np.uint8)
    assert metrics.psnr_y(img, img, 2) == math.inf
    assert metrics.ssim_y(img, img, 2) == pytest.approx(1.0)


def test_psnr_of_known_offset():
    a = np.zeros((16, 16, 3))
    b = a.copy()
    b[..., :] = 255.0 / (65.481 + 128.553 + 24.966) * 10  # Y differs by exactly 10 * 255 / 255
    assert metrics.psnr_y(a, b) == pytest.approx(10 * math.log10(255**2 / 100.0))


def test_gaussian_window_normalised():
    w = metrics.gaussian_window()
    assert w.shape == (11, 11) and w.sum() == pytest.approx(1.0)


def test_ssim_too_small_raises():
    with pytest.raises(ValueError):
        metrics.ssim_y(np.zeros((12, 12, 3)), np.zeros((12, 12, 3)), 2)


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["name"])
def test_matches_shared_vectors(case):
    img, ref = image_from_json(case["image"]), image_from_json(case["reference"])
    assert metrics.psnr_y(img, ref, case["crop_border"]) == pytest.approx(case["psnr_y"], abs=1e-9)
    assert metrics.ssim_y(img, ref, case["crop_border"]) == pytest.approx(case["ssim_y"], abs=1e-9)
