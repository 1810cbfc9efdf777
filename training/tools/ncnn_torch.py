"""ncnn models in PyTorch: the text .param, the .bin weights, and the layer types waifu2x CUNet uses.

Read by ``waifu2x_cunet.py``. Layer semantics follow ncnn's reference (x86 naive) layers: valid
convolution unless padded, Deconvolution weights stored [out][in][kh][kw] and scattered like
torch's ``conv_transpose2d`` before its pads are cut, Crop to a reference blob's size from fixed
offsets, Eltwise product/sum/max, Scale by a second blob per channel, global Pooling, and
InnerProduct, with the fused activations (9=type, 10=params).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Dict, List, Optional, Tuple, Union

import numpy as np
import torch
import torch.nn.functional as F

PARAM_MAGIC = 7767517
TAG_FP16 = 0x01306B47
TAG_INT8 = 0x000D4B38
TAG_FP32 = 0x0002C056
OUTPUT_BLOB = "Eltwise4"  # what waifu2x-ncnn-vulkan extracts

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
