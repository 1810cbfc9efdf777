"""Networks: a plain MSRResNet-style SR net, its slimmable weight-sharing supernet (WBSR/ARM),
and the ClassSR classifier.

Backbone (Wang et al., ESRGAN's MSRResNet; SRResNet without BN): ``conv_first`` (3 -> C, 3x3),
``depth`` residual blocks ``x + conv(relu(conv(x)))``, pixel-shuffle upsampler (x2: one
``C -> 4C`` conv + shuffle; x4: two), LeakyReLU 0.1 after each upsampling conv, ``conv_hr``
(C -> C) + LeakyReLU, ``conv_last`` (C -> 3), plus the bilinear-upsampled input as a global
residual. No conv after the body (the FLOPs convention of the method note, section 8).

Slimming (method note section 5): a subnet of width ``c`` uses ``weight[:c_out, :c_in]`` of every
conv (the upsampling conv keeps the first ``4c`` output channels, so PixelShuffle keeps channel
``i`` of the subnet equal to channel ``i`` of the supernet); a subnet of depth ``d`` uses the first
``d`` blocks. ``SlimmableSRResNet.extract(width, depth)`` returns the equivalent plain ``SRResNet``.
"""

from __future__ import annotations

import math
from typing import Dict, List, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import nn

from .registry import Registry

NETS: Registry[nn.Module] = Registry("network")
NET_REGISTRY = NETS.entries

__all__ = ["SRResNet", "SlimmableSRResNet", "ClassSRClassifier", "build_net", "NETS", "NET_REGISTRY"]
register = NETS.register


def build_net(cfg: Dict) -> nn.Module:
    """Build a registered network from ``{"type": Name, **kwargs}``."""
    return NETS.build(cfg)


def _num_upsamples(scale: int) -> int:
    if scale not in (2, 4):
        raise ValueError(f"scale must be 2 or 4, got {scale}")
    return int(math.log2(scale))


def _init_conv(conv: nn.Conv2d, scale: float = 0.1, slope: float = 0.0) -> None:
    """Kaiming-normal init (fan_in, for a (leaky) ReLU of ``slope``) times ``scale``, zero bias."""
    nn.init.kaiming_normal_(conv.weight, a=slope, mode="fan_in")
    conv.weight.data.mul_(scale)
    if conv.bias is not None:
        conv.bias.data.zero_()


def init_srresnet(net: nn.Module) -> None:
    """Residual-branch convs (``body``) and ``conv_last`` get Kaiming x 0.1 (BasicSR's
    ``default_init_weights(scale=0.1)``: blocks start near identity, the output near the bilinear
    base); ``conv_first``, the upsampling convs and ``conv_hr`` get plain Kaiming for LeakyReLU 0.1.
    Scaling those by 0.1 too (BasicSR) shrinks the signal 10x per tail conv: measured on x4 (16x4
    net, 300 Adam steps at 1e-3), +0.63 dB over bilinear instead of +1.14 dB."""
    for name, m in net.named_modules():
        if isinstance(m, nn.Conv2d):
            if name.startswith("body") or name == "conv_last":
                _init_conv(m, 0.1, 0.0)
            else:
                _init_conv(m, 1.0, 0.1)


