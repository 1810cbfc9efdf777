"""Recipe-study summary (issue 11): ``python3 -m training.wbsr.study [--runs training/runs/study]``.

Every finished run under ``--runs`` (a folder with ``final.pt``) is evaluated on Val-Photo,
Val-Classic and the calibration split: the supernet's PSNR-Y and the PSNR-Y and FLOPs of its
routed result (``evaluate.evaluate_bundle_net``, compositing). The routing rule is a parameter
(``ROUTINGS``; ``paper`` is the paper's class rule ``m = ceil(k M / K)`` over the subnets sorted by
FLOPs; ``pareto`` the same rule over the PSNR-vs-FLOPs Pareto front measured on the calibration split,
as the exported bundles route). Each run's numbers are cached in ``<run>/study_eval.json``, keyed by the checkpoint's size
and mtime, the routing rule and the set, so rerunning the tool only evaluates new runs. Runs are
grouped into variants by their name without the ``-sN`` seed suffix; the tool writes a
mean ± std table over seeds to ``<runs>/SUMMARY.md`` and the same numbers to ``<runs>/summary.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np
import torch

from . import complexity, data, routing
from .evaluate import Tile, evaluate_bundle_net, load_run_net, wbsr_choice
from .flops import srresnet_flops

STUDY_DIR = Path(__file__).resolve().parents[1] / "runs" / "study"
SETS = ("val-photo", "val-classic", data.CALIB_SET)
CACHE_FILE = "study_eval.json"
SEED_SUFFIX = re.compile(r"-s\d+$")

Router = Callable[[np.ndarray, List[Tile]], List[int]]


@dataclass(frozen=True)
class RouteContext:
    """What a routing rule may know about a run: every subnet's FLOPs (sorted by cost) and, once the
    calibration split is evaluated, every subnet's PSNR-Y on it (never a validation set's)."""

    flops: List[float]
    calib_psnr_y: Optional[List[float]] = None


def paper_routing(ctx: RouteContext) -> Router:
    """The paper's class rule over all subnets sorted by FLOPs: ``m = ceil(k M / K)``."""
    return lambda lr, tiles: wbsr_choice(tiles, len(ctx.flops))


def pareto_routing(ctx: RouteContext) -> Router:
    """The paper's class rule over the calibration split's PSNR-vs-FLOPs Pareto front (the
    bundles' default since format 2): class k runs front member ``ceil(k M' / K)``."""
    if ctx.calib_psnr_y is None:
        raise ValueError("the pareto routing needs the calibration split's subnet PSNRs")
    front = routing.pareto_front(ctx.flops, ctx.calib_psnr_y)
    table = routing.paper_table(complexity.NUM_CLASSES, len(front))
    return lambda lr, tiles: [front[table[t.cls - 1]] for t in tiles]


# name -> factory(RouteContext) -> router; a new rule is one more entry here.
ROUTINGS: Dict[str, Callable[[RouteContext], Router]] = {"paper": paper_routing, "pareto": pareto_routing}
NEEDS_CALIBRATION = {"pareto"}


@dataclass(frozen=True)
class SetResult:
    """One run on one set."""

    supernet_psnr_y: float
    routed_psnr_y: float
    routed_flops_ratio: float
    subnet_psnr_y: List[float]


def variant_of(run_name: str) -> str:
    """``wbsr1-s0`` -> ``wbsr1`` (the seed suffix dropped)."""
    return SEED_SUFFIX.sub("", run_name)


def finished_runs(runs: Path) -> List[Path]:
    """Run folders with a ``final.pt``, sorted by name."""
    return sorted(p for p in runs.iterdir() if (p / "final.pt").is_file())


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}:{int(st.st_mtime)}"


def evaluate_run_cached(run: Path, routing: str, sets: Sequence[str], log: Callable[[str], None] = print) -> Dict[str, SetResult]:
    """The run's ``SetResult`` per set, from ``<run>/study_eval.json`` when its entry matches the
    checkpoint; otherwise evaluated and cached."""
    # a calibrated rule reads every subnet's PSNR on the calibration split (the same under any
    # rule, so taken from the paper rule's evaluation, itself cached) before it routes anything
    calib_psnr = (
        evaluate_run_cached(run, "paper", [data.CALIB_SET], log)[data.CALIB_SET].subnet_psnr_y if routing in NEEDS_CALIBRATION else None
    )
    cache_path = run / CACHE_FILE
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    stamp = _stamp(run / "final.pt")
    if cache.get("checkpoint") != stamp:
        cache = {"checkpoint": stamp, "results": {}}
    out: Dict[str, SetResult] = {}
    net = None
    for s in sets:
        key = f"{routing}/{s}"
        if key in cache["results"]:
            out[s] = SetResult(**cache["results"][key])
            continue
        if net is None:
            net, st = load_run_net(run)
            configs = net.subnet_configs()
            fns = [(lambda x, w=w, d=d: net(x, w, d)) for w, d in configs]
            flops = [srresnet_flops(w, d, net.upscale) for w, d in configs]
            thresholds = st["thresholds"]["thresholds"]
        t0 = time.time()
        pairs = data.load_set(s, net.upscale)
        ctx = RouteContext(flops, calib_psnr)
        r = evaluate_bundle_net(fns, flops, pairs, thresholds, net.upscale, ssim=False, router=ROUTINGS[routing](ctx))
        out[s] = SetResult(r["supernet_psnr_y"], r["wbsr_psnr_y"], r["wbsr_flops_ratio"], [x["psnr_y"] for x in r["subnets"]])
        cache["results"][key] = asdict(out[s])
        cache_path.write_text(json.dumps(cache, indent=1) + "\n")
        log(f"{run.name} {s}: supernet {out[s].supernet_psnr_y:.3f} routed {out[s].routed_psnr_y:.3f} ({time.time() - t0:.0f}s)")
    return out


