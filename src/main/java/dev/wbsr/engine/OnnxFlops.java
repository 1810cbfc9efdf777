package dev.wbsr.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FLOPs of one exported SR network per LR patch, counted from its ONNX graph in the convention of
 * {@code training/wbsr/flops.py} (2 x multiply-accumulates of every convolution, biases ignored).
 * Reads the protobuf directly (no ONNX library on the Java side) and follows each tensor's
 * resolution from the {@code lr} input through {@code DepthToSpace} (pixel shuffle), strided
 * convolutions and {@code Resize}. Graphs with other resolution-changing operators are {@link
 * UnknownGraph}: their FLOPs are not compared.
 */
final class OnnxFlops {

  /** The graph uses an operator whose effect on resolution this counter does not know. */
  static final class UnknownGraph extends Exception {
    UnknownGraph(String why) {
      super(why);
    }
  }

  /** Exported networks are a few megabytes; a larger file is not read into memory. */
  static final long MAX_BYTES = 512L << 20;

  private OnnxFlops() {}

  static double perPatch(Path onnx, int patch) throws UnknownGraph {
    byte[] bytes;
    try {
      if (Files.size(onnx) > MAX_BYTES) {
        throw new UnknownGraph("file too large to inspect");
      }
      bytes = Files.readAllBytes(onnx);
    } catch (IOException e) {
      throw new UnknownGraph("cannot read: " + e.getMessage());
    }
    try {
      return count(bytes, patch);
    } catch (RuntimeException e) {
      throw new UnknownGraph("cannot parse: " + e.getMessage());
    }
  }

  private record Node(
      String op, List<String> inputs, List<String> outputs, Map<String, long[]> ints) {}

  private static double count(byte[] model, int patch) throws UnknownGraph {
    byte[] graph = null;
    Proto m = new Proto(model, 0, model.length);
    while (m.next()) {
      if (m.field == 7) {
        graph = m.bytes();
      } else {
        m.skip();
      }
    }
    if (graph == null) {
      throw new UnknownGraph("no graph");
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, long[]> weights = new HashMap<>();
    List<String> graphInputs = new ArrayList<>();
    Proto g = new Proto(graph, 0, graph.length);
    while (g.next()) {
      switch (g.field) {
        case 1 -> nodes.add(node(g.bytes()));
        case 5 -> tensor(g.bytes(), weights);
        case 11 -> graphInputs.add(firstString(g.bytes(), 1));
        default -> g.skip();
      }
    }
    if (!graphInputs.contains("lr")) {
      throw new UnknownGraph("no input named lr");
    }
    // Area of each tensor relative to the LR input's; nodes are in topological order in ONNX.
    Map<String, Double> area = new HashMap<>();
    area.put("lr", 1.0);
    double macs = 0;
    for (Node n : nodes) {
      double in = 0;
      for (String i : n.inputs()) {
        in = Math.max(in, area.getOrDefault(i, 0.0));
      }
      double out = in;
      switch (n.op()) {
        case "Conv" -> {
          long[] w = n.inputs().size() > 1 ? weights.get(n.inputs().get(1)) : null;
          if (w == null || w.length != 4) {
            throw new UnknownGraph("Conv without a 4-d weight initializer");
          }
          long[] strides = n.ints().getOrDefault("strides", new long[] {1, 1});
          out = in / (strides[0] * strides[strides.length - 1]);
          macs += (double) w[0] * w[1] * w[2] * w[3] * out;
        }
        case "DepthToSpace" -> {
          long b = n.ints().getOrDefault("blocksize", new long[] {0})[0];
          if (b < 1) {
            throw new UnknownGraph("DepthToSpace without a block size");
          }
          out = in * b * b;
        }
        case "Add",
            "Sub",
            "Mul",
            "Div",
            "Relu",
            "LeakyRelu",
            "PRelu",
            "Sigmoid",
            "Clip",
            "Identity",
            "Constant",
            "Tanh" -> {}
        case "Resize" -> out = -1; // the global skip: its size is the sum's other input's
        default -> throw new UnknownGraph("operator " + n.op());
      }
      for (String o : n.outputs()) {
        if (out >= 0) {
          area.put(o, out);
        }
      }
    }
    return 2 * macs * patch * patch;
  }

  private static Node node(byte[] b) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    Map<String, long[]> ints = new HashMap<>();
    String op = "";
    Proto p = new Proto(b, 0, b.length);
    while (p.next()) {
      switch (p.field) {
        case 1 -> inputs.add(p.string());
        case 2 -> outputs.add(p.string());
        case 4 -> op = p.string();
        case 5 -> attribute(p.bytes(), ints);
        default -> p.skip();
      }
    }
    return new Node(op, inputs, outputs, ints);
  }

  private static void attribute(byte[] b, Map<String, long[]> ints) {
    String name = "";
    List<Long> values = new ArrayList<>();
    Proto p = new Proto(b, 0, b.length);
    while (p.next()) {
      if (p.field == 1) {
        name = p.string();
      } else if (p.field == 3 && p.wire == 0) {
        values.add(p.varint());
      } else if (p.field == 8) {
        p.int64s(values);
      } else {
        p.skip();
      }
    }
    if (!values.isEmpty()) {
      ints.put(name, values.stream().mapToLong(Long::longValue).toArray());
    }
  }

  private static void tensor(byte[] b, Map<String, long[]> out) {
    List<Long> dims = new ArrayList<>();
    String name = "";
    Proto p = new Proto(b, 0, b.length);
    while (p.next()) {
      if (p.field == 1) {
        p.int64s(dims);
      } else if (p.field == 8) {
        name = p.string();
      } else {
        p.skip();
      }
    }
    out.put(name, dims.stream().mapToLong(Long::longValue).toArray());
  }

  private static String firstString(byte[] b, int field) {
    Proto p = new Proto(b, 0, b.length);
    while (p.next()) {
      if (p.field == field) {
        return p.string();
      }
      p.skip();
    }
    return "";
  }

  /** Protobuf wire format, just enough for the fields above. */
  private static final class Proto {
    private final byte[] b;
    private int pos;
    private final int end;
    int field;
    int wire;

    Proto(byte[] b, int from, int to) {
      this.b = b;
      this.pos = from;
      this.end = to;
    }

    boolean next() {
      if (pos >= end) {
        return false;
      }
      long key = varint();
      field = (int) (key >>> 3);
      wire = (int) (key & 7);
      return true;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalStateException("truncated varint");
        }
        byte x = b[pos++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw new IllegalStateException("malformed varint");
    }

    byte[] bytes() {
      if (wire != 2) {
        throw new IllegalStateException("expected a length-delimited field " + field);
      }
      long len = varint();
      if (len < 0 || len > end - pos) {
        throw new IllegalStateException("field " + field + " runs past the end");
      }
      byte[] out = new byte[(int) len];
      System.arraycopy(b, pos, out, 0, (int) len);
      pos += (int) len;
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    void int64s(List<Long> out) {
      if (wire == 0) {
        out.add(varint());
        return;
      }
      byte[] packed = bytes();
      Proto p = new Proto(packed, 0, packed.length);
      while (p.pos < p.end) {
        out.add(p.varint());
      }
    }

    void skip() {
      switch (wire) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> {
          long len = varint();
          if (len < 0 || len > end - pos) {
            throw new IllegalStateException("field " + field + " runs past the end");
          }
          pos += (int) len;
        }
        case 5 -> pos += 4;
        default -> throw new IllegalStateException("unknown wire type " + wire);
      }
      if (pos > end) {
        throw new IllegalStateException("truncated");
      }
    }
  }
}
