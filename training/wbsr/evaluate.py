"""Evaluation: per-subnet PSNR-Y / SSIM-Y, WBSR dynamic routing, the ARM lookup table and ARM routing.

Dynamic routing is evaluated by compositing: every subnet runs on the whole LR image once; the LR
image is cut into 32x32 tiles (``complexity.patch_grid``, border tiles partial); each tile takes
the HR pixels of the subnet its route picks. This equals patch-wise inference with a full
receptive-field margin. FLOPs are the area-weighted mean over tiles of the chosen subnet's
``flops_per_patch`` (per 32x32 LR patch). PSNR/SSIM-Y shave ``scale`` pixels (``metrics``).

``python3 -m training.wbsr.evaluate RUN_DIR`` prints the tables for a run's ``final.pt`` (or its
latest checkpoint).
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch

from . import bicubic, complexity, data, metrics, routing
from .flops import srresnet_flops
from .infer import run_image
from .nets import SlimmableSRResNet, build_net

__all__ = [
    "Tile",
    "tiles_of",
    "subnet_outputs",
    "composite",
    "evaluate_bundle_net",
    "arm_table",
    "arm_route",
    "load_run_net",
    "calibrate",
    "ARM_CALIBRATION_ETAS",
]

ARM_BINS = 30
ARM_ETAS = (0.5, 1, 2, 4, 8, 16, 32)
# eta grid for calibrating ARM to a FLOPs target: 2^(i/4), 1/16 .. 256
ARM_CALIBRATION_ETAS = tuple(2.0 ** (i / 4) for i in range(-16, 33))


@dataclass
class Tile:
    """One LR routing tile: position, size, complexity score, class and ARM edge score."""

    y: int
    x: int
    h: int
    w: int
    score: float
    cls: int
    edge: float


def tiles_of(lr: np.ndarray, thresholds: Sequence[float], patch: int = 32) -> List[Tile]:
    """The routing tiles of an LR image with their scores and classes."""
    out = []
    for y, x, h, w in complexity.patch_grid(lr.shape[0], lr.shape[1], patch):
        p = lr[y : y + h, x : x + w]
        s = complexity.score(p)
        out.append(Tile(y, x, h, w, s, int(complexity.classify(s, thresholds)), complexity.edge_score(p)))
    return out


def subnet_outputs(fns: Sequence[Callable[[torch.Tensor], torch.Tensor]], lr: np.ndarray) -> List[np.ndarray]:
    """uint8 SR images of every subnet function on one LR image."""
    return [run_image(fn, lr) for fn in fns]


def composite(outputs: Sequence[np.ndarray], tiles: Sequence[Tile], choice: Sequence[int], scale: int) -> np.ndarray:
    """HR image whose tile ``t`` comes from ``outputs[choice[t]]`` (0-based subnet index)."""
    out = np.empty_like(outputs[0])
    for t, m in zip(tiles, choice):
        ys, xs = t.y * scale, t.x * scale
        out[ys : ys + t.h * scale, xs : xs + t.w * scale] = outputs[m][ys : ys + t.h * scale, xs : xs + t.w * scale]
    return out


def wbsr_choice(tiles: Sequence[Tile], num_subnets: int) -> List[int]:
    """0-based subnet per tile by the paper's rule ``m = ceil(k M / K)``."""
    return [int(complexity.route(t.cls, num_subnets)) - 1 for t in tiles]


def mean_flops(tiles: Sequence[Tile], choice: Sequence[int], flops: Sequence[float], patch: int = 32) -> float:
    """Area-weighted mean FLOPs per 32x32 LR patch of a routing."""
    area = np.array([t.h * t.w for t in tiles], dtype=np.float64)
    f = np.array([flops[m] for m in choice])
    return float((area * f).sum() / area.sum())


