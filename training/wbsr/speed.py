"""Training speed A/B (issue 11 item 5): ``python3 -m training.wbsr.speed -c CONFIG --variant "NAME:KEY=VALUE ..."``.

Builds one ``train.Trainer`` per variant (its ``--set`` overrides on top of CONFIG, in a scratch
run folder) and times ``Trainer.step()`` round-robin: every round runs ``--steps`` steps of each
variant in turn, so on a shared, loaded machine all variants see the same minutes of load. Prints
per variant the median over rounds of the wall and CPU seconds per step, the LR pixels per second
(``batch * patch^2 / wall``) and the load average before and after. A variant's ``threads`` is
applied before each of its rounds (``torch.set_num_threads`` is process-wide).

Quality at equal steps is a separate question: ``--grad-check`` compares each variant's gradient
of the first step with the first variant's on the same batch (cosine similarity, relative norm).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import torch

from . import train


@dataclass(frozen=True)
class Variant:
    """A named set of config overrides."""

    name: str
    overrides: Tuple[str, ...]

    @staticmethod
    def parse(text: str) -> "Variant":
        name, _, sets = text.partition(":")
        return Variant(name, tuple(sets.split()))


@dataclass(frozen=True)
class Timing:
    """Median seconds per step over rounds, wall and process CPU, and LR pixels per wall second."""

    variant: str
    wall_s: float
    cpu_s: float
    rounds: int
    lr_pixels_per_s: float
    steps_per_hour: float


def _grad_vector(trainer: train.Trainer) -> torch.Tensor:
    return torch.cat([p.grad.detach().float().flatten() for p in trainer.net.parameters() if p.grad is not None])


def measure(config: Path, variants: Sequence[Variant], rounds: int, steps: int, warmup: int = 1, grad_check: bool = False) -> Dict:
    """Round-robin timing of ``variants``; see the module doc."""
    scratch = Path(tempfile.mkdtemp(prefix="wbsr-speed-"))
    trainers: Dict[str, train.Trainer] = {}
    for v in variants:
        cfg = train.build_config(config, [f"name={v.name}", "train.checkpoint_every_s=1e9", *v.overrides])
        trainers[v.name] = train.Trainer(cfg, scratch / v.name, False, log=lambda m: None)
    grads: Dict[str, Dict[str, float]] = {}
    if grad_check:
        ref: Optional[torch.Tensor] = None
        for v in variants:
            t = trainers[v.name]
            torch.set_num_threads(int(t.cfg["threads"]))
            rng_state = t.rng.bit_generator.state
            t.rng = type(t.rng)(type(t.rng.bit_generator)(0))  # the same batch and subnets for every variant
            t.step()
            g = _grad_vector(t)
            ref = g if ref is None else ref
            if g.shape == ref.shape:
                grads[v.name] = {
                    "cosine": float(torch.nn.functional.cosine_similarity(g, ref, 0)),
                    "norm_ratio": float(g.norm() / ref.norm()),
                }
            t.rng.bit_generator.state = rng_state
    for v in variants:  # warm-up: first calls allocate and pick kernels
        torch.set_num_threads(int(trainers[v.name].cfg["threads"]))
        for _ in range(warmup):
            trainers[v.name].step()
    load_before = os.getloadavg()
    walls: Dict[str, List[float]] = {v.name: [] for v in variants}
    cpus: Dict[str, List[float]] = {v.name: [] for v in variants}
    for _ in range(rounds):
        for v in variants:
            t = trainers[v.name]
            torch.set_num_threads(int(t.cfg["threads"]))
            w0, c0 = time.perf_counter(), time.process_time()
            for _ in range(steps):
                t.step()
            walls[v.name].append((time.perf_counter() - w0) / steps)
            cpus[v.name].append((time.process_time() - c0) / steps)
    load_after = os.getloadavg()
    timings = []
    for v in variants:
        dc = trainers[v.name].cfg["data"]
        wall = statistics.median(walls[v.name])
        timings.append(Timing(v.name, wall, statistics.median(cpus[v.name]), rounds, dc["batch"] * dc["patch"] ** 2 / wall, 3600.0 / wall))
    return {
        "config": str(config),
        "variants": [asdict(v) for v in variants],
        "steps_per_round": steps,
        "load_before": load_before,
        "load_after": load_after,
        "timings": [asdict(t) for t in timings],
        "walls": walls,
        "grad_check": grads,
        "torch": torch.__version__,
    }


def format_table(res: Dict) -> str:
    lines = [
        f"{res['config']}, {len(res['walls'][res['timings'][0]['variant']])} rounds x {res['steps_per_round']} steps, "
        f"load average {res['load_before'][0]:.1f} before, {res['load_after'][0]:.1f} after",
        "| variant | wall s/step | CPU s/step | steps/hour | LR px/s | grad cos | grad norm ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for t in res["timings"]:
        g = res["grad_check"].get(t["variant"], {})
        lines.append(
            f"| {t['variant']} | {t['wall_s']:.3f} | {t['cpu_s']:.3f} | {t['steps_per_hour']:.0f} | {t['lr_pixels_per_s']:.0f} | "
            f"{g.get('cosine', float('nan')):.4f} | {g.get('norm_ratio', float('nan')):.3f} |"
        )
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="Interleaved A/B timing of training steps.")
    ap.add_argument("-c", "--config", type=Path, required=True)
    ap.add_argument("--variant", action="append", required=True, metavar="NAME:KEY=VALUE ...", help="e.g. 'bf16:train.amp=bf16 threads=1'")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--steps", type=int, default=3)
    ap.add_argument("--grad-check", action="store_true")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    res = measure(args.config, [Variant.parse(v) for v in args.variant], args.rounds, args.steps, grad_check=args.grad_check)
    print(format_table(res))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
