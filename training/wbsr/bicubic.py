"""MATLAB-compatible ``imresize(img, scale, 'bicubic')`` in numpy float64.

Definition (shared with the Java side, locked by ``testvectors/bicubic.json``):

* cubic kernel with a = -0.5 (Keys), support 4;
* when downscaling (scale < 1) the kernel is antialiased: stretched by 1/scale and scaled by scale,
  so its support is 4/scale input pixels;
* output size ``ceil(in * scale)`` per dimension, or an explicit output size, in which case the
  per-dimension scale is ``out / in`` (as MATLAB does);
* output pixel ``x`` (1-based) samples input position ``u = x / scale + 0.5 * (1 - 1 / scale)``;
  taps ``floor(u - width / 2) + 0..ceil(width) + 1``; weights normalised to sum 1 per output
  pixel; taps whose weight is zero for every output pixel are dropped;
* out-of-range taps read the input mirrored symmetrically (``... 2 1 | 1 2 ... n | n n-1 ...``);
* one dimension at a time, the one with the smaller scale first (height first on ties), all in
  float64, no rounding in between;
* uint8 results are ``clip(floor(x + 0.5), 0, 255)`` (round half up, as MATLAB for these values).
"""

from __future__ import annotations

import math
from typing import Optional, Sequence, Tuple

import numpy as np

__all__ = ["cubic", "contributions", "imresize", "imresize_uint8", "modcrop", "round_uint8"]


def cubic(x: np.ndarray) -> np.ndarray:
    """Keys cubic convolution kernel with a = -0.5, the one MATLAB's imresize uses."""
    absx = np.abs(x)
    absx2 = absx * absx
    absx3 = absx2 * absx
    inner = (1.5 * absx3 - 2.5 * absx2 + 1.0) * (absx <= 1)
    outer = (-0.5 * absx3 + 2.5 * absx2 - 4.0 * absx + 2.0) * ((absx > 1) & (absx <= 2))
    return inner + outer


def contributions(in_length: int, out_length: int, scale: float, antialiasing: bool = True) -> Tuple[np.ndarray, np.ndarray]:
    """Weights ``[out, taps]`` and 0-based, mirrored input indices ``[out, taps]`` for one axis."""
    kernel_width = 4.0
    aa = scale < 1 and antialiasing
    if aa:
        kernel_width = kernel_width / scale
    x = np.arange(1, out_length + 1, dtype=np.float64)
    u = x / scale + 0.5 * (1.0 - 1.0 / scale)
    left = np.floor(u - kernel_width / 2.0)
    taps = int(math.ceil(kernel_width)) + 2
    indices = left[:, None] + np.arange(taps, dtype=np.float64)[None, :]
    distance = u[:, None] - indices
    if aa:
        weights = scale * cubic(distance * scale)
    else:
        weights = cubic(distance)
    weights = weights / weights.sum(axis=1, keepdims=True)
    keep = np.any(weights != 0, axis=0)
    weights = weights[:, keep]
    indices = indices[:, keep]
    # symmetric mirror: aux = [1..n, n..1], 1-based, periodic
    aux = np.concatenate([np.arange(in_length), np.arange(in_length - 1, -1, -1)])
    idx = aux[np.mod(indices.astype(np.int64) - 1, 2 * in_length)]
    return weights, idx


def _resize_axis(img: np.ndarray, axis: int, out_length: int, scale: float) -> np.ndarray:
    weights, idx = contributions(img.shape[axis], out_length, scale)
    moved = np.moveaxis(img, axis, 0)  # [in, ...]
    out = np.empty((out_length,) + moved.shape[1:], dtype=np.float64)
    chunk = 64  # output lines per step: bounds memory on large photos
    for start in range(0, out_length, chunk):
        stop = min(start + chunk, out_length)
        gathered = moved[idx[start:stop]]  # [chunk, taps, ...]
        w = weights[start:stop].reshape(weights[start:stop].shape + (1,) * (moved.ndim - 1))
        # sum the taps in order (left to right), the same order a scalar loop would use
        acc = gathered[:, 0] * w[:, 0]
        for t in range(1, weights.shape[1]):
            acc = acc + gathered[:, t] * w[:, t]
        out[start:stop] = acc
    return np.moveaxis(out, 0, axis)


def imresize(
    img: np.ndarray,
    scale: Optional[float] = None,
    output_size: Optional[Sequence[int]] = None,
) -> np.ndarray:
    """Resize an ``HxW`` or ``HxWxC`` array like MATLAB's bicubic ``imresize``; float64 out.

    Args:
        img: image, any numeric dtype; values are used as they are (no rescaling).
        scale: resize factor (0.5 halves, 2 doubles). Output size ``ceil(in * scale)``.
        output_size: ``(out_h, out_w)`` instead of ``scale``; per-axis scale = out / in.
    """
    if (scale is None) == (output_size is None):
        raise ValueError("give exactly one of scale and output_size")
    src = np.asarray(img, dtype=np.float64)
    h, w = src.shape[:2]
    if output_size is not None:
        out_h, out_w = int(output_size[0]), int(output_size[1])
        scales = (out_h / h, out_w / w)
    else:
        assert scale is not None
        if scale <= 0:
            raise ValueError(f"scale must be positive, got {scale}")
        out_h, out_w = int(math.ceil(h * scale)), int(math.ceil(w * scale))
        scales = (float(scale), float(scale))
    if out_h < 1 or out_w < 1:
        raise ValueError(f"output size {out_h}x{out_w} is empty")
    sizes = (out_h, out_w)
    order = (0, 1) if scales[0] <= scales[1] else (1, 0)
    out = src
    for axis in order:
        out = _resize_axis(out, axis, sizes[axis], scales[axis])
    return out


def round_uint8(x: np.ndarray) -> np.ndarray:
    """``clip(floor(x + 0.5), 0, 255)`` as uint8."""
    return np.clip(np.floor(np.asarray(x, dtype=np.float64) + 0.5), 0, 255).astype(np.uint8)


def imresize_uint8(img: np.ndarray, scale: Optional[float] = None, output_size: Optional[Sequence[int]] = None) -> np.ndarray:
    """``imresize`` of a uint8 image, rounded back to uint8."""
    return round_uint8(imresize(img, scale=scale, output_size=output_size))


def modcrop(img: np.ndarray, s: int) -> np.ndarray:
    """Crop the bottom/right so both sides are multiples of ``s``."""
    h, w = img.shape[:2]
    return img[: h - h % s, : w - w % s]