def _tile_psnr_y(sr: np.ndarray, hr: np.ndarray, t: Tile, scale: int) -> float:
    ys, xs = t.y * scale, t.x * scale
    a = sr[ys : ys + t.h * scale, xs : xs + t.w * scale]
    b = hr[ys : ys + t.h * scale, xs : xs + t.w * scale]
    return float(np.mean((metrics.rgb_to_y(a) - metrics.rgb_to_y(b)) ** 2))


def arm_table(records: Sequence[Tuple[float, np.ndarray, float]], bins: int = ARM_BINS) -> Dict:
    """ARM lookup table from ``(edge_score, per-subnet MSE-Y [M], bicubic MSE-Y)`` per tile.

    Bins are equal-count (quantiles of the edge scores); ``psnr_y[b][m]`` is the PSNR of the mean
    MSE-Y of the bin's tiles (pooled, so a perfect flat tile cannot make it infinite).
    """
    e = np.array([r[0] for r in records])
    mse = np.stack([r[1] for r in records])
    bic = np.array([r[2] for r in records])
    edges = np.quantile(e, np.linspace(0, 1, bins + 1))
    edges[0] = 0.0
    edges = np.maximum.accumulate(edges)
    idx = np.clip(np.searchsorted(edges, e, side="right") - 1, 0, bins - 1)
    psnr, counts, bpsnr = [], [], []
    for b in range(bins):
        sel = idx == b
        counts.append(int(sel.sum()))
        if sel.any():
            psnr.append([_psnr_of_mse(v) for v in mse[sel].mean(0)])
            bpsnr.append(_psnr_of_mse(bic[sel].mean()))
        else:  # empty (tied edges): copy the previous bin
            psnr.append(psnr[-1] if psnr else [0.0] * mse.shape[1])
            bpsnr.append(bpsnr[-1] if bpsnr else 0.0)
    return {
        "edge_score": complexity.EDGE_SCORE_NAME,
        "bin_edges": [float(x) for x in edges],
        "psnr_y": psnr,
        "counts": counts,
        "bicubic_psnr_y": bpsnr,
    }


def _psnr_of_mse(mse: float) -> float:
    return 10.0 * math.log10(255.0**2 / max(float(mse), 1e-10))


def arm_route(edge: float, table: Dict, flops: Sequence[float], eta: float) -> int:
    """ARM: ``argmax_m (eta * psnr_y[b][m] - flops_m / flops_max)``, ties to the cheaper one."""
    edges = table["bin_edges"]
    b = int(np.clip(np.searchsorted(edges, edge, side="right") - 1, 0, len(edges) - 2))
    fmax = max(flops)
    gains = [eta * table["psnr_y"][b][m] - flops[m] / fmax for m in range(len(flops))]
    best = 0
    for m in range(1, len(gains)):
        if gains[m] > gains[best]:
            best = m
    return best


@dataclass
class ImageResult:
    name: str
    outputs: List[np.ndarray]
    tiles: List[Tile]
    hr: np.ndarray


