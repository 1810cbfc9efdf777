"""Is a ClassSR bundle's classifier the weak point? ``python3 -m training.wbsr.classsr_check RUN``.

Routes the run's branches two ways on the validation sets: by its learned classifier (ClassSR)
and by the complexity-score terciles of the training patches, the split stage 1 trained each
branch on. Writes ``RUN/routing_check.txt``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, List, Optional, Sequence

import numpy as np
import torch

from . import data
from .classsr import tercile_cuts, tercile_of
from .evaluate import Tile, classsr_router, evaluate_bundle_net, load_run_net
from .flops import classifier_flops, srresnet_flops


def tercile_router(cuts: Sequence[float]) -> Callable[[np.ndarray, List[Tile]], List[int]]:
    """Branch k for tiles in the k-th third: the branch trained on such patches."""
    return lambda lr, tiles: tercile_of(np.array([t.score for t in tiles]), cuts).tolist()


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Classifier against score-tercile routing of a ClassSR run.")
    ap.add_argument("run", type=Path)
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    net, st = load_run_net(args.run)
    cfg = st["config"]
    assert hasattr(net, "classifier"), f"{args.run} is not a ClassSR run"
    pool = data.PatchPool(data.load_set("train", net.upscale), net.upscale, cfg["data"]["patch"], cfg["data"]["stride"])
    cuts = tercile_cuts(pool.scores)
    fns = [(lambda x, w=w: net(x, w)) for w in net.widths]
    flops = [srresnet_flops(w, d, net.upscale) for w, d in net.subnet_configs()]
    lines = [
        f"# {args.run.name}: ClassSR classifier vs score-tercile routing (cuts {cuts[0]:.2f}, {cuts[1]:.2f})",
        "set,router,psnr_y,flops_of_widest",
    ]
    for set_name in ("val-photo", "val-classic"):
        val = data.load_set(set_name, net.upscale)
        # the classifier's FLOPs count on every patch, as in the bundle's card; the score's do not
        routers = (("classifier", classsr_router(net.classifier), classifier_flops()), ("score-terciles", tercile_router(cuts), 0.0))
        for name, router, rflops in routers:
            r = evaluate_bundle_net(
                fns, flops, val, st["thresholds"]["thresholds"], net.upscale, ssim=False, router=router, router_flops=rflops
            )
            lines.append(f"{set_name},{name},{r['wbsr_psnr_y']:.3f},{r['wbsr_flops_ratio']:.3f}")
            print(lines[-1], flush=True)
    (args.run / "routing_check.txt").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
