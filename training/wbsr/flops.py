"""FLOPs = 2 x multiply-accumulates of the convolutions (and linear layers), biases ignored, for
one 32x32 LR patch (method note section 8). ``srresnet_flops`` is the analytic count of
``nets.SRResNet``; ``count_flops`` measures any module with forward hooks (they must agree).
"""

from __future__ import annotations

from typing import List

import torch
from torch import nn

__all__ = ["srresnet_flops", "count_flops", "classifier_flops"]


def srresnet_flops(width: int, depth: int, scale: int, patch: int = 32) -> float:
    """FLOPs of an SRResNet (``nets.SRResNet``) of ``width`` x ``depth`` on one ``patch``^2 LR patch."""
    c = width
    k = 9
    lr = patch * patch
    macs = 3 * c * k * lr  # conv_first
    macs += 2 * depth * c * c * k * lr  # body
    res = lr
    n_up = 1 if scale == 2 else 2
    for _ in range(n_up):
        macs += c * 4 * c * k * res
        res *= 4
    macs += c * c * k * res  # conv_hr at HR
    macs += c * 3 * k * res  # conv_last at HR
    return 2.0 * macs


def count_flops(net: nn.Module, input_shape=(1, 3, 32, 32), **forward_kwargs) -> float:
    """2 x MACs of every ``Conv2d`` / ``Linear`` executed by ``net(x, **forward_kwargs)``, per sample.

    Works on slimmable nets too: F.conv2d calls are not hooked, so for those use
    ``srresnet_flops``; this counter is for plain modules.
    """
    total: List[float] = [0.0]

    def conv_hook(m: nn.Conv2d, inp, out) -> None:
        kh, kw = m.kernel_size
        total[0] += out.numel() / out.shape[0] * (m.in_channels // m.groups) * kh * kw

    def lin_hook(m: nn.Linear, inp, out) -> None:
        total[0] += out.numel() / out.shape[0] * m.in_features

    handles = []
    for m in net.modules():
        if isinstance(m, nn.Conv2d):
            handles.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            handles.append(m.register_forward_hook(lin_hook))
    try:
        with torch.no_grad():
            net(torch.zeros(input_shape), **forward_kwargs)
    finally:
        for h in handles:
            h.remove()
    return 2.0 * total[0]


def classifier_flops(patch: int = 32) -> float:
    """FLOPs of ``nets.ClassSRClassifier`` on one patch."""
    from .nets import ClassSRClassifier

    return count_flops(ClassSRClassifier(), (1, 3, patch, patch))
