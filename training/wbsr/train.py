"""Train a WBSR supernet (or a plain net): ``python3 -m training.wbsr.train -c CONFIG [--resume]``.

Every step trains several subnets of the weight-sharing supernet on the same batch (the
``sandwich`` rule: largest + smallest + one random other), sums their losses and takes one Adam
step. Patches come from a fixed grid pool of training LR patches (``data.PatchPool``); the K-1
class thresholds are cut from the pool's scores and saved with the model. Sampling is uniform or
HES; the loss L1, BDLoss or both. Writes ``<runs>/<name>/``: ``config.yml``, ``thresholds.json``,
``log.csv`` (train losses), ``val.csv`` (validation PSNR-Y per subnet), ``train.log``,
``checkpoints/latest.pt`` (time-based, atomic) and ``final.pt``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import random
import sys
import time
from pathlib import Path
from typing import Any, Callable, ContextManager, Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch
import torch.nn.functional as F

from . import complexity, data, metrics
from .config import apply_overrides, check_keys, dump_config, load_config, merge, merge_config
from .infer import run_image, to_tensor
from .losses import LOSSES, build_loss
from .nets import NETS, SlimmableSRResNet, build_net
from .registry import Registry, type_of
from .sampling import SAMPLERS, build_sampler
from .distributed import Ranks, average_grads, average_scalars

RUNS_DIR = Path(__file__).resolve().parents[1] / "runs"

DEFAULTS: Dict[str, Any] = {
    "seed": 0,
    "device": "auto",
    "threads": 2,
    "data": {"patch": 32, "stride": 16, "batch": 16, "limit": None},
    "sampling": {"kind": "uniform"},
    "loss": {"kind": "l1"},
    "train": {
        "iterations": 1000,
        "lr": 4e-4,
        "sigma_lr": 1e-2,
        "min_lr": 1e-6,
        "subnets": "sandwich",
        "distill_weight": 0.0,
        "amp": "none",
        "channels_last": False,
        "checkpoint_every_s": 300,
        "init_from": None,
        "log_every": 20,
        "val_every": 1000,
    },
    "val": {"set": "val-photo", "limit": None},
}


def init_from_checkpoint(net: torch.nn.Module, path: Path, device: torch.device) -> Tuple[int, List[str]]:
    """Copy every tensor of a checkpoint's network whose name and shape match ``net``'s (issue 12:
    the x4 runs start from the x2 run's body; an x2 net has one upsampling conv, an x4 net two, so
    the second keeps its init). The optimizer, schedule and step count start fresh.

    Returns the number of tensors copied and the names left at their init. Raises ``ValueError``
    when a tensor of both networks differs in shape or nothing matches (a wrong checkpoint, e.g. of
    other widths, would otherwise silently train from a partial copy)."""
    src = torch.load(path, map_location=device)["net"]
    own = net.state_dict()
    clash = sorted(k for k, v in src.items() if k in own and own[k].shape != v.shape)
    copied = {k: v for k, v in src.items() if k in own and own[k].shape == v.shape}
    if clash or not copied:
        raise ValueError(f"init_from {path}: its network does not match this one (other widths or depths?): {', '.join(clash[:4])}")
    own.update(copied)
    net.load_state_dict(own)
    return len(copied), sorted(k for k in own if k not in copied)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def pick_device(name: str) -> torch.device:
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(name)


class Progress:
    """A minimal progress bar: redraws in place on a terminal, prints a line now and then otherwise."""

    def __init__(self, total: int, start: int = 0, every: int = 50) -> None:
        self.total, self.start, self.every = total, start, every
        self.t0 = time.time()
        self.tty = sys.stdout.isatty()

    def update(self, step: int, text: str) -> None:
        if not self.tty and step % self.every and step != self.total:
            return
        done = step - self.start
        rate = (time.time() - self.t0) / max(done, 1)
        eta = rate * (self.total - step)
        width = 30
        filled = int(width * step / max(self.total, 1))
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {step}/{self.total} {rate:.2f}s/it eta {eta / 60:.1f}min {text}"
        print(("\r" + line) if self.tty else line, end="" if self.tty else "\n", flush=True)

    def close(self) -> None:
        if self.tty:
            print(flush=True)


def subnet_schedule(configs: Sequence[Tuple[int, int]], kind: str, rng: np.random.Generator) -> List[Tuple[int, int]]:
    """The subnets trained this step. ``configs`` sorted by cost."""
    if kind == "sandwich":
        middle = list(configs[1:-1])
        picked = [configs[-1], configs[0]]
        if middle:
            picked.append(middle[int(rng.integers(0, len(middle)))])
        return picked
    if kind == "all":
        return list(configs)
    if kind == "all-largest-first":  # in-place distillation needs the teacher's output first
        return [configs[-1], *configs[:-1]]
    if kind == "full":
        return [configs[-1]]
    raise ValueError(f"unknown subnet schedule {kind!r}")


def autocast_context(amp: str, device: torch.device) -> Callable[[], ContextManager]:
    """``train.amp``: ``none`` (float32) or ``bf16`` (the forward passes under bfloat16 autocast;
    the losses and the optimizer stay float32)."""
    if amp == "none":
        return contextlib.nullcontext
    if amp == "bf16":
        return lambda: torch.autocast(device.type, dtype=torch.bfloat16)
    raise ValueError(f"unknown train.amp {amp!r}; use none or bf16")


def lr_at(it: int, total: int, base: float, min_lr: float) -> float:
    """Cosine annealing from ``base`` to ``min_lr``."""
    return min_lr + 0.5 * (base - min_lr) * (1 + math.cos(math.pi * min(it, total) / total))


@torch.no_grad()
def validate(
    net: SlimmableSRResNet, pairs: List[data.ImagePair], configs: Sequence[Tuple[int, int]], device: torch.device
) -> Dict[str, float]:
    """Mean PSNR-Y over ``pairs`` of every subnet, whole-image inference; keys ``w{W}-d{D}``."""
    net.eval()
    out = {}
    for w, d in configs:
        vals = [metrics.psnr_y(run_image(lambda x: net(x, w, d), p.lr, device), p.hr, net.upscale) for p in pairs]
        out[f"w{w}-d{d}"] = float(np.mean(vals))
    net.train()
    return out


def bicubic_psnr(pairs: List[data.ImagePair], scale: int) -> float:
    from .bicubic import imresize_uint8

    return float(np.mean([metrics.psnr_y(imresize_uint8(p.lr, scale=float(scale)), p.hr, scale) for p in pairs]))


class Trainer:
    """Holds the state of one run; ``run()`` trains to ``train.iterations``. ``defaults``: the
    config values a YAML may leave out (and the only keys it may use outside the registry
    sections)."""

    log_terms: Tuple[str, ...] = ("loss", "l1", "bmc")
    defaults: Dict[str, Any] = DEFAULTS

    def __init__(self, cfg: Dict[str, Any], run_dir: Path, resume: bool, log=print) -> None:
        torch.set_num_threads(int(cfg["threads"]))
        seed_everything(int(cfg["seed"]))
        self.device = pick_device(cfg["device"])
        self.ranks = Ranks.from_env(self.device.type)
        if self.ranks.enabled and self.device.type == "cuda":
            self.device = torch.device("cuda", self.ranks.local_rank)
            torch.cuda.set_device(self.device)
        self.share = self.ranks.share(int(cfg["data"]["batch"]))
        self.cfg, self.run_dir = cfg, run_dir
        self.log = log if self.ranks.main else (lambda msg: None)
        log = self.log
        self.scale = int(cfg["scale"])
        run_dir.mkdir(parents=True, exist_ok=True)
        (run_dir / "checkpoints").mkdir(exist_ok=True)

        dc = cfg["data"]
        t0 = time.time()
        pairs = data.load_set("train", self.scale, limit=dc.get("limit"))
        self.pool = data.PatchPool(pairs, self.scale, dc["patch"], dc["stride"])
        self.thresholds = complexity.thresholds_from_scores(self.pool.scores, complexity.NUM_CLASSES)
        classes = complexity.classify(self.pool.scores, self.thresholds)
        fractions = np.bincount(classes, minlength=complexity.NUM_CLASSES + 1)[1:] / len(classes)
        self.threshold_info = {
            "score": complexity.SCORE_NAME,
            "num_classes": complexity.NUM_CLASSES,
            "thresholds": self.thresholds,
            "train_class_fractions": [float(f) for f in fractions],
            "num_patches": len(self.pool),
            "patch": dc["patch"],
            "stride": dc["stride"],
        }
        if self.ranks.main:
            (run_dir / "thresholds.json").write_text(json.dumps(self.threshold_info, indent=1) + "\n")
        sc = cfg["sampling"]
        self.sampler = build_sampler(sc, self.pool.scores, self.thresholds)
        log(
            f"data: {len(pairs)} images, {len(self.pool)} patches ({time.time() - t0:.1f}s); "
            f"thresholds {np.round(self.thresholds, 2).tolist()}"
        )

        self.val_pairs = data.load_set(cfg["val"]["set"], self.scale, limit=cfg["val"].get("limit"))
        self.net = build_net(cfg["network"]).to(self.device)
        self.configs = self.net.subnet_configs()
        self.loss = build_loss(cfg["loss"]).to(self.device)
        tc = cfg["train"]
        groups = self.param_groups(tc)
        if self.loss.bmc is not None:
            groups.append({"params": [self.loss.bmc.sigma_param()], "lr": tc["sigma_lr"], "name": "sigma"})
            if self.loss.bd_phase == "hes" and not self.sampler.class_level(1.0):
                raise ValueError("loss.bd_phase: hes needs sampling.kind: hes (BDLoss would never be on)")
        self.autocast = autocast_context(str(tc.get("amp", "none")), self.device)
        if tc.get("channels_last"):
            self.net = self.net.to(memory_format=torch.channels_last)
        self.model: torch.nn.Module = self.net
        if self.ranks.enabled:  # unused: a subnet leaves the deeper blocks and wider channels idle
            ids = [self.device.index] if self.device.type == "cuda" else None
            self.model = torch.nn.parallel.DistributedDataParallel(self.net, device_ids=ids, find_unused_parameters=True)
        self.distill = float(tc.get("distill_weight", 0.0))
        if self.distill:
            self.log_terms = (*self.log_terms, "distill")
        self.opt = torch.optim.Adam(groups, betas=(0.9, 0.99))
        self.rng = np.random.default_rng(int(cfg["seed"]))
        self.iteration = 0
        self.wall = 0.0
        ckpt = run_dir / "checkpoints" / "latest.pt"
        if tc.get("init_from") and not (resume and ckpt.exists()):
            copied, kept = init_from_checkpoint(self.net, Path(str(tc["init_from"])), self.device)
            log(f"init_from {tc['init_from']}: {copied} tensors copied, {len(kept)} kept at init ({', '.join(kept) or '-'})")
        if resume and ckpt.exists():
            self.load(ckpt)
            if self.ranks.main:
                for f in ("log.csv", "val.csv"):  # drop rows logged after the checkpoint
                    _truncate_csv(run_dir / f, self.iteration)
            log(f"resumed from {ckpt} at iteration {self.iteration}")
        elif not resume and self.ranks.main and (run_dir / "log.csv").exists():
            for f in ("log.csv", "val.csv"):
                (run_dir / f).unlink(missing_ok=True)

    def param_groups(self, tc: Dict[str, Any]) -> List[Dict[str, Any]]:
        """The network's optimizer groups (subclasses split them to give parts their own LR)."""
        return [{"params": list(self.net.parameters()), "lr": tc["lr"], "name": "net"}]

    # --- checkpoints -------------------------------------------------------------------------
    def state(self) -> Dict[str, Any]:
        return {
            "iteration": self.iteration,
            "wall_time_s": self.wall,
            "net": self.net.state_dict(),
            "loss": self.loss.state_dict(),
            "opt": self.opt.state_dict(),
            "rng": self.rng.bit_generator.state,
            "torch_rng": torch.get_rng_state(),
            "config": self.cfg,
            "thresholds": self.threshold_info,
            "sigma": self.loss.sigma(),
            "machine": machine_string(self.device),
            "torch_version": torch.__version__,
        }

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".pt.tmp")
        torch.save(self.state(), tmp)
        os.replace(tmp, path)

    def load(self, path: Path) -> None:
        st = torch.load(path, map_location=self.device)
        self.net.load_state_dict(st["net"])
        self.loss.load_state_dict(st["loss"])
        self.opt.load_state_dict(st["opt"])
        self.rng.bit_generator.state = st["rng"]
        torch.set_rng_state(st["torch_rng"])
        self.iteration = int(st["iteration"])
        self.wall = float(st["wall_time_s"])

    # --- loop --------------------------------------------------------------------------------
    def step(self) -> Dict[str, float]:
        tc = self.cfg["train"]
        total = int(tc["iterations"])
        progress = self.iteration / total
        for g in self.opt.param_groups:
            if g["name"] == "net":
                g["lr"] = lr_at(self.iteration, total, tc["lr"], tc["min_lr"])
        # every rank draws the same global batch (shared generator) and trains on its share
        ids = self.sampler.sample(self.cfg["data"]["batch"], progress, self.rng)
        lr_np, hr_np = self.pool.batch(ids, self.rng)
        lr, hr = to_tensor(lr_np[self.share], self.device), to_tensor(hr_np[self.share], self.device)
        hr_all = to_tensor(hr_np, self.device) if self.ranks.enabled else hr
        mc = {"sample": hr_all, "offset": self.share.start} if self.ranks.enabled else {}
        if tc.get("channels_last"):
            lr = lr.contiguous(memory_format=torch.channels_last)
        self.opt.zero_grad(set_to_none=True)
        sums: Dict[str, float] = {}
        bmc_on = self.loss.bmc_active(self.sampler.class_level(progress))
        schedule = tc["subnets"]
        if self.distill and schedule == "all":
            schedule = "all-largest-first"
        teacher: Optional[torch.Tensor] = None
        picked = subnet_schedule(self.configs, schedule, self.rng)
        for i, (w, d) in enumerate(picked):
            # DDP all-reduces once per step, in the last subnet's backward
            sync = self.model.no_sync() if self.ranks.enabled and i < len(picked) - 1 else contextlib.nullcontext()
            with sync:
                teacher = self._subnet_step(lr, hr, w, d, bmc_on, mc, teacher, sums)
        average_grads(self.loss.parameters(), self.ranks)
        self.loss.remember(hr_all)
        self.opt.step()
        self.iteration += 1
        return sums

    def _subnet_step(
        self,
        lr: torch.Tensor,
        hr: torch.Tensor,
        w: int,
        d: int,
        bmc_on: bool,
        mc: Dict[str, Any],
        teacher: Optional[torch.Tensor],
        sums: Dict[str, float],
    ) -> torch.Tensor:
        """Forward and backward of one subnet, its loss terms added to ``sums``; returns the
        distillation teacher (this output, detached, when there is none yet)."""
        with self.autocast():
            pred = self.model(lr, w, d)
        pred = pred.float()  # the losses in float32 (a no-op without autocast)
        terms = self.loss(pred, hr, bmc=bmc_on, **mc)
        if self.distill:
            if teacher is None:  # the largest subnet comes first: its output is the teacher
                teacher = pred.detach()
            else:
                terms["distill"] = F.l1_loss(pred, teacher)
                terms["loss"] = terms["loss"] + self.distill * terms["distill"]
        terms["loss"].backward()
        for k, v in terms.items():
            sums[k] = sums.get(k, 0.0) + float(v.detach())
        return teacher

    def run(self, stop_at: Optional[int] = None) -> None:
        """Train to ``train.iterations`` (or stop after ``stop_at``, checkpointed, as if killed)."""
        tc = self.cfg["train"]
        total = int(tc["iterations"])
        log_path, val_path = self.run_dir / "log.csv", self.run_dir / "val.csv"
        names = [f"w{w}-d{d}" for w, d in self.configs]
        main = self.ranks.main  # rank 0 alone writes; every rank runs the same steps
        if main and not log_path.exists():
            log_path.write_text("iteration,wall_time_s,lr," + ",".join(self.log_terms) + ",sigma\n")
        if main and not val_path.exists():
            val_path.write_text("iteration,wall_time_s," + ",".join(names) + "\n")
        if main and self.iteration == 0:
            self.log(f"bicubic PSNR-Y on {self.cfg['val']['set']}: {bicubic_psnr(self.val_pairs, self.scale):.3f} dB")
        bar = Progress(total, self.iteration, every=int(tc["log_every"]))
        last_ckpt = time.time()
        acc: Dict[str, float] = {}
        n_acc = 0
        t_prev = time.time()
        while self.iteration < total:
            sums = self.step()
            now = time.time()
            self.wall += now - t_prev
            t_prev = now
            for k, v in sums.items():
                acc[k] = acc.get(k, 0.0) + v
            n_acc += 1
            it = self.iteration
            if it % int(tc["log_every"]) == 0 or it == total:
                acc = average_scalars(acc, self.ranks, self.device)
            if main and (it % int(tc["log_every"]) == 0 or it == total):
                lr_now = self.opt.param_groups[0]["lr"]
                row = (
                    [it, f"{self.wall:.1f}", f"{lr_now:.3e}"]
                    + [f"{acc[k] / n_acc:.6f}" if k in acc else "" for k in self.log_terms]
                    + [f"{self.loss.sigma():.5f}"]
                )
                with log_path.open("a") as f:
                    f.write(",".join(map(str, row)) + "\n")
                bar.update(it, f"loss {acc['loss'] / n_acc:.4f} sigma {self.loss.sigma():.4f}")
            if it % int(tc["log_every"]) == 0 or it == total:
                acc, n_acc = {}, 0
            if main and (it % int(tc["val_every"]) == 0 or it == total):
                t_val = time.time()
                res = validate(self.net, self.val_pairs, self.configs, self.device)
                with val_path.open("a") as f:
                    f.write(f"{it},{self.wall:.1f}," + ",".join(f"{res[n]:.4f}" for n in names) + "\n")
                self.log(f"\nval @ {it}: " + " ".join(f"{n}={res[n]:.2f}" for n in names) + f" ({time.time() - t_val:.0f}s)")
                t_prev = time.time()  # validation time is not training time
            if main and (time.time() - last_ckpt > float(tc["checkpoint_every_s"]) or it == total or it == stop_at):
                self.save(self.run_dir / "checkpoints" / "latest.pt")
                last_ckpt = time.time()
            if it == stop_at:
                bar.close()
                return
        bar.close()
        if not main:
            return
        final = {
            "net": self.net.state_dict(),
            "config": self.cfg,
            "thresholds": self.threshold_info,
            "iteration": self.iteration,
            "wall_time_s": self.wall,
            "sigma": self.loss.sigma(),
            "machine": machine_string(self.device),
            "torch_version": torch.__version__,
        }
        torch.save(final, self.run_dir / "final.pt")
        self.log(f"done: {self.iteration} iterations, {self.wall / 3600:.2f} h of training")


