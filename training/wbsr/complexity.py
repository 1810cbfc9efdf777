"""Patch complexity (method note sections 2, 3, 7).

``sobel-gradient-sum-v1``: Y = 0.299 R + 0.587 G + 0.114 B (float64, 0..255, not rounded); Sobel
Gx = [[-1,0,1],[-2,0,2],[-1,0,1]] (correlation), Gy = Gx^T, on interior pixels only;
v = (mean|Gx|, std|Gx|, mean|Gy|, std|Gy|) with population std; score = sum(v).
A patch smaller than 3x3 has v = 0 and score 0.

Classes: ``k = 1 + #{j : score >= thresholds[j]}`` in 1..K, with the K-1 thresholds
``t[floor(j * N / K)]``, j = 1..K-1, of the sorted training scores ``t``.

``laplacian-mean-v1`` (ARM edge score): gray = floor(0.299 R + 0.587 G + 0.114 B + 0.5) (uint8),
Laplacian [[0,1,0],[1,-4,1],[0,1,0]] on interior pixels, score = mean |response|.
"""

from __future__ import annotations

import math
from typing import Iterator, List, Sequence, Tuple

import numpy as np

SCORE_NAME = "sobel-gradient-sum-v1"
EDGE_SCORE_NAME = "laplacian-mean-v1"
NUM_CLASSES = 10

__all__ = [
    "SCORE_NAME",
    "EDGE_SCORE_NAME",
    "NUM_CLASSES",
    "luma",
    "gradient_vector",
    "gradient_vectors",
    "score",
    "scores",
    "thresholds_from_scores",
    "classify",
    "route",
    "edge_score",
    "edge_scores",
    "patch_grid",
    "num_tiles",
]


def luma(rgb: np.ndarray) -> np.ndarray:
    """``0.299 R + 0.587 G + 0.114 B`` in float64 on the input's scale; works on [..., 3]."""
    x = np.asarray(rgb, dtype=np.float64)
    return 0.299 * x[..., 0] + 0.587 * x[..., 1] + 0.114 * x[..., 2]


def _sobel(y: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """Interior Sobel responses of ``[..., h, w]`` -> two ``[..., h-2, w-2]`` arrays."""
    tl, tc, tr = y[..., :-2, :-2], y[..., :-2, 1:-1], y[..., :-2, 2:]
    ml, mr = y[..., 1:-1, :-2], y[..., 1:-1, 2:]
    bl, bc, br = y[..., 2:, :-2], y[..., 2:, 1:-1], y[..., 2:, 2:]
    gx = (tr - tl) + 2.0 * (mr - ml) + (br - bl)
    gy = (bl - tl) + 2.0 * (bc - tc) + (br - tr)
    return gx, gy


def gradient_vectors(patches: np.ndarray) -> np.ndarray:
    """Gradient vectors of a batch of RGB patches ``[N, h, w, 3]`` (0..255) -> ``[N, 4]``."""
    p = np.asarray(patches)
    if p.ndim != 4 or p.shape[-1] != 3:
        raise ValueError(f"expected [N, h, w, 3], got {p.shape}")
    n, h, w = p.shape[:3]
    if h < 3 or w < 3:
        return np.zeros((n, 4), dtype=np.float64)
    gx, gy = _sobel(luma(p))
    ax = np.abs(gx).reshape(n, -1)
    ay = np.abs(gy).reshape(n, -1)
    return np.stack([ax.mean(1), ax.std(1), ay.mean(1), ay.std(1)], axis=1)


def gradient_vector(patch: np.ndarray) -> np.ndarray:
    """``(mean|Gx|, std|Gx|, mean|Gy|, std|Gy|)`` of one RGB patch ``[h, w, 3]``."""
    return gradient_vectors(np.asarray(patch)[None])[0]


def scores(patches: np.ndarray) -> np.ndarray:
    """Scalar scores of a batch ``[N, h, w, 3]`` -> ``[N]``."""
    v = gradient_vectors(patches)
    return v[:, 0] + v[:, 1] + v[:, 2] + v[:, 3]


def score(patch: np.ndarray) -> float:
    """Scalar ``sobel-gradient-sum-v1`` score of one RGB patch ``[h, w, 3]``."""
    v = gradient_vector(patch)
    return float(v[0] + v[1] + v[2] + v[3])


def thresholds_from_scores(all_scores: Sequence[float], num_classes: int = NUM_CLASSES) -> List[float]:
    """The K-1 ascending class cuts ``t[floor(j N / K)]``, j = 1..K-1, of the sorted scores."""
    t = np.sort(np.asarray(all_scores, dtype=np.float64))
    n = len(t)
    if n < num_classes:
        raise ValueError(f"need at least {num_classes} scores, got {n}")
    return [float(t[(j * n) // num_classes]) for j in range(1, num_classes)]


def classify(s: np.ndarray | float, thresholds: Sequence[float]) -> np.ndarray:
    """Class ``k`` in 1..K: ``1 + #{j : s >= thresholds[j]}``."""
    th = np.asarray(thresholds, dtype=np.float64)
    return 1 + np.searchsorted(th, np.asarray(s, dtype=np.float64), side="right")


def route(k: np.ndarray | int, num_subnets: int, num_classes: int = NUM_CLASSES) -> np.ndarray:
    """Paper routing: 1-based subnet ``m = ceil(k M / K)`` (integer arithmetic)."""
    k = np.asarray(k, dtype=np.int64)
    return (k * num_subnets + num_classes - 1) // num_classes


def edge_scores(patches: np.ndarray) -> np.ndarray:
    """ARM ``laplacian-mean-v1`` scores of ``[N, h, w, 3]`` uint8-valued patches -> ``[N]``."""
    p = np.asarray(patches)
    n, h, w = p.shape[:3]
    if h < 3 or w < 3:
        return np.zeros(n, dtype=np.float64)
    gray = np.floor(luma(p) + 0.5)
    lap = gray[:, :-2, 1:-1] + gray[:, 2:, 1:-1] + gray[:, 1:-1, :-2] + gray[:, 1:-1, 2:] - 4.0 * gray[:, 1:-1, 1:-1]
    return np.abs(lap).reshape(n, -1).mean(1)


def edge_score(patch: np.ndarray) -> float:
    """ARM edge score of one RGB patch ``[h, w, 3]``."""
    return float(edge_scores(np.asarray(patch)[None])[0])


def patch_grid(height: int, width: int, patch: int = 32) -> Iterator[Tuple[int, int, int, int]]:
    """Non-overlapping tiles ``(y, x, h, w)`` from the top-left; right/bottom tiles may be partial."""
    for y in range(0, height, patch):
        for x in range(0, width, patch):
            yield y, x, min(patch, height - y), min(patch, width - x)


def num_tiles(height: int, width: int, patch: int = 32) -> int:
    """Number of tiles ``patch_grid`` yields."""
    return math.ceil(height / patch) * math.ceil(width / patch)