def evaluate_bundle_net(
    fns: Sequence[Callable[[torch.Tensor], torch.Tensor]],
    flops: Sequence[float],
    pairs: Sequence[data.ImagePair],
    thresholds: Sequence[float],
    scale: int,
    ssim: bool = True,
    arm: Optional[Dict] = None,
    router: Optional[Callable[[np.ndarray, List[Tile]], List[int]]] = None,
    router_flops: float = 0.0,
) -> Dict:
    """Everything measured on one set for subnets ``fns`` (sorted by cost, last = supernet).

    Returns ``{"images", "bicubic_psnr_y", "subnets": [{"psnr_y", "ssim_y"}], "supernet_psnr_y",
    "wbsr_psnr_y", "wbsr_ssim_y", "wbsr_flops", "wbsr_flops_ratio", "class_fractions",
    "arm_records", "arm" (if a table is given: per-eta PSNR/FLOPs)}``. ``router(lr, tiles)``
    replaces the paper's routing (ClassSR: the classifier's argmax), ``router_flops`` is added to
    every tile's FLOPs (ClassSR's classifier); the ``wbsr_*`` keys then hold the routed results.
    """
    m_count = len(fns)
    per_sub_psnr = np.zeros((len(pairs), m_count))
    per_sub_ssim = np.zeros((len(pairs), m_count))
    bic_psnr, wb_psnr, wb_ssim, wb_area_flops, areas = [], [], [], [], []
    arm_records = []
    class_counts = np.zeros(complexity.NUM_CLASSES)
    arm_res: Dict[float, List[Tuple[float, float, float]]] = {eta: [] for eta in ARM_ETAS}
    for i, p in enumerate(pairs):
        outs = subnet_outputs(fns, p.lr)
        tiles = tiles_of(p.lr, thresholds)
        bic = bicubic.imresize_uint8(p.lr, scale=float(scale))
        bic_psnr.append(metrics.psnr_y(bic, p.hr, scale))
        for m, o in enumerate(outs):
            per_sub_psnr[i, m] = metrics.psnr_y(o, p.hr, scale)
            if ssim:
                per_sub_ssim[i, m] = metrics.ssim_y(o, p.hr, scale)
        choice = router(p.lr, tiles) if router is not None else wbsr_choice(tiles, m_count)
        comp = composite(outs, tiles, choice, scale)
        wb_psnr.append(metrics.psnr_y(comp, p.hr, scale))
        wb_ssim.append(metrics.ssim_y(comp, p.hr, scale) if ssim else float("nan"))
        area = sum(t.h * t.w for t in tiles)
        wb_area_flops.append((mean_flops(tiles, choice, flops) + router_flops) * area)
        areas.append(area)
        for t in tiles:
            class_counts[t.cls - 1] += 1
            mses = np.array([_tile_psnr_y(o, p.hr, t, scale) for o in outs])
            arm_records.append((t.edge, mses, _tile_psnr_y(bic, p.hr, t, scale)))
        if arm is not None:
            for eta in ARM_ETAS:
                ch = [arm_route(t.edge, arm, flops, eta) for t in tiles]
                c = composite(outs, tiles, ch, scale)
                arm_res[eta].append((metrics.psnr_y(c, p.hr, scale), mean_flops(tiles, ch, flops) * area, area))
    wflops = float(np.sum(wb_area_flops) / np.sum(areas))
    res = {
        "images": len(pairs),
        "bicubic_psnr_y": float(np.mean(bic_psnr)),
        "subnets": [{"psnr_y": float(per_sub_psnr[:, m].mean()), "ssim_y": float(per_sub_ssim[:, m].mean())} for m in range(m_count)],
        "supernet_psnr_y": float(per_sub_psnr[:, -1].mean()),
        "supernet_ssim_y": float(per_sub_ssim[:, -1].mean()),
        "wbsr_psnr_y": float(np.mean(wb_psnr)),
        "wbsr_ssim_y": float(np.mean(wb_ssim)),
        "wbsr_flops": wflops,
        "wbsr_flops_ratio": wflops / flops[-1],
        "class_fractions": (class_counts / class_counts.sum()).tolist(),
        "arm_records": arm_records,
    }
    if arm is not None:
        res["arm"] = [
            {
                "eta": eta,
                "psnr_y": float(np.mean([r[0] for r in rows])),
                "flops": float(sum(r[1] for r in rows) / sum(r[2] for r in rows)),
                "flops_ratio": float(sum(r[1] for r in rows) / sum(r[2] for r in rows) / flops[-1]),
            }
            for eta, rows in arm_res.items()
        ]
    return res


