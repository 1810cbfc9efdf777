"""Hierarchical Equalization Sampling (HES), WBSR (NeurIPS 2024) section 3.

Sample-level (uniform over all training patches) for the first ``switch`` fraction of training,
class-level afterwards: draw class ``k`` with ``P_k ∝ (sum_j 1/N_j) / (N_k delta^k)``, then a
patch uniformly inside it. Empty classes get probability 0.
"""

from __future__ import annotations

from typing import Any, Dict, Sequence

import numpy as np

from .complexity import classify
from .registry import Registry

__all__ = ["class_probabilities", "HESSampler", "UniformSampler", "SAMPLERS", "build_sampler"]


def class_probabilities(counts: Sequence[int], delta: float) -> np.ndarray:
    """Normalised ``P_k = (sum_j 1/N_j) / (N_k * delta^k)``, k = 1..K; 0 for empty classes."""
    if not 0.0 < delta <= 1.0:
        raise ValueError(f"delta must be in (0, 1], got {delta}")
    n = np.asarray(counts, dtype=np.float64)
    nz = n > 0
    k = np.arange(1, len(n) + 1, dtype=np.float64)
    inv_sum = np.sum(1.0 / n[nz])
    p = np.zeros_like(n)
    p[nz] = inv_sum / (n[nz] * delta ** k[nz])
    return p / p.sum()


class UniformSampler:
    """Plain sample-level sampling: patch ids uniformly over the pool."""

    def __init__(self, num_patches: int) -> None:
        self.num_patches = num_patches

    def sample(self, batch: int, progress: float, rng: np.random.Generator) -> np.ndarray:
        """``batch`` patch ids; ``progress`` in [0, 1] is ignored."""
        return rng.integers(0, self.num_patches, batch)

    def class_level(self, progress: float) -> bool:
        """Whether sampling is class-level at ``progress`` (never, for plain sampling)."""
        return False


class HESSampler(UniformSampler):
    """HES: uniform before ``switch``, class-level after.

    Args:
        scores: ``[N]`` patch scores. thresholds: the K-1 class cuts.
        delta: the class-weight base in (0, 1]; smaller favours hard classes more. Default 0.8.
        switch: fraction of training done sample-level. Default 0.7 (paper: 70 of 100 epochs).
    """

    def __init__(self, scores: np.ndarray, thresholds: Sequence[float], delta: float = 0.8, switch: float = 0.7) -> None:
        super().__init__(len(scores))
        self.classes = classify(scores, thresholds)
        k = len(thresholds) + 1
        self.members = [np.flatnonzero(self.classes == c) for c in range(1, k + 1)]
        self.counts = np.array([len(m) for m in self.members])
        self.probs = class_probabilities(self.counts, delta)
        self.delta, self.switch = delta, switch

    def class_level(self, progress: float) -> bool:
        return progress >= self.switch

    def sample(self, batch: int, progress: float, rng: np.random.Generator) -> np.ndarray:
        if progress < self.switch:
            return super().sample(batch, progress, rng)
        cls = rng.choice(len(self.probs), size=batch, p=self.probs)
        return np.array([self.members[c][rng.integers(0, len(self.members[c]))] for c in cls])


SAMPLERS: Registry[UniformSampler] = Registry("sampling", context=("scores", "thresholds"))
SAMPLERS.add("uniform", lambda scores, thresholds: UniformSampler(len(scores)))
SAMPLERS.add("hes", HESSampler)


def build_sampler(cfg: Dict[str, Any], scores: np.ndarray, thresholds: Sequence[float]) -> UniformSampler:
    """The sampler a ``sampling`` config section names: ``{type: uniform}`` or ``{type: hes, delta, switch}``."""
    return SAMPLERS.build(cfg, scores, thresholds)