def _truncate_csv(path: Path, last_iteration: int) -> None:
    """Keep the header and the rows whose first column (iteration) is <= ``last_iteration``."""
    if not path.exists():
        return
    lines = path.read_text().splitlines()
    keep = lines[:1] + [ln for ln in lines[1:] if ln and int(ln.split(",")[0]) <= last_iteration]
    path.write_text("\n".join(keep) + "\n")


def machine_string(device: torch.device) -> str:
    if device.type == "cuda":
        return f"{torch.cuda.get_device_name(device)} (CUDA)"
    return f"{platform.processor() or platform.machine()}, {torch.get_num_threads()} CPU threads"


TRAINERS: Registry[type] = Registry("trainer")
TRAINERS.add("wbsr", Trainer, signature_of=lambda: None)
REGISTRY_SECTIONS: Dict[str, Registry] = {"network": NETS, "loss": LOSSES, "sampling": SAMPLERS, "trainer": TRAINERS}
REQUIRED = ("name", "scale", "network")


def trainer_class(name: str) -> type:
    """The trainer class registered as ``name`` (``wbsr``, ``classsr``)."""
    from . import classsr  # noqa: F401  (registers the ClassSR trainer)

    return TRAINERS.entry({"type": name}).factory


def build_config(path: Path, overrides: Sequence[str], default_trainer: str = "wbsr") -> Dict[str, Any]:
    """The run config: the trainer's defaults, the YAML's sections over them (a registry section
    such as ``loss`` replaces its default whole), then the ``--set`` overrides; unknown keys raise
    ``ConfigError``."""
    raw = load_config(path)
    trainer = type_of(raw.get("trainer", {"type": default_trainer}), "trainer")
    defaults = merge(trainer_class(trainer).defaults, {"trainer": {"type": trainer}})
    cfg = apply_overrides(merge_config(defaults, raw, REGISTRY_SECTIONS), overrides)
    check_keys(cfg, defaults, REGISTRY_SECTIONS, REQUIRED, str(path))
    return cfg


