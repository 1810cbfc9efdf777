"""Data-parallel training under ``torchrun --nproc_per_node N`` (gloo on CPU, NCCL on GPUs).

The trainer runs unchanged: ``torchrun`` sets ``RANK``/``WORLD_SIZE``/``LOCAL_RANK``, ``Ranks.from_env``
joins the process group, and the network is wrapped in ``DistributedDataParallel``. Every rank
keeps the same NumPy generator (same seed, same draws), so all ranks draw the same global batch of
``data.batch`` patch ids (HES's class-level probabilities stay those of the whole training set)
and the same subnets (the sandwich rule's random middle subnet is shared); each rank then trains
on its own ``data.batch / N`` slice (``Ranks.share``). Gradients are averaged by DDP (the
network) and by ``average_grads`` (BDLoss's sigma, outside DDP), so a step equals one step of a
single process on the whole batch, and a checkpoint can be resumed with any N that divides the
batch. BDLoss's Monte-Carlo sample is the whole global batch's targets, which every rank holds.
Rank 0 alone writes logs, validation and checkpoints.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable

import torch
import torch.distributed as dist

__all__ = ["Ranks", "average_grads", "average_scalars"]


@dataclass(frozen=True)
class Ranks:
    """This process's place among ``world`` data-parallel processes."""

    rank: int = 0
    world: int = 1
    local_rank: int = 0

    @property
    def enabled(self) -> bool:
        return self.world > 1

    @property
    def main(self) -> bool:
        """Rank 0: the one that writes files."""
        return self.rank == 0

    @staticmethod
    def from_env(device_type: str) -> "Ranks":
        """Join the process group ``torchrun`` describes (a single process without it)."""
        world = int(os.environ.get("WORLD_SIZE", "1"))
        if world <= 1:
            return Ranks()
        rank, local = int(os.environ["RANK"]), int(os.environ.get("LOCAL_RANK", "0"))
        if not dist.is_initialized():
            dist.init_process_group("nccl" if device_type == "cuda" else "gloo", rank=rank, world_size=world)
        return Ranks(rank, world, local)

    def share(self, batch: int) -> slice:
        """This rank's slice of a global batch of ``batch`` samples."""
        if batch % self.world:
            raise ValueError(f"data.batch ({batch}) must be a multiple of the number of processes ({self.world})")
        n = batch // self.world
        return slice(self.rank * n, (self.rank + 1) * n)


def average_grads(params: Iterable[torch.Tensor], ranks: Ranks) -> None:
    """Average the gradients of parameters DDP does not own (BDLoss's sigma) over the ranks."""
    if not ranks.enabled:
        return
    for p in params:
        if p.grad is not None:
            dist.all_reduce(p.grad)
            p.grad.div_(ranks.world)


def average_scalars(values: dict, ranks: Ranks, device: torch.device) -> dict:
    """The mean over ranks of a dict of floats with the same keys on every rank (log rows)."""
    if not ranks.enabled or not values:
        return values
    keys = sorted(values)
    t = torch.tensor([values[k] for k in keys], dtype=torch.float64, device=device)
    dist.all_reduce(t)
    return {k: float(v) / ranks.world for k, v in zip(keys, t)}
