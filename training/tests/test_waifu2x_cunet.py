"""The PyTorch reimplementation of waifu2x-ncnn-vulkan's CUNet runner (training/tools/waifu2x_cunet.py
and ncnn_torch.py): .param parsing, .bin blobs (fp32, fp16-tagged, table-quantized), ncnn layer
semantics against hand-written loops, the binary's tiling, and its command line, all on small
synthetic files."""

import io
import struct
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from training.tools import ncnn_torch as N
from training.tools import waifu2x_cunet as W


def _blob_fp32(a: np.ndarray, tag: bool = True) -> bytes:
    return (b"\0\0\0\0" if tag else b"") + np.asarray(a, "<f4").tobytes()


def _blob_fp16(a: np.ndarray) -> bytes:
    raw = np.asarray(a, "<f2").tobytes()
    return struct.pack("<I", N.TAG_FP16) + raw + b"\0" * ((-len(raw)) % 4)


def _write_model(d: Path, stem: str, lines, blobs) -> None:
    layers = [ln for ln in lines]
    blob_names = {b for ln in layers for b in ln.split()[4:] if "=" not in b}
    text = f"{N.PARAM_MAGIC}\n{len(layers)} {len(blob_names)}\n" + "\n".join(layers) + "\n"
    (d / f"{stem}.param").write_text(text)
    (d / f"{stem}.bin").write_bytes(b"".join(blobs))


def test_parse_param_reads_ints_floats_and_arrays():
    text = (
        "7767517\n3 3\n"
        "Input            input   0 1 data 0=20 1=20 2=3\n"
        "Convolution      conv1   1 1 data c1 0=8 1=3 5=1 6=216 9=2 -23310=1,0.100000\n"
        "Eltwise          sum     2 1 c1 c1 out 0=1 -23301=2,1.0,-0.5\n"
    )
    layers = N.parse_param(text)
    assert [lay.type for lay in layers] == ["Input", "Convolution", "Eltwise"]
    conv = layers[1]
    assert conv.bottoms == ["data"] and conv.tops == ["c1"]
    assert conv.params[0] == 8 and conv.params[6] == 216 and conv.params[9] == 2
    assert conv.params[10] == [pytest.approx(0.1)] and isinstance(conv.params[10][0], float)
    assert layers[2].params[1] == [1.0, -0.5]
    with pytest.raises(N.ModelError, match="layers"):
        N.parse_param("7767517\n4 3\n" + text.split("\n", 2)[2])
    with pytest.raises(N.ModelError, match="not an ncnn"):
        N.parse_param("123\n1 1\nInput input 0 1 data\n")


def test_read_blob_fp32_fp16_and_table():
    a = np.array([0.5, -1.25, 3.0], np.float32)
    assert np.array_equal(N.read_blob(io.BytesIO(_blob_fp32(a, tag=False)), 3, tagged=False), a)
    assert np.array_equal(N.read_blob(io.BytesIO(_blob_fp32(a)), 3, tagged=True), a)
    tagged32 = struct.pack("<I", N.TAG_FP32) + a.tobytes()
    assert np.array_equal(N.read_blob(io.BytesIO(tagged32), 3, tagged=True), a)
    # fp16: 3 halves are 6 bytes, padded to 8; the next blob must start right after the padding
    f = io.BytesIO(_blob_fp16(a) + _blob_fp32(np.array([7.0]), tag=False))
    assert np.array_equal(N.read_blob(f, 3, tagged=True), a)
    assert N.read_blob(f, 1, tagged=False)[0] == 7.0
    table = np.arange(256, dtype="<f4") / 4
    quant = struct.pack("<BBBB", 1, 0, 0, 0) + table.tobytes() + bytes([4, 8, 255]) + b"\0"
    assert np.array_equal(N.read_blob(io.BytesIO(quant), 3, tagged=True), [1.0, 2.0, 63.75])
    with pytest.raises(N.ModelError, match="int8"):
        N.read_blob(io.BytesIO(struct.pack("<I", N.TAG_INT8) + b"\0" * 4), 3, tagged=True)
    with pytest.raises(N.ModelError, match="ends early"):
        N.read_blob(io.BytesIO(_blob_fp32(a)[:-1]), 3, tagged=True)


def _deconv_reference(x: np.ndarray, k: np.ndarray, bias: np.ndarray, stride: int, pad: int) -> np.ndarray:
    """ncnn Deconvolution by its definition: scatter every input pixel times the [out][in] kernel,
    then cut ``pad`` from every edge."""
    cin, h, w = x.shape
    cout, _, kk, _ = k.shape
    full = np.zeros((cout, (h - 1) * stride + kk, (w - 1) * stride + kk))
    full += bias[:, None, None]
    for o in range(cout):
        for c in range(cin):
            for i in range(h):
                for j in range(w):
                    full[o, i * stride : i * stride + kk, j * stride : j * stride + kk] += x[c, i, j] * k[o, c]
    return full[:, pad : full.shape[1] - pad, pad : full.shape[2] - pad]