def main(argv: Optional[Sequence[str]] = None, default_trainer: str = "wbsr") -> int:
    """The one training CLI: the config's ``trainer`` (default ``default_trainer``) runs it."""
    module = "training.wbsr.train" if default_trainer == "wbsr" else f"training.wbsr.{default_trainer}"
    ap = argparse.ArgumentParser(
        prog=f"python3 -m {module}", description=f"Train a WBSR run (trainer: the config's, else {default_trainer})."
    )
    ap.add_argument("-c", "--config", type=Path, required=True)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a config value, e.g. train.iterations=500")
    ap.add_argument("--resume", action="store_true", help="continue from checkpoints/latest.pt if present")
    ap.add_argument("--runs", type=Path, default=RUNS_DIR, help="parent folder of run folders")
    ap.add_argument("--stop-at", type=int, default=None, metavar="N", help="stop after step N, checkpointed, as if killed (resume later)")
    args = ap.parse_args(argv)
    rank0 = int(os.environ.get("RANK", "0")) == 0  # under torchrun rank 0 alone writes files
    try:
        cfg = build_config(args.config, args.set, default_trainer)
    except (ValueError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    run_dir = args.runs / cfg["name"]
    if (run_dir / "final.pt").exists() and args.resume:
        print(f"{run_dir} already finished (final.pt exists)")
        return 0
    run_dir.mkdir(parents=True, exist_ok=True)
    world = int(os.environ.get("WORLD_SIZE", "1"))
    cmd = (f"torchrun --nproc_per_node {world} -m {module} " if world > 1 else f"/usr/bin/python3 -m {module} ") + " ".join(
        sys.argv[1:] if argv is None else argv
    )
    if not rank0:
        trainer_class(type_of(cfg["trainer"]))(cfg, run_dir, args.resume, lambda m: None).run(args.stop_at)
        return 0
    dump_config(cfg, run_dir / "config.yml")
    with (run_dir / "command.txt").open("a") as f:
        f.write(cmd + "\n")
    log_file = (run_dir / "train.log").open("a")

    def log(msg: str) -> None:
        print(msg, flush=True)
        log_file.write(msg.lstrip("\n") + "\n")
        log_file.flush()

    try:
        log(f"== {cfg['name']} {time.strftime('%Y-%m-%d %H:%M:%S')} {cmd}")
        trainer_class(type_of(cfg["trainer"]))(cfg, run_dir, args.resume, log).run(args.stop_at)
    finally:
        log_file.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