@dataclass(frozen=True)
class Stat:
    """Mean and sample standard deviation over seeds (``std`` is None for one seed)."""

    mean: float
    std: Optional[float]
    n: int

    @staticmethod
    def of(values: Sequence[float]) -> "Stat":
        return Stat(statistics.fmean(values), statistics.stdev(values) if len(values) > 1 else None, len(values))

    def text(self, digits: int = 3, scale: float = 1.0) -> str:
        m = f"{self.mean * scale:.{digits}f}"
        return m if self.std is None else f"{m} ± {self.std * scale:.{digits}f}"


def summarise(results: Dict[str, Dict[str, SetResult]], sets: Sequence[str]) -> Dict[str, Dict]:
    """``{variant: {"runs": [...], set: {"supernet": Stat, "routed": Stat, "flops": Stat}}}``."""
    groups: Dict[str, List[str]] = {}
    for run in sorted(results):
        groups.setdefault(variant_of(run), []).append(run)
    out: Dict[str, Dict] = {}
    for variant, runs in groups.items():
        row: Dict = {"runs": runs}
        for s in sets:
            rs = [results[r][s] for r in runs if s in results[r]]
            if rs:
                row[s] = {
                    "supernet": Stat.of([r.supernet_psnr_y for r in rs]),
                    "routed": Stat.of([r.routed_psnr_y for r in rs]),
                    "flops": Stat.of([r.routed_flops_ratio for r in rs]),
                }
        out[variant] = row
    return out


def markdown(summary: Dict[str, Dict], sets: Sequence[str], routing: str, reference: Optional[str]) -> str:
    """The SUMMARY.md text: one table per set."""
    lines = [
        "# Recipe study (issue 11): supernet and routed PSNR-Y, mean ± std over seeds",
        "",
        f"Generated by `/usr/bin/python3 -m training.wbsr.study` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. "
        f"Routing rule: `{routing}`. PSNR-Y in dB (BT.601 Y, `scale` pixels shaved at the borders); routed FLOPs as % of the supernet's. "
        "Variants group the runs `NAME-sN` by NAME; ± is the sample standard deviation over seeds (none for one seed)."
        + (f" Δ: difference of the means to `{reference}`." if reference else ""),
    ]
    for s in sets:
        lines += [
            "",
            f"## {s}",
            "",
            "| variant | seeds | supernet | routed | routed FLOPs % |" + (" Δ supernet | Δ routed |" if reference else ""),
            "|---|---|---|---|---|" + ("---|---|" if reference else ""),
        ]
        ref = summary.get(reference, {}).get(s) if reference else None
        for variant, row in summary.items():
            if s not in row:
                continue
            r = row[s]
            cells = [variant, str(r["supernet"].n), r["supernet"].text(), r["routed"].text(), r["flops"].text(1, 100.0)]
            if reference:
                cells += (
                    [f"{r['supernet'].mean - ref['supernet'].mean:+.3f}", f"{r['routed'].mean - ref['routed'].mean:+.3f}"]
                    if ref
                    else ["", ""]
                )
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def to_json(summary: Dict[str, Dict], results: Dict[str, Dict[str, SetResult]], routing: str) -> Dict:
    return {
        "routing": routing,
        "variants": {
            v: {k: (x if k == "runs" else {m: asdict(st) for m, st in x.items()}) for k, x in row.items()} for v, row in summary.items()
        },
        "runs": {r: {s: asdict(x) for s, x in per.items()} for r, per in results.items()},
    }


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate the recipe study's finished runs and write SUMMARY.md.")
    ap.add_argument("--runs", type=Path, default=STUDY_DIR, help="folder of the study's run folders")
    ap.add_argument("--routing", choices=sorted(ROUTINGS), default="paper")
    ap.add_argument("--sets", nargs="+", default=list(SETS))
    ap.add_argument("--reference", default="base", help="variant the Δ columns compare to ('' for none)")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    if not args.runs.is_dir():
        print(f"{args.runs} does not exist: no study runs to summarise", file=sys.stderr)
        return 1
    runs = finished_runs(args.runs)
    if not runs:
        print(f"no finished runs (folders with final.pt) in {args.runs}", file=sys.stderr)
        return 1
    results = {r.name: evaluate_run_cached(r, args.routing, args.sets) for r in runs}
    summary = summarise(results, args.sets)
    reference = args.reference or None
    (args.runs / "SUMMARY.md").write_text(markdown(summary, args.sets, args.routing, reference))
    (args.runs / "summary.json").write_text(json.dumps(to_json(summary, results, args.routing), indent=1) + "\n")
    print(f"wrote {args.runs / 'SUMMARY.md'} and summary.json ({len(runs)} runs, {len(summary)} variants)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