def test_layers_match_hand_computed_convolution_deconvolution_crop_and_eltwise(tmp_path):
    rng = np.random.default_rng(1)
    conv_w = rng.normal(0, 0.3, (2, 3, 3, 3)).astype(np.float32)
    conv_b = np.array([0.1, -0.2], np.float32)
    de_w = rng.normal(0, 0.3, (3, 2, 4, 4)).astype(np.float32)  # ncnn order [out][in][kh][kw]
    de_b = np.array([0.0, 0.5, -0.5], np.float32)
    lines = [
        "Input         input  0 1 data 0=12 1=11 2=3",
        "Split         sp     1 2 data d0 d1",
        "Convolution   conv   1 1 d0 c 0=2 1=3 5=1 6=54 9=2 -23310=1,0.100000",
        "Deconvolution de     1 1 c up 0=3 1=4 3=2 4=3 5=1 6=96",
        "Crop          crop   2 1 up d1 cr 0=1 1=2",
        "Eltwise       sum    2 1 cr d1 out 0=1",
    ]
    # the conv weights fp16-tagged, the deconv weights fp32 with a zero tag, biases untagged
    _write_model(tmp_path, "m", lines, [_blob_fp16(conv_w), _blob_fp32(conv_b, False), _blob_fp32(de_w), _blob_fp32(de_b, False)])
    net = N.NcnnNet.load(tmp_path / "m.param", tmp_path / "m.bin")
    x = rng.uniform(0, 1, (3, 11, 12)).astype(np.float32)

    w16 = conv_w.astype(np.float16).astype(np.float64)
    c = np.zeros((2, 9, 10))
    for o in range(2):
        for i in range(9):
            for j in range(10):
                c[o, i, j] = np.sum(x[:, i : i + 3, j : j + 3] * w16[o]) + conv_b[o]
    c = np.where(c > 0, c, 0.1 * c)
    up = _deconv_reference(c, de_w.astype(np.float64), de_b, stride=2, pad=3)
    # by hand: (9-1)*2+4-6 = 14 rows, (10-1)*2+4-6 = 16 columns
    assert up.shape == (3, 14, 16)
    got_up = net(torch.from_numpy(x)[None], output="up")[0].numpy()
    assert got_up.shape == (3, 14, 16)
    assert np.allclose(got_up, up, atol=1e-5)
    # Crop to the reference's size (11x12) from x=1, y=2; Eltwise 0=1 sums
    out = net(torch.from_numpy(x)[None], output="out")[0].numpy()
    assert np.allclose(out, up[:, 2:13, 1:13] + x, atol=1e-5)


def test_crop_with_reference_and_eltwise_sum():
    layer = N.Layer("Crop", "crop", ["a", "b"], ["c"], {0: 1, 1: 2})
    a = torch.arange(2 * 6 * 7, dtype=torch.float32).view(1, 2, 6, 7)
    ref = torch.zeros(1, 2, 3, 4)
    out = N.crop(layer, [a, ref])
    assert out.shape == (1, 2, 3, 4)
    assert torch.equal(out, a[:, :, 2:5, 1:5])
    s = N.eltwise(N.Layer("Eltwise", "e", ["x", "y"], ["z"], {0: 1, 1: [2.0, -1.0]}), [out, torch.ones_like(out)])
    assert torch.equal(s, 2 * out - 1)
    m = N.eltwise(N.Layer("Eltwise", "e", ["x", "y"], ["z"], {0: 2}), [out, torch.full_like(out, 50.0)])
    assert torch.equal(m, torch.clamp(out, min=50.0))
    with pytest.raises(N.ModelError, match="outside"):
        N.crop(layer, [ref, a])


