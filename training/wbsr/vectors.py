"""Write the shared test vectors ``testvectors/{complexity,bicubic,metrics}.json``.

Run from the repository root: ``/usr/bin/python3 -m training.wbsr.vectors`` (``--check`` compares
with the committed files instead of writing). Inputs are synthetic and seeded, so regenerating
must reproduce every value bit for bit; a difference means a definition changed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from . import bicubic, complexity, metrics

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / "testvectors"
EXAMPLE_THRESHOLDS = [2.0, 5.0, 10.0, 20.0, 40.0, 60.0, 90.0, 130.0, 200.0]


def image_json(img: np.ndarray) -> Dict[str, Any]:
    """``{"height", "width", "channels", "data"}`` with uint8 HWC row-major data."""
    a = np.asarray(img)
    if a.ndim == 2:
        a = a[:, :, None]
    assert a.dtype == np.uint8
    return {"height": a.shape[0], "width": a.shape[1], "channels": a.shape[2], "data": a.reshape(-1).tolist()}


def image_from_json(obj: Dict[str, Any]) -> np.ndarray:
    """Inverse of ``image_json``: an ``[H, W, C]`` uint8 array."""
    return np.asarray(obj["data"], dtype=np.uint8).reshape(obj["height"], obj["width"], obj["channels"])


def _smooth(rng: np.random.Generator, h: int, w: int, c: int = 3) -> np.ndarray:
    """A smooth random image with some structure (uint8)."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    out = np.zeros((h, w, c))
    for ch in range(c):
        fy, fx, ph = rng.uniform(0.05, 0.6), rng.uniform(0.05, 0.6), rng.uniform(0, 6.28)
        out[..., ch] = 128 + 90 * np.sin(fy * yy + ph) * np.cos(fx * xx) + rng.normal(0, 12, (h, w))
    return np.clip(np.round(out), 0, 255).astype(np.uint8)


