"""PSNR and SSIM on the Y channel, BasicSR conventions (``calculate_psnr/ssim(test_y_channel=True)``).

* Y = 16 + (65.481 R + 128.553 G + 24.966 B) / 255 for R, G, B on 0..255 (BT.601, float64, not
  rounded);
* ``crop_border`` pixels (the scale) shaved off every border before measuring;
* PSNR = 10 log10(255^2 / MSE); +inf for identical images;
* SSIM: 11x11 Gaussian window (sigma 1.5, normalised), 'valid' filtering (no padding),
  C1 = (0.01 * 255)^2, C2 = (0.03 * 255)^2, mean of the SSIM map. All float64.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["rgb_to_y", "psnr_y", "ssim_y", "psnr", "ssim", "gaussian_window"]


def rgb_to_y(img: np.ndarray) -> np.ndarray:
    """BT.601 luma ``[..., 3]`` (0..255) -> ``[...]`` on 16..235, float64."""
    x = np.asarray(img, dtype=np.float64)
    return 16.0 + (65.481 * x[..., 0] + 128.553 * x[..., 1] + 24.966 * x[..., 2]) / 255.0


def _shave(x: np.ndarray, border: int) -> np.ndarray:
    if border == 0:
        return x
    return x[border:-border, border:-border]


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """PSNR of two same-shape arrays on the 0..255 scale."""
    mse = float(np.mean((np.asarray(a, np.float64) - np.asarray(b, np.float64)) ** 2))
    if mse == 0:
        return math.inf
    return 10.0 * math.log10(255.0 * 255.0 / mse)


def psnr_y(img: np.ndarray, ref: np.ndarray, crop_border: int = 0) -> float:
    """PSNR on Y of two RGB images ``[H, W, 3]`` (0..255), ``crop_border`` pixels shaved."""
    if img.shape != ref.shape:
        raise ValueError(f"shape mismatch {img.shape} vs {ref.shape}")
    return psnr(_shave(rgb_to_y(img), crop_border), _shave(rgb_to_y(ref), crop_border))


def gaussian_window(size: int = 11, sigma: float = 1.5) -> np.ndarray:
    """Normalised 2-D Gaussian ``outer(g, g)``, ``g[i] ~ exp(-(i - (size-1)/2)^2 / (2 sigma^2))``."""
    c = (size - 1) / 2.0
    g = np.exp(-((np.arange(size, dtype=np.float64) - c) ** 2) / (2.0 * sigma * sigma))
    g = g / g.sum()
    return np.outer(g, g)


def _filter_valid(x: np.ndarray, win: np.ndarray) -> np.ndarray:
    k = win.shape[0]
    h, w = x.shape
    out = np.zeros((h - k + 1, w - k + 1), dtype=np.float64)
    for i in range(k):
        for j in range(k):
            out += win[i, j] * x[i : i + h - k + 1, j : j + w - k + 1]
    return out


def ssim(a: np.ndarray, b: np.ndarray) -> float:
    """SSIM of two single-channel images (0..255), BasicSR's ``_ssim``, 'valid' window."""
    x = np.asarray(a, dtype=np.float64)
    y = np.asarray(b, dtype=np.float64)
    if x.shape[0] < 11 or x.shape[1] < 11:
        raise ValueError(f"SSIM needs at least 11x11 pixels, got {x.shape}")
    c1 = (0.01 * 255) ** 2
    c2 = (0.03 * 255) ** 2
    win = gaussian_window()
    mu1 = _filter_valid(x, win)
    mu2 = _filter_valid(y, win)
    mu1_sq, mu2_sq, mu1_mu2 = mu1 * mu1, mu2 * mu2, mu1 * mu2
    s1 = _filter_valid(x * x, win) - mu1_sq
    s2 = _filter_valid(y * y, win) - mu2_sq
    s12 = _filter_valid(x * y, win) - mu1_mu2
    smap = ((2 * mu1_mu2 + c1) * (2 * s12 + c2)) / ((mu1_sq + mu2_sq + c1) * (s1 + s2 + c2))
    return float(smap.mean())


def ssim_y(img: np.ndarray, ref: np.ndarray, crop_border: int = 0) -> float:
    """SSIM on Y of two RGB images ``[H, W, 3]`` (0..255), ``crop_border`` pixels shaved."""
    if img.shape != ref.shape:
        raise ValueError(f"shape mismatch {img.shape} vs {ref.shape}")
    return ssim(_shave(rgb_to_y(img), crop_border), _shave(rgb_to_y(ref), crop_border))
