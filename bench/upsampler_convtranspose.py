"""Issue 17: would the x2 upsampler run faster as one ConvTranspose than as Conv + DepthToSpace?

A 3x3 sub-pixel convolution (conv to 4C channels, pixel shuffle in PyTorch's CRD order) equals a
ConvTranspose with kernel 6, stride 2, padding 2 and the same multiply-adds: output pixel
(2i+a, 2j+b) takes input (i+dy, j+dx) with tap (a+2-2dy, b+2-2dx). This writes a copy of one subnet
with the pair replaced, for timing with bench/OrtTileShapes.java (only the bias is approximate: a
ConvTranspose has one bias per channel, the sub-pixel conv one per channel and position).

    /usr/bin/python3 bench/upsampler_convtranspose.py models-v2/wbsr-x2/subnet-0-w16-d2.onnx /tmp/w16-d2-ct.onnx
"""

import sys

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import helper, numpy_helper


def convtranspose_kernel(w: np.ndarray) -> np.ndarray:
    """``[4C, Cin, 3, 3]`` sub-pixel conv weights -> ``[Cin, C, 6, 6]`` ConvTranspose weights."""
    c4, cin = w.shape[:2]
    k = np.zeros((cin, c4 // 4, 6, 6), np.float32)
    for c in range(c4 // 4):
        for a in range(2):
            for b in range(2):
                for ky in range(3):
                    for kx in range(3):
                        k[:, c, a + 4 - 2 * ky, b + 4 - 2 * kx] = w[c * 4 + a * 2 + b, :, ky, kx]
    return k


def main(src: str, dst: str) -> None:
    m = onnx.load(src)
    inits = {i.name: i for i in m.graph.initializer}
    nodes = list(m.graph.node)
    k = next(i for i, n in enumerate(nodes) if n.op_type == "DepthToSpace")
    conv = nodes[k - 1]
    w = numpy_helper.to_array(inits[conv.input[1]]).copy()
    bias = numpy_helper.to_array(inits[conv.input[2]])
    kt = convtranspose_kernel(w)
    x = torch.randn(1, w.shape[1], 9, 7)
    ref = F.pixel_shuffle(F.conv2d(x, torch.from_numpy(w), padding=1), 2)
    out = F.conv_transpose2d(x, torch.from_numpy(kt), stride=2, padding=2)
    print(f"max abs difference without bias: {float((ref - out).abs().max()):.2e}")
    channel_bias = bias.reshape(-1, 4).mean(1).astype(np.float32)
    m.graph.initializer.extend([numpy_helper.from_array(kt, "ct.weight"), numpy_helper.from_array(channel_bias, "ct.bias")])
    ct = helper.make_node(
        "ConvTranspose",
        [conv.input[0], "ct.weight", "ct.bias"],
        [nodes[k].output[0]],
        kernel_shape=[6, 6],
        strides=[2, 2],
        pads=[2, 2, 2, 2],
    )
    del m.graph.node[k - 1 : k + 1]
    m.graph.node.insert(k - 1, ct)
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    print("wrote", dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