def _patches(rng: np.random.Generator) -> List[Tuple[str, np.ndarray]]:
    p = 32
    yy, xx = np.mgrid[0:p, 0:p]
    flat = np.full((p, p, 3), (120, 130, 140), np.uint8)
    near_flat = np.clip(flat.astype(int) + rng.integers(-1, 2, (p, p, 3)), 0, 255).astype(np.uint8)
    ramp = np.repeat(((xx * 3 + yy) % 256).astype(np.uint8)[..., None], 3, axis=2)
    edge = np.where((xx > 13)[..., None], np.array([230, 200, 40]), np.array([20, 40, 90])).astype(np.uint8)
    diag = np.where((xx + yy > 30)[..., None], 210, 35).astype(np.uint8) * np.ones((1, 1, 3), np.uint8)
    texture = rng.integers(0, 256, (p, p, 3)).astype(np.uint8)
    mild_texture = np.clip(128 + rng.normal(0, 10, (p, p, 3)), 0, 255).round().astype(np.uint8)
    checker = (((yy // 2 + xx // 2) % 2) * 255).astype(np.uint8)[..., None] * np.ones((1, 1, 3), np.uint8)
    smooth = _smooth(rng, p, p)
    partial_right = _smooth(rng, 32, 17)
    partial_bottom = _smooth(rng, 9, 32)
    partial_corner = _smooth(rng, 5, 3)
    tiny = rng.integers(0, 256, (2, 7, 3)).astype(np.uint8)
    return [
        ("flat", flat),
        ("near-flat", near_flat),
        ("ramp", ramp),
        ("edge-vertical", edge),
        ("edge-diagonal", diag),
        ("texture-noise", texture),
        ("texture-mild", mild_texture),
        ("checker", checker),
        ("smooth", smooth),
        ("partial-32x17", partial_right),
        ("partial-9x32", partial_bottom),
        ("partial-5x3", partial_corner),
        ("tiny-2x7", tiny),
    ]


def complexity_vectors() -> Dict[str, Any]:
    rng = np.random.default_rng(20240601)
    num_subnets = 9
    cases = []
    for name, patch in _patches(rng):
        v = complexity.gradient_vector(patch)
        s = complexity.score(patch)
        k = int(complexity.classify(s, EXAMPLE_THRESHOLDS))
        cases.append(
            {
                "name": name,
                "image": image_json(patch),
                "vector": [float(x) for x in v],
                "score": s,
                "class": k,
                "subnet": int(complexity.route(k, num_subnets)),
                "edge_score": complexity.edge_score(patch),
            }
        )
    class_cases = []
    for s in [0.0, 1.999, 2.0, 2.001, 5.0, 19.99, 20.0, 59.0, 60.0, 199.9, 200.0, 1e6]:
        class_cases.append({"score": s, "class": int(complexity.classify(s, EXAMPLE_THRESHOLDS))})
    route_cases = [{"class": k, "num_subnets": m, "subnet": int(complexity.route(k, m))} for m in (9, 3, 4) for k in range(1, 11)]
    sample = np.random.default_rng(7).gamma(2.0, 10.0, 1000)
    return {
        "score": complexity.SCORE_NAME,
        "edge_score_name": complexity.EDGE_SCORE_NAME,
        "num_classes": complexity.NUM_CLASSES,
        "thresholds": EXAMPLE_THRESHOLDS,
        "num_subnets": num_subnets,
        "tolerance": 1e-9,
        "patches": cases,
        "class_cases": class_cases,
        "route_cases": route_cases,
        "threshold_case": {
            "scores": [float(x) for x in sample],
            "thresholds": complexity.thresholds_from_scores(sample),
        },
    }


def bicubic_vectors() -> Dict[str, Any]:
    rng = np.random.default_rng(31337)
    specs: List[Tuple[str, Tuple[int, int, int], Optional[float], Optional[Tuple[int, int]]]] = [
        ("down-1/2-8x8", (8, 8, 3), 0.5, None),
        ("down-1/2-odd-9x7", (9, 7, 3), 0.5, None),
        ("down-1/4-16x12", (16, 12, 3), 0.25, None),
        ("down-1/4-odd-13x11", (13, 11, 3), 0.25, None),
        ("down-1/2-gray-10x15", (10, 15, 1), 0.5, None),
        ("down-1/2-thin-2x9", (2, 9, 3), 0.5, None),
        ("up-x2-5x6", (5, 6, 3), 2.0, None),
        ("up-x4-4x3", (4, 3, 3), 4.0, None),
        ("up-x2-odd-7x5", (7, 5, 3), 2.0, None),
        ("size-10x9-to-7x5", (10, 9, 3), None, (7, 5)),
        ("size-4x5-to-6x9", (4, 5, 3), None, (6, 9)),
        ("size-6x8-to-3x11", (6, 8, 3), None, (3, 11)),
    ]
    cases = []
    for name, (h, w, c), scale, size in specs:
        img = _smooth(rng, h, w, c) if "gray" not in name else rng.integers(0, 256, (h, w, c)).astype(np.uint8)
        if name.startswith("down-1/2-8x8"):
            img[:, :4] = 255  # hard edge: exercises overshoot and clipping
            img[:, 4:] = 0
        out = bicubic.imresize(img, scale=scale, output_size=size)
        if out.ndim == 2:
            out = out[:, :, None]
        cases.append(
            {
                "name": name,
                "input": image_json(img),
                "scale": scale,
                "output_size": list(size) if size else None,
                "output_shape": list(out.shape),
                "output_double": [float(x) for x in out.reshape(-1)],
                "output_uint8": image_json(bicubic.round_uint8(out)),
            }
        )
    return {
        "kernel": "matlab-bicubic-a-0.5-antialias",
        "rounding": "clip(floor(x + 0.5), 0, 255)",
        "tolerance": 1e-9,
        "cases": cases,
    }


def metrics_vectors() -> Dict[str, Any]:
    rng = np.random.default_rng(4242)
    cases = []
    for name, (h, w), border, noise in [
        ("24x20-shave2", (24, 20), 2, 8.0),
        ("30x33-shave4", (30, 33), 4, 3.0),
        ("16x17-shave0", (16, 17), 0, 20.0),
        ("40x40-shave2-small-noise", (40, 40), 2, 1.0),
    ]:
        ref = _smooth(rng, h, w)
        img = np.clip(np.round(ref + rng.normal(0, noise, ref.shape)), 0, 255).astype(np.uint8)
        cases.append(
            {
                "name": name,
                "image": image_json(img),
                "reference": image_json(ref),
                "crop_border": border,
                "psnr_y": metrics.psnr_y(img, ref, border),
                "ssim_y": metrics.ssim_y(img, ref, border),
            }
        )
    return {
        "y": "16 + (65.481 R + 128.553 G + 24.966 B) / 255",
        "ssim_window": {"size": 11, "sigma": 1.5, "padding": "valid"},
        "tolerance": 1e-9,
        "cases": cases,
    }


def routing_vectors() -> Dict[str, Any]:
    """Pareto front, Eq. 15/16 and both budget rules (``routing.py`` vs Java's ``ParetoFront`` and
    ``BudgetRouting``). The front cases include the shipped base-x2's FLOPs/PSNR pattern (w32-d2
    dearer and worse than w16-d8) and exact ties."""
    from . import routing

    rng = np.random.default_rng(11)
    base_cost = [0.061, 0.080, 0.118, 0.134, 0.177, 0.235, 0.261, 0.311, 0.462]
    base_q = [43.88, 43.96, 44.03, 43.90, 44.03, 43.93, 44.14, 44.11, 44.28]
    fronts = [
        (base_cost, base_q),
        ([1.0, 1.0, 2.0], [5.0, 5.0, 4.0]),
        ([1.0, 2.0, 2.0, 3.0], [1.0, 3.0, 2.0, 3.0]),
        ([3.0, 1.0, 2.0], [3.0, 1.0, 2.0]),
        ([1.0], [0.0]),
    ]
    for _ in range(6):
        n = int(rng.integers(2, 10))
        fronts.append((np.round(rng.uniform(0.05, 1.0, n), 3).tolist(), np.round(rng.uniform(30, 31, n), 2).tolist()))
    budgets = []
    for _ in range(12):
        n = int(rng.integers(1, 10))
        costs = np.sort(np.round(rng.uniform(0.05, 1.0, n), 4)).tolist()
        weights = np.round(rng.uniform(0, 50, 10), 2).tolist()
        for b in (0.05, 0.3, 0.5, 0.7, 0.9, 1.0):
            budgets.append(
                {
                    "weights": weights,
                    "costs": costs,
                    "budget": b,
                    "level": routing.level_budget_table(weights, costs, b),
                    "eq16": routing.eq16_budget_table(weights, costs, b),
                }
            )
    eq16 = []
    for tau in (0.0, 0.05, 0.1, 0.2, 0.3, 0.462, 1.0):
        eq16.append({"num_classes": 10, "costs": base_cost, "tau": tau, "table": routing.eq16_table(10, base_cost, tau)})
    return {
        "tolerance": 0.0,
        "fronts": [{"cost": c, "quality": q, "front": routing.pareto_front(c, q)} for c, q in fronts],
        "paper_tables": [{"num_classes": 10, "members": m, "table": routing.paper_table(10, m)} for m in range(1, 10)],
        "eq16_tables": eq16,
        "eq16_taus": {"num_classes": 10, "costs": base_cost, "taus": routing.eq16_taus(10, base_cost)},
        "budget_cases": budgets,
    }


def build_all() -> Dict[str, Dict[str, Any]]:
    """All vector files, keyed by file name."""
    return {
        "routing.json": routing_vectors(),
        "complexity.json": complexity_vectors(),
        "bicubic.json": bicubic_vectors(),
        "metrics.json": metrics_vectors(),
    }


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--check", action="store_true", help="compare with existing files, write nothing")
    args = parser.parse_args(argv)
    status = 0
    for fname, obj in build_all().items():
        path = args.out / fname
        text = json.dumps(obj, separators=(",", ":")) + "\n"
        if args.check:
            same = path.exists() and json.loads(path.read_text()) == json.loads(text)
            print(f"{path}: {'ok' if same else 'DIFFERS'}")
            status |= 0 if same else 1
        else:
            path.write_text(text)
            print(f"wrote {path} ({len(text)} bytes)")
    return status


if __name__ == "__main__":
    sys.exit(main())