def _toy_cunet(d: Path) -> Path:
    """A model with CUNet's size contract (output 2 * (input - 36)) and no global pooling, so any
    tiling must give the whole-image result: a 37x37 blur, then a 2x2 stride-2 copy-up."""
    models = d / "models-cunet"
    models.mkdir()
    rng = np.random.default_rng(2)
    blur = np.zeros((3, 3, 37, 37), np.float32)
    for o in range(3):
        blur[o, o] = rng.uniform(0, 2, (37, 37)) / (37 * 37)
    copy_up = np.zeros((3, 3, 2, 2), np.float32)
    for o in range(3):
        copy_up[o, o] = 1.0
    lines = [
        "Input         input    0 1 Input1 0=200 1=200 2=3",
        "Convolution   blur     1 1 Input1 b 0=3 1=37 5=1 6=12321",
        "Deconvolution up       1 1 b u 0=3 1=2 3=2 5=0 6=36",
        "Eltwise       Eltwise4 1 1 u Eltwise4 0=1",
    ]
    _write_model(models, "scale2.0x_model", lines, [_blob_fp16(blur), _blob_fp32(np.full(3, 0.01), False), _blob_fp32(copy_up)])
    return models


def test_tiles_join_into_the_whole_image_result(tmp_path):
    models = _toy_cunet(tmp_path)
    s = W.setup(models, -1, 2)
    assert (s.prepadding, s.model_scale, s.passes) == (18, 2, 1)
    net = N.NcnnNet.load(s.param, s.model).eval()
    img = np.random.default_rng(3).integers(0, 256, (45, 71, 3), dtype=np.uint8)
    whole = W.process(net, img, 2, s.prepadding, 4000)
    tiled = W.process(net, img, 2, s.prepadding, 32)
    assert whole.shape == tiled.shape == (90, 142, 3)
    # same sums in another order: at most one level apart, almost everywhere equal
    diff = np.abs(whole.astype(int) - tiled.astype(int))
    assert diff.max() <= 1 and np.mean(diff) < 0.01
    # by hand: the blur of the replicate-padded image, copied up 2x, +0.5 and truncated
    x = torch.from_numpy(img.transpose(2, 0, 1).astype(np.float32) / 255.0)[None]
    x = torch.nn.functional.pad(x, (18, 19, 18, 19), mode="replicate")  # 45, 71 odd: one more
    blur, bias = net.weights["blur"]
    ref = torch.nn.functional.conv2d(x, blur.view(3, 3, 37, 37), bias)[0].numpy()
    ref = np.repeat(np.repeat(ref, 2, axis=1), 2, axis=2)[:, :90, :142]
    expect = np.clip(np.floor(ref * 255 + 0.5), 0, 255).transpose(1, 2, 0)
    assert np.abs(expect - whole).max() <= 1


def test_command_line_as_the_report_calls_it(tmp_path, monkeypatch, capsys):
    models = _toy_cunet(tmp_path)
    src, dst = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    dst.mkdir()
    rng = np.random.default_rng(4)
    Image.fromarray(rng.integers(0, 256, (13, 17, 3), dtype=np.uint8)).save(src / "00000.png")
    Image.fromarray(rng.integers(0, 256, (20, 9), dtype=np.uint8), "L").save(src / "00001.png")
    (src / "notes.txt").write_text("not an image")
    args = ["-i", str(src), "-o", str(dst), "-f", "png", "-s", "4", "-n", "-1", "-m", str(models), "-g", "-1"]
    assert W.main(args) == 0
    a, b = Image.open(dst / "00000.png"), Image.open(dst / "00001.png")
    assert a.size == (68, 52) and b.size == (36, 80) and a.mode == b.mode == "RGB"
    assert sorted(p.name for p in dst.iterdir()) == ["00000.png", "00001.png"]
    # x4 is the x2 model twice
    once = W.process(
        N.NcnnNet.load(models / "scale2.0x_model.param", models / "scale2.0x_model.bin"),
        np.asarray(Image.open(src / "00000.png")),
        2,
        18,
        4000,
    )
    net = N.NcnnNet.load(models / "scale2.0x_model.param", models / "scale2.0x_model.bin")
    assert np.array_equal(np.asarray(a), W.process(net, once, 2, 18, 4000))

    assert W.main(args + ["-x"]) == 1
    assert "TTA" in capsys.readouterr().err
    assert W.main(["-i", str(src), "-o", str(dst), "-n", "-1", "-m", str(tmp_path / "models-cunet-none")]) == 1
    assert "not found" in capsys.readouterr().err
    assert W.main(["-i", str(src), "-o", str(dst / "x.png")]) == 1
    assert "either file or directory" in capsys.readouterr().err


def test_thread_count_env_then_jobs_then_two():
    a = W.parse_args(["-i", "a.png", "-o", "b.png", "-j", "1:3:2"])
    assert W.threads(a, {}) == 3
    assert W.threads(a, {W.THREADS_ENV: "5"}) == 5
    assert W.threads(W.parse_args(["-i", "a.png", "-o", "b.png"]), {}) == 2
    with pytest.raises(W.UsageError):
        W.parse_args(["-i", "a.png", "-o", "b.png", "-s", "3"])
