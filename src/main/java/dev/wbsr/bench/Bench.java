package dev.wbsr.bench;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RenderListener;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.Upscaler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/** Times upscaling modes on one image: one warm-up run, then {@code runs} timed runs each. */
public final class Bench {

  private final Manifest manifest;
  private final SrEngine engine;
  private final PipelineOptions options;
  private final int runs;

  public Bench(Manifest manifest, SrEngine engine, PipelineOptions options, int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1");
    }
    this.manifest = manifest;
    this.engine = engine;
    this.options = options;
    this.runs = runs;
  }

  /** The four modes of issue 3: whole-image supernet, patch supernet, WBSR, bicubic. */
  public static List<BenchMode> standardModes(RoutingPolicy wbsr) {
    return List.of(
        new BenchMode("supernet-whole", null),
        new BenchMode("supernet-patches", new RoutingPolicy.Supernet()),
        new BenchMode(wbsr.label(), wbsr),
        new BenchMode("bicubic", new RoutingPolicy.Bicubic()));
  }

  public BenchResult run(RgbImage lr, BenchMode mode) throws InterruptedException {
    double outMp = (double) lr.width() * lr.height() * manifest.scale() * manifest.scale() / 1e6;
    List<Double> times = new ArrayList<>();
    double gflops = 0;
    double executed = 0;
    double supernet = manifest.supernetSpec().flopsPerPatch() * lr.width() * lr.height() / Math.pow(manifest.patchSize(), 2) / 1e9;
    System.gc();
    resetPeaks();
    try {
      for (int i = 0; i <= runs; i++) {
        long t0 = System.nanoTime();
        if (mode.wholeImage()) {
          Upscaler.wholeImage(lr, manifest, engine, manifest.supernet());
          gflops = supernet;
          executed = supernet;
        } else {
          UpscaleResult r = Upscaler.upscale(lr, manifest, engine, mode.policy(), options, RenderListener.NONE);
          gflops = r.assignment().paperFlops() / 1e9;
          executed = r.render().executedFlops() / 1e9;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (i > 0) {
          times.add(s);
        }
      }
    } catch (OutOfMemoryError e) {
      return new BenchResult(mode.name(), List.of(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, supernet, peakHeapMb(), "out of memory");
    }
    double median = median(times);
    return new BenchResult(mode.name(), List.copyOf(times), median, outMp / median, gflops, executed, supernet, peakHeapMb(), null);
  }

  static double median(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(Double::compare);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static double peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / (1024.0 * 1024.0);
  }
}
