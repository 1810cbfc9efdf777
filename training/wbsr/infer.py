"""Whole-image inference helpers shared by training validation, evaluation and export."""

from __future__ import annotations

from typing import Callable

import numpy as np
import torch

__all__ = ["to_tensor", "to_uint8", "run_image"]


def to_tensor(img: np.ndarray, device: torch.device | str = "cpu") -> torch.Tensor:
    """uint8 ``[H, W, 3]`` or ``[B, H, W, 3]`` -> float ``[B, 3, H, W]`` in [0, 1]."""
    a = np.asarray(img)
    if a.ndim == 3:
        a = a[None]
    t = torch.from_numpy(np.ascontiguousarray(a.transpose(0, 3, 1, 2))).float().div_(255.0)
    return t.to(device)


def to_uint8(t: torch.Tensor) -> np.ndarray:
    """float ``[B, 3, H, W]`` (any range) -> uint8 ``[B, H, W, 3]``: clamp to [0, 1], ``floor(255 x + 0.5)``."""
    x = t.detach().float().clamp(0, 1).mul(255.0).add(0.5).floor().to(torch.uint8).cpu().numpy()
    return x.transpose(0, 2, 3, 1)


@torch.no_grad()
def run_image(fn: Callable[[torch.Tensor], torch.Tensor], lr: np.ndarray, device: torch.device | str = "cpu") -> np.ndarray:
    """Run ``fn`` on one whole LR uint8 image; returns the uint8 SR image ``[sH, sW, 3]``."""
    return to_uint8(fn(to_tensor(lr, device)))[0]