@register
class SRResNet(nn.Module):
    """Plain MSRResNet-style network (one subnet / one ClassSR branch).

    Args:
        num_feat (int): channel width C. Default: 64.
        num_block (int): residual blocks. Default: 16.
        upscale (int): 2 or 4. Default: 4.
    """

    def __init__(self, num_feat: int = 64, num_block: int = 16, upscale: int = 4) -> None:
        super().__init__()
        self.num_feat, self.num_block, self.upscale = num_feat, num_block, upscale
        n_up = _num_upsamples(upscale)
        self.conv_first = nn.Conv2d(3, num_feat, 3, 1, 1)
        self.body = nn.ModuleList()
        for _ in range(num_block):
            self.body.append(nn.ModuleList([nn.Conv2d(num_feat, num_feat, 3, 1, 1), nn.Conv2d(num_feat, num_feat, 3, 1, 1)]))
        self.upconvs = nn.ModuleList([nn.Conv2d(num_feat, 4 * num_feat, 3, 1, 1) for _ in range(n_up)])
        self.conv_hr = nn.Conv2d(num_feat, num_feat, 3, 1, 1)
        self.conv_last = nn.Conv2d(num_feat, 3, 3, 1, 1)
        init_srresnet(self)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        feat = F.leaky_relu(self.conv_first(x), 0.1)
        for c1, c2 in self.body:
            feat = feat + c2(F.relu(c1(feat)))
        for up in self.upconvs:
            feat = F.leaky_relu(F.pixel_shuffle(up(feat), 2), 0.1)
        out = self.conv_last(F.leaky_relu(self.conv_hr(feat), 0.1))
        base = F.interpolate(x, scale_factor=self.upscale, mode="bilinear", align_corners=False)
        return out + base


def _sconv(conv: nn.Conv2d, x: torch.Tensor, c_out: int) -> torch.Tensor:
    """Slimmable conv: the first ``c_out`` filters over the first ``x.shape[1]`` input channels."""
    c_in = x.shape[1]
    bias = conv.bias[:c_out] if conv.bias is not None else None
    return F.conv2d(x, conv.weight[:c_out, :c_in], bias, conv.stride, conv.padding)


@register
class SlimmableSRResNet(SRResNet):
    """Weight-sharing SRResNet supernet: M = len(widths) x len(depths) subnets (WBSR, NeurIPS 2024;
    slimmable convs as in ARM, ECCV 2022).

    Args:
        widths (list[int]): subnet widths, ascending; the last is the supernet's. Default: [16, 24, 32].
        depths (list[int]): subnet depths, ascending; the last is the supernet's. Default: [2, 4, 8].
        upscale (int): 2 or 4. Default: 2.
    """

    def __init__(self, widths: Sequence[int] = (16, 24, 32), depths: Sequence[int] = (2, 4, 8), upscale: int = 2) -> None:
        super().__init__(num_feat=max(widths), num_block=max(depths), upscale=upscale)
        self.widths = sorted(int(w) for w in widths)
        self.depths = sorted(int(d) for d in depths)

    def subnet_configs(self) -> List[Tuple[int, int]]:
        """All ``(width, depth)`` pairs sorted by FLOPs (ties: smaller width first)."""
        from .flops import srresnet_flops

        pairs = [(w, d) for w in self.widths for d in self.depths]
        return sorted(pairs, key=lambda p: (srresnet_flops(p[0], p[1], self.upscale), p[0]))

    def forward(self, x: torch.Tensor, width: int | None = None, depth: int | None = None) -> torch.Tensor:  # type: ignore[override]
        c = self.num_feat if width is None else int(width)
        d = self.num_block if depth is None else int(depth)
        feat = F.leaky_relu(_sconv(self.conv_first, x, c), 0.1)
        for c1, c2 in list(self.body)[:d]:
            feat = feat + _sconv(c2, F.relu(_sconv(c1, feat, c)), c)
        for up in self.upconvs:
            feat = F.leaky_relu(F.pixel_shuffle(_sconv(up, feat, 4 * c), 2), 0.1)
        out = _sconv(self.conv_last, F.leaky_relu(_sconv(self.conv_hr, feat, c), 0.1), 3)
        base = F.interpolate(x, scale_factor=self.upscale, mode="bilinear", align_corners=False)
        return out + base

    @torch.no_grad()
    def extract(self, width: int, depth: int) -> SRResNet:
        """A plain ``SRResNet`` holding copies of this supernet's slices at ``(width, depth)``."""
        net = SRResNet(num_feat=width, num_block=depth, upscale=self.upscale)
        src = dict(self.named_parameters())
        for name, p in net.named_parameters():
            w = src[name]
            if w.dim() == 4:
                c_out = p.shape[0]
                c_in = p.shape[1]
                p.copy_(w[:c_out, :c_in])
            else:
                p.copy_(w[: p.shape[0]])
        return net.eval()


