"""Losses: L1 and the Balanced Diversity Loss (BDLoss) in Balanced MSE's batch Monte-Carlo form.

BMC (Ren et al., CVPR 2022): ``logits[i][j] = -d(y_hat_i, y_j) / (2 sigma^2)``,
``loss = CE(logits, arange(B)) * (2 sigma^2).detach()``. ``d`` is a mean squared difference per
element, so ``sigma`` is in pixel units on [0, 1]. Two forms: ``patch`` (each sample flattened to
one vector, the method note's form) and ``pixel`` (each pixel's RGB value is a label; the B
targets at the same position are the Monte-Carlo sample; used for training, see ``BMCLoss``).
``sigma`` is a learnable parameter (or ``log sigma``, ``log_sigma=True``); put it in its own
optimiser group. The patch form can draw its Monte-Carlo sample from a ``MemoryBank`` of recent
targets as well as the batch, and under DDP from the targets of every rank (``sample=``).
"""

from __future__ import annotations

import functools
from typing import Dict, Optional

import torch
import torch.nn.functional as F
from torch import nn

from .registry import Registry

__all__ = ["l1_loss", "bmc_loss", "bmc_pixel_loss", "BMCLoss", "MemoryBank", "SRLoss", "LOSSES", "build_loss"]

_REDUCTIONS = ("none", "mean", "sum")