def calibrate(
    fns: Sequence[Callable[[torch.Tensor], torch.Tensor]],
    flops: Sequence[float],
    pairs: Sequence[data.ImagePair],
    thresholds: Sequence[float],
    scale: int,
    with_arm: bool = True,
) -> Dict:
    """The routing calibration of issue 11 on held-out training photos (``data.CALIB_SET``).

    Measures every subnet's PSNR-Y (mean over images), keeps the PSNR-vs-FLOPs Pareto front,
    routes by Eq. 15 on the front ("pareto") and on all subnets ("literal"), builds ARM's lookup
    table on the same tiles and picks ARM's eta for a FLOPs target: the largest eta of
    ``ARM_CALIBRATION_ETAS`` whose FLOPs on this split stay within the Pareto routing's FLOPs (so
    ARM and WBSR are compared at equal cost, chosen before either sees a validation image).
    """
    n = len(fns)
    k_count = complexity.NUM_CLASSES
    psnr = np.zeros((len(pairs), n))
    bic = []
    per_image = []
    records = []
    for i, p in enumerate(pairs):
        outs = subnet_outputs(fns, p.lr)
        tiles = tiles_of(p.lr, thresholds)
        b = bicubic.imresize_uint8(p.lr, scale=float(scale))
        bic.append(metrics.psnr_y(b, p.hr, scale))
        for m, o in enumerate(outs):
            psnr[i, m] = metrics.psnr_y(o, p.hr, scale)
        for t in tiles:
            mses = np.array([_tile_psnr_y(o, p.hr, t, scale) for o in outs])
            records.append((t.edge, mses, _tile_psnr_y(b, p.hr, t, scale)))
        per_image.append((p, outs, tiles))
    mean = psnr.mean(0)
    front = routing.pareto_front(list(flops), mean.tolist())

    def run(choose: Callable[[List[Tile]], List[int]]) -> Dict[str, float]:
        ps, fl, ar = [], 0.0, 0.0
        for p, outs, tiles in per_image:
            ch = choose(tiles)
            ps.append(metrics.psnr_y(composite(outs, tiles, ch, scale), p.hr, scale))
            area = sum(t.h * t.w for t in tiles)
            fl += mean_flops(tiles, ch, flops) * area
            ar += area
        return {"psnr_y": float(np.mean(ps)), "flops_ratio": fl / ar / flops[-1]}

    table = routing.paper_table(k_count, len(front))
    pareto = run(lambda tiles: [front[table[t.cls - 1]] for t in tiles])
    literal = run(lambda tiles: wbsr_choice(tiles, n))
    out = {
        "set": data.CALIB_SET,
        "images": [p.name for p in pairs],
        "bicubic_psnr_y": float(np.mean(bic)),
        "psnr_y": mean.tolist(),
        "front": front,
        "pareto": pareto,
        "literal": literal,
    }
    if with_arm:
        arm = arm_table(records)
        choice = None
        for eta in ARM_CALIBRATION_ETAS:
            r = run(lambda tiles, eta=eta: [arm_route(t.edge, arm, flops, eta) for t in tiles])
            if r["flops_ratio"] <= pareto["flops_ratio"] + 1e-12 or choice is None:
                choice = {"eta": eta, **r}
            if r["flops_ratio"] > pareto["flops_ratio"] + 1e-12:
                break
        arm["built_on"] = data.CALIB_SET
        arm["calibration"] = {"flops_target": pareto["flops_ratio"], "target_from": "pareto", **choice}
        out["arm"] = arm
    return out


def pad_tile(lr: np.ndarray, t: Tile, patch: int = 32) -> np.ndarray:
    """The tile's LR pixels, replicate-padded at the bottom/right to ``patch`` x ``patch``."""
    a = lr[t.y : t.y + t.h, t.x : t.x + t.w]
    return np.pad(a, ((0, patch - t.h), (0, patch - t.w), (0, 0)), mode="edge")


def classsr_router(classifier: torch.nn.Module) -> Callable[[np.ndarray, List[Tile]], List[int]]:
    """ClassSR routing: argmax of the classifier on each (padded) tile."""
    from .infer import to_tensor

    def route(lr: np.ndarray, tiles: List[Tile]) -> List[int]:
        with torch.no_grad():
            x = to_tensor(np.stack([pad_tile(lr, t) for t in tiles]))
            return classifier.eval()(x).argmax(1).tolist()

    return route