@register
class ClassSRClassifier(nn.Module):
    """ClassSR's patch classifier (Kong et al., CVPR 2021): Conv 3->128 k4 s4, three 1x1 128->128,
    1x1 128->32 (LeakyReLU 0.1 after each), global average pool, Linear 32 -> num_classes.

    Args:
        num_classes (int): number of branches. Default: 3.
    """

    def __init__(self, num_classes: int = 3) -> None:
        super().__init__()
        self.conv0 = nn.Conv2d(3, 128, 4, 4, 0)
        self.convs = nn.ModuleList([nn.Conv2d(128, 128, 1) for _ in range(3)])
        self.conv4 = nn.Conv2d(128, 32, 1)
        self.fc = nn.Linear(32, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = F.leaky_relu(self.conv0(x), 0.1)
        for conv in self.convs:
            h = F.leaky_relu(conv(h), 0.1)
        h = F.leaky_relu(self.conv4(h), 0.1)
        return self.fc(h.mean(dim=(2, 3)))


def receptive_field(depth: int, scale: int) -> int:
    """LR pixels of context each side that determine an output pixel: the conv radius sum.

    conv_first (1) + body (2 per block) + the first upconv (1) + later convs at HR-ish
    resolutions (1/2 per x2 stage, 1/s each for conv_hr and conv_last), rounded up; at least 1
    for the bilinear residual.
    """
    r = 1.0 + 2.0 * depth + 1.0
    if scale == 4:
        r += 0.5
    r += 2.0 / scale
    return int(math.ceil(r))


def count_params(net: nn.Module) -> int:
    """Number of parameters."""
    return sum(p.numel() for p in net.parameters())


@register
class ClassSRNet(nn.Module):
    """ClassSR (Kong et al., CVPR 2021): a classifier picks one of ``len(widths)`` independent
    SRResNet branches per patch. Training mixes the branch outputs by the classifier's softmax;
    at test the argmax branch runs.

    Args:
        widths (list[int]): branch widths, ascending. Default: [16, 24, 32].
        depth (int): blocks of every branch. Default: 8.
        upscale (int): 2 or 4. Default: 2.
    """

    def __init__(self, widths: Sequence[int] = (16, 24, 32), depth: int = 8, upscale: int = 2) -> None:
        super().__init__()
        self.widths = sorted(int(w) for w in widths)
        self.depths = [int(depth)]
        self.num_feat, self.num_block, self.upscale = max(self.widths), int(depth), upscale
        self.branches = nn.ModuleList([SRResNet(w, depth, upscale) for w in self.widths])
        self.classifier = ClassSRClassifier(len(self.widths))

    def subnet_configs(self) -> List[Tuple[int, int]]:
        """Branches as ``(width, depth)``, ascending cost."""
        return [(w, self.num_block) for w in self.widths]

    def forward(self, x: torch.Tensor, width: int | None = None, depth: int | None = None) -> torch.Tensor:
        """Branch of ``width`` (default: the widest) on ``x``."""
        w = self.widths[-1] if width is None else int(width)
        return self.branches[self.widths.index(w)](x)

    def mixed(self, x: torch.Tensor, branch_grad: bool = True) -> Tuple[torch.Tensor, torch.Tensor]:
        """Training output ``sum_k p_k branch_k(x)`` and the probabilities ``p`` ``[B, K]``.

        ``branch_grad=False`` runs the branches without autograd: only the classifier learns
        (ClassSR's ``fix_SR_module``)."""
        p = F.softmax(self.classifier(x), dim=1)
        with torch.set_grad_enabled(branch_grad and torch.is_grad_enabled()):
            outs = [b(x) for b in self.branches]
        out = sum(p[:, k].view(-1, 1, 1, 1) * o for k, o in enumerate(outs))
        return out, p

    @torch.no_grad()
    def extract(self, width: int, depth: int) -> SRResNet:
        """A copy of the branch of ``width``."""
        import copy

        return copy.deepcopy(self.branches[self.widths.index(int(width))]).eval()