def l1_loss(pred: torch.Tensor, target: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    """Element-wise L1 with ``reduction``."""
    if reduction not in _REDUCTIONS:
        raise ValueError(f"unsupported reduction {reduction!r}; use one of {_REDUCTIONS}")
    return F.l1_loss(pred, target, reduction=reduction)


def bmc_loss(
    pred: torch.Tensor, target: torch.Tensor, noise_var: torch.Tensor, sample: Optional[torch.Tensor] = None, offset: int = 0
) -> torch.Tensor:
    """Balanced MSE, batch Monte-Carlo form, on whole patches: each ``[B, ...]`` sample flattened
    to one vector (the method note's form); ``noise_var = sigma^2``.

    ``sample`` (``[S, ...]``, default ``target``) is the Monte-Carlo sample of the label
    distribution; row ``offset + i`` of it must be ``target[i]`` (the positive of prediction i)."""
    b = pred.shape[0]
    p = pred.reshape(b, -1)
    t = (target if sample is None else sample).reshape(-1, p.shape[1])
    d = p.shape[1]
    # mean squared distance of every prediction to every target: [B, S]
    dist = (p.pow(2).sum(1, keepdim=True) - 2.0 * p @ t.t() + t.pow(2).sum(1)[None, :]) / d
    logits = -dist / (2.0 * noise_var)
    loss = F.cross_entropy(logits, torch.arange(b, device=pred.device) + offset)
    return loss * (2.0 * noise_var).detach()


def bmc_pixel_loss(
    pred: torch.Tensor, target: torch.Tensor, noise_var: torch.Tensor, sample: Optional[torch.Tensor] = None, offset: int = 0
) -> torch.Tensor:
    """Balanced MSE, batch Monte-Carlo form, per pixel: the label of pixel ``(h, w)`` of sample
    ``i`` is its C-vector ``target[i, :, h, w]``, and the B targets at the same position are the
    Monte-Carlo sample of the label distribution. ``[B, C, H, W]`` inputs; distances are the mean
    squared difference over C. Returns the mean over ``(i, h, w)`` of the cross-entropy, times
    ``2 sigma^2`` (detached). ``sample``/``offset`` as in ``bmc_loss`` (DDP: all ranks' targets)."""
    b = pred.shape[0]
    t = target if sample is None else sample
    dist = (pred[:, None] - t[None, :]).pow(2).mean(2)  # [B(pred), S(target), H, W]
    logits = -dist / (2.0 * noise_var)
    labels = torch.arange(b, device=pred.device).view(b, 1, 1).expand(b, *dist.shape[2:])
    if offset:
        labels = labels + offset
    loss = F.cross_entropy(logits, labels)
    return loss * (2.0 * noise_var).detach()


class MemoryBank(nn.Module):
    """FIFO of the most recent ``size`` targets (detached), a larger Monte-Carlo sample for the
    patch form of BMC: with only the B batch targets, every prediction is far nearer its own target
    than any other and the term degenerates (see ``BMCLoss``). Saved with the loss's state."""

    def __init__(self, size: int) -> None:
        super().__init__()
        if size <= 0:
            raise ValueError(f"memory bank size must be positive, got {size}")
        self.size = int(size)
        self.items: Optional[torch.Tensor] = None  # [n <= size, ...], newest last

    def sample(self, target: torch.Tensor) -> torch.Tensor:
        """The batch's targets followed by the bank's (rows 0..B-1 are the positives)."""
        if self.items is None or self.items.shape[1:] != target.shape[1:]:
            return target
        return torch.cat([target, self.items.to(target.device, target.dtype)])

    @torch.no_grad()
    def push(self, target: torch.Tensor) -> None:
        """Remember ``target`` (call once per step, after every subnet's loss)."""
        t = target.detach()
        if self.items is None or self.items.shape[1:] != t.shape[1:]:
            self.items = t[-self.size :].clone()
        else:
            self.items = torch.cat([self.items, t])[-self.size :].clone()

    def get_extra_state(self) -> Dict:
        return {"size": self.size, "items": self.items}

    def set_extra_state(self, state: Dict) -> None:
        self.items = state["items"]


class BMCLoss(nn.Module):
    """BDLoss term with a learnable ``sigma``.

    Args:
        init_sigma (float): initial sigma (pixel units on [0, 1]). Default: 0.1.
        loss_weight (float): multiplier. Default: 1.0.
        mode (str): ``"pixel"`` (``bmc_pixel_loss``, the default) or ``"patch"`` (``bmc_loss``).
            Measured on 64x64 HR patches, the patch form degenerates: every prediction is far
            nearer its own target than any other, sigma shrinks towards 0 and the cross-entropy
            to ~1e-7, so the term vanishes. The per-pixel form keeps sigma near the error scale
            (about 0.02) with a cross-entropy around 0.1-0.3.
        log_sigma (bool): learn ``log sigma`` (parameter ``log_sigma``) instead of ``sigma``
            (``noise_sigma``): Adam's steps are then relative, so sigma cannot collapse from 0.1
            to 0.014 in 20 steps as it does with lr 1e-2 on sigma itself. Default: False.
        bank (int): patch form only: a ``MemoryBank`` of this many recent targets joins the
            Monte-Carlo sample. Default: 0 (the batch alone).
    """

    def __init__(
        self, init_sigma: float = 0.1, loss_weight: float = 1.0, mode: str = "pixel", log_sigma: bool = False, bank: int = 0
    ) -> None:
        super().__init__()
        if mode not in ("pixel", "patch"):
            raise ValueError(f"unknown BMC mode {mode!r}")
        if bank and mode != "patch":
            raise ValueError("a memory bank needs bmc_mode: patch (the pixel form samples the batch at each position)")
        if log_sigma:
            self.log_sigma = nn.Parameter(torch.tensor(float(init_sigma)).log())
        else:
            self.noise_sigma = nn.Parameter(torch.tensor(float(init_sigma)))
        self.use_log = bool(log_sigma)
        self.loss_weight = loss_weight
        self.mode = mode
        self.bank = MemoryBank(bank) if bank else None

    def sigma_param(self) -> nn.Parameter:
        """The learnable parameter (``sigma`` or ``log sigma``)."""
        return self.log_sigma if self.use_log else self.noise_sigma

    def noise_var(self) -> torch.Tensor:
        return (2.0 * self.log_sigma).exp() if self.use_log else self.noise_sigma.pow(2)

    def sigma(self) -> float:
        """|sigma| (the loss uses sigma^2, so its sign is meaningless)."""
        return float(self.log_sigma.detach().exp()) if self.use_log else abs(float(self.noise_sigma.detach()))

    def forward(self, pred: torch.Tensor, target: torch.Tensor, sample: Optional[torch.Tensor] = None, offset: int = 0) -> torch.Tensor:
        """``sample``/``offset``: the Monte-Carlo sample (default: the batch's targets)."""
        fn = bmc_pixel_loss if self.mode == "pixel" else bmc_loss
        if self.bank is not None:
            sample = self.bank.sample(target if sample is None else sample)
        if sample is None:
            return self.loss_weight * fn(pred, target, self.noise_var())
        return self.loss_weight * fn(pred, target, self.noise_var(), sample, offset)


class SRLoss(nn.Module):
    """The training loss: ``l1_weight * L1 + bd_weight * BMC``.

    Args:
        kind (str): ``"l1"``, ``"bdloss"`` or ``"bdloss+l1"``.
        bd_weight (float): BMC weight. Default: 1.0.
        l1_weight (float): L1 weight (when used). Default: 1.0.
        init_sigma (float): BMC sigma at start. Default: 0.1.
        bmc_mode (str): ``"pixel"`` or ``"patch"``, see ``BMCLoss``. Default: ``"pixel"``.
        log_sigma (bool): learn log sigma, see ``BMCLoss``. Default: False.
        bank (int): memory bank size of the patch form, see ``BMCLoss``. Default: 0.
        bd_phase (str): ``"all"`` (BMC every step) or ``"hes"`` (only in HES's class-level
            phase, the trainer passes ``bmc=False`` before it). Default: ``"all"``.
    """

    def __init__(
        self,
        kind: str = "l1",
        bd_weight: float = 1.0,
        l1_weight: float = 1.0,
        init_sigma: float = 0.1,
        bmc_mode: str = "pixel",
        log_sigma: bool = False,
        bank: int = 0,
        bd_phase: str = "all",
    ) -> None:
        super().__init__()
        if kind not in ("l1", "bdloss", "bdloss+l1"):
            raise ValueError(f"unknown loss {kind!r}")
        if bd_phase not in ("all", "hes"):
            raise ValueError(f"unknown bd_phase {bd_phase!r}; use all or hes")
        self.kind = kind
        self.l1_weight = l1_weight if kind != "bdloss" else 0.0
        self.bmc = BMCLoss(init_sigma, bd_weight, bmc_mode, log_sigma, bank) if kind != "l1" else None
        self.bd_phase = bd_phase

    def bmc_active(self, class_level_phase: bool) -> bool:
        """Whether the BMC term is on at a step (``class_level_phase``: HES samples by class)."""
        return self.bmc is not None and (self.bd_phase == "all" or class_level_phase)

    def forward(
        self, pred: torch.Tensor, target: torch.Tensor, sample: Optional[torch.Tensor] = None, offset: int = 0, bmc: bool = True
    ) -> Dict[str, torch.Tensor]:
        """``{"loss": total, "l1": ..., "bmc": ...}`` (only the terms in use). ``sample``/``offset``:
        BMC's Monte-Carlo sample (default: the batch's targets); ``bmc=False`` leaves BMC out."""
        terms: Dict[str, torch.Tensor] = {}
        total = pred.new_zeros(())
        if self.l1_weight:
            terms["l1"] = l1_loss(pred, target)
            total = total + self.l1_weight * terms["l1"]
        if self.bmc is not None and bmc:
            terms["bmc"] = self.bmc(pred, target, sample, offset)
            total = total + terms["bmc"]
        terms["loss"] = total
        return terms

    def remember(self, target: torch.Tensor) -> None:
        """End of a step: the memory bank (if any) keeps the step's targets."""
        if self.bmc is not None and self.bmc.bank is not None:
            self.bmc.bank.push(target)

    def sigma(self) -> float:
        """|sigma| (the loss uses sigma^2, so its sign is meaningless)."""
        return self.bmc.sigma() if self.bmc is not None else float("nan")


LOSSES: Registry[SRLoss] = Registry("loss")
for _kind in ("l1", "bdloss", "bdloss+l1"):
    LOSSES.add(_kind, functools.partial(SRLoss, _kind), signature_of=SRLoss, skip=("kind",))


def build_loss(cfg: Dict) -> SRLoss:
    """The loss a ``loss`` config section names: ``{type: l1 | bdloss | bdloss+l1, ...SRLoss args}``."""
    return LOSSES.build(cfg)
