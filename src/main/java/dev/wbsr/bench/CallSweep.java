package dev.wbsr.bench;

import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.model.Manifest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Throughput of single inference calls per subnet and call shape, in executed GFLOPs per second of
 * the calling thread's CPU time. The engine must run each call on the calling thread (one ONNX
 * Runtime thread per call), so that thread CPU time is the call's whole cost and other jobs on the
 * machine hardly move the figure. Comparing a batch of lone tiles with one tile per call gives the
 * fixed cost of a call; comparing subnets gives how well each width and depth runs.
 */
public final class CallSweep {

  /**
   * One call shape: {@code n} tiles of {@code side} x {@code side} LR pixels.
   *
   * @param label as printed, e.g. {@code 16x34}
   */
  public record Shape(String label, int n, int side) {}

  /**
   * One subnet's figures.
   *
   * @param gflopsPerCpuSecond per shape, in the order of {@link #shapes}
   * @param microsPerCall thread CPU microseconds of one call, per shape
   */
  public record Row(
      int subnet,
      String name,
      int width,
      int depth,
      double[] gflopsPerCpuSecond,
      double[] microsPerCall) {}

  /**
   * A lone 32x32 patch with 1 px of context, 4 and 16 of them in one call, and 4x4 and 8x8 patch
   * tiles.
   */
  public static List<Shape> defaultShapes() {
    return List.of(
        new Shape("1x34", 1, 34),
        new Shape("4x34", 4, 34),
        new Shape("16x34", 16, 34),
        new Shape("1x130", 1, 130),
        new Shape("1x258", 1, 258));
  }

  private CallSweep() {}

  /**
   * Times every subnet on every shape: one warm-up call, then calls until {@code minCpuSeconds} of
   * thread CPU time (at least 3 calls).
   */
  public static List<Row> run(
      Manifest manifest, SrEngine engine, List<Shape> shapes, double minCpuSeconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    List<Row> rows = new ArrayList<>();
    double pixelsPerPatch = (double) manifest.patchSize() * manifest.patchSize();
    for (var spec : manifest.subnets()) {
      double[] rate = new double[shapes.size()];
      double[] micros = new double[shapes.size()];
      for (int i = 0; i < shapes.size(); i++) {
        Shape shape = shapes.get(i);
        Nchw input = input(shape);
        double flopsPerCall =
            spec.flopsPerPatch() / pixelsPerPatch * shape.n() * shape.side() * shape.side();
        engine.run(spec.id(), input);
        long cpu = 0;
        int calls = 0;
        while (calls < 3 || cpu < minCpuSeconds * 1e9) {
          long c0 = threads.getCurrentThreadCpuTime();
          engine.run(spec.id(), input);
          cpu += threads.getCurrentThreadCpuTime() - c0;
          calls++;
        }
        rate[i] = flopsPerCall * calls / (cpu / 1e9) / 1e9;
        micros[i] = cpu / 1e3 / calls;
      }
      rows.add(new Row(spec.id(), spec.name(), spec.width(), spec.depth(), rate, micros));
    }
    return rows;
  }

  /** Fixed pseudo-random pixels: speed does not depend on the content, only on the shape. */
  private static Nchw input(Shape shape) {
    Random r = new Random(17);
    float[] data = new float[shape.n() * 3 * shape.side() * shape.side()];
    for (int i = 0; i < data.length; i++) {
      data[i] = r.nextFloat();
    }
    return new Nchw(data, shape.n(), 3, shape.side(), shape.side());
  }
}