def load_run_net(run_dir: Path) -> Tuple[SlimmableSRResNet, Dict]:
    """The supernet of a run (``final.pt``, else ``checkpoints/latest.pt``) and the saved dict."""
    path = run_dir / "final.pt"
    if not path.exists():
        path = run_dir / "checkpoints" / "latest.pt"
    st = torch.load(path, map_location="cpu")
    net = build_net(st["config"]["network"])
    net.load_state_dict(st["net"])
    net.eval()
    st["path"] = str(path)
    return net, st


def evaluate_run(run_dir: Path, sets: Sequence[str] = ("val-photo", "val-classic"), limit: Optional[int] = None, ssim: bool = True) -> Dict:
    """Evaluate a training run's supernet and subnets on the validation sets."""
    net, st = load_run_net(run_dir)
    scale = net.upscale
    configs = net.subnet_configs()
    fns = [(lambda x, w=w, d=d: net(x, w, d)) for w, d in configs]
    flops = [srresnet_flops(w, d, scale) for w, d in configs]
    th = st["thresholds"]["thresholds"]
    router, rflops = None, 0.0
    if hasattr(net, "classifier"):
        from .flops import classifier_flops

        router, rflops = classsr_router(net.classifier), classifier_flops()
    out: Dict = {
        "run": str(run_dir),
        "checkpoint": st["path"],
        "iteration": st["iteration"],
        "configs": configs,
        "flops": flops,
        "sets": {},
    }
    table = None
    for s in sets:
        pairs = data.load_set(s, scale, limit=limit)
        r = evaluate_bundle_net(fns, flops, pairs, th, scale, ssim=ssim, arm=table, router=router, router_flops=rflops)
        if s == "val-photo" and router is None:
            table = arm_table(r["arm_records"])
            out["arm_table"] = table
        out["sets"][s] = r
    return out


def format_report(res: Dict) -> str:
    """Plain-text tables of ``evaluate_run``'s result."""
    lines = [f"{res['run']} ({res['checkpoint']}, iteration {res['iteration']})"]
    for s, r in res["sets"].items():
        lines.append(f"\n{s}: {r['images']} images, bicubic PSNR-Y {r['bicubic_psnr_y']:.3f}")
        for (w, d), f, sub in zip(res["configs"], res["flops"], r["subnets"]):
            lines.append(f"  w{w}-d{d}: {f / 1e9:.3f} GFLOPs  PSNR-Y {sub['psnr_y']:.3f}  SSIM-Y {sub['ssim_y']:.4f}")
        lines.append(
            f"  WBSR routing: PSNR-Y {r['wbsr_psnr_y']:.3f} (supernet {r['supernet_psnr_y']:.3f}, "
            f"{r['wbsr_psnr_y'] - r['supernet_psnr_y']:+.3f}), FLOPs {r['wbsr_flops'] / 1e9:.3f} G = {100 * r['wbsr_flops_ratio']:.1f}%"
        )
        lines.append("  class fractions: " + " ".join(f"{100 * x:.0f}%" for x in r["class_fractions"]))
        for a in r.get("arm", []):
            lines.append(f"  ARM eta={a['eta']}: PSNR-Y {a['psnr_y']:.3f}, FLOPs {100 * a['flops_ratio']:.1f}%")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate a training run on the validation sets.")
    ap.add_argument("run_dir", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="images per set (default: all)")
    ap.add_argument("--no-ssim", action="store_true")
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    res = evaluate_run(args.run_dir, limit=args.limit, ssim=not args.no_ssim)
    print(format_report(res))
    if args.json:
        slim = {k: v for k, v in res.items()}
        slim["sets"] = {s: {k: v for k, v in r.items() if k != "arm_records"} for s, r in res["sets"].items()}
        args.json.write_text(json.dumps(slim, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
