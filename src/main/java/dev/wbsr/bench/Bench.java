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
  private final SrEngine wholeEngine;
  private final PipelineOptions options;
  private final int runs;

  /**
   * @param engine runs the patch pipeline
   * @param wholeEngine runs whole-image inference (best configured for one large call: all cores
   *     inside the call)
   */
  public Bench(
      Manifest manifest, SrEngine engine, SrEngine wholeEngine, PipelineOptions options, int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1");
    }
    this.manifest = manifest;
    this.engine = engine;
    this.wholeEngine = wholeEngine;
    this.options = options;
    this.runs = runs;
  }

  /** The four modes of issue 3: whole-image supernet, patch supernet, WBSR, bicubic. */
  public static List<BenchMode> standardModes(RoutingPolicy wbsr) {
    return standardModes(new BenchMode(wbsr.label(), wbsr));
  }

  /** As above with any WBSR mode (e.g. one with a time budget). */
  public static List<BenchMode> standardModes(BenchMode wbsr) {
    return List.of(
        new BenchMode("supernet-whole", null),
        new BenchMode("supernet-patches", new RoutingPolicy.Supernet()),
        wbsr,
        new BenchMode("bicubic", new RoutingPolicy.Bicubic()));
  }

  /**
   * Times every mode on one image. The runs are interleaved (run 1 of every mode, then run 2, ...)
   * so that a machine whose load drifts (a training job beside us) affects every mode alike. A mode
   * that runs out of memory is reported with an error and dropped from later rounds.
   */
  public List<BenchResult> run(RgbImage lr, List<BenchMode> modes) throws InterruptedException {
    int n = modes.size();
    double supernet =
        manifest.supernetSpec().flopsPerPatch()
            * lr.width()
            * lr.height()
            / Math.pow(manifest.patchSize(), 2)
            / 1e9;
    double outMp = (double) lr.width() * lr.height() * manifest.scale() * manifest.scale() / 1e6;
    List<List<Double>> times = new ArrayList<>();
    List<List<Double>> cpuTimes = new ArrayList<>();
    double[] gflops = new double[n];
    double[] executed = new double[n];
    double[] peak = new double[n];
    String[] errors = new String[n];
    for (int m = 0; m < n; m++) {
      times.add(new ArrayList<>());
      cpuTimes.add(new ArrayList<>());
    }
    for (int round = 0; round <= runs; round++) {
      for (int m = 0; m < n; m++) {
        if (errors[m] != null) {
          continue;
        }
        BenchMode mode = modes.get(m);
        System.gc();
        resetPeaks();
        try {
          long t0 = System.nanoTime();
          long c0 = processCpuNanos();
          if (mode.wholeImage()) {
            Upscaler.wholeImage(lr, manifest, wholeEngine, manifest.supernet());
            gflops[m] = supernet;
            executed[m] = supernet;
          } else {
            UpscaleResult r =
                Upscaler.upscale(
                    lr, manifest, engine, mode.router(manifest), options, RenderListener.NONE);
            gflops[m] = r.assignment().paperFlops() / 1e9;
            executed[m] = r.render().executedFlops() / 1e9;
          }
          double s = (System.nanoTime() - t0) / 1e9;
          double cpu = (processCpuNanos() - c0) / 1e9;
          if (round > 0) {
            times.get(m).add(s);
            cpuTimes.get(m).add(cpu);
          }
        } catch (OutOfMemoryError e) {
          errors[m] = "out of memory";
        }
        peak[m] = Math.max(peak[m], peakHeapMb());
      }
    }
    List<BenchResult> out = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      if (errors[m] != null) {
        out.add(
            new BenchResult(
                modes.get(m).name(),
                List.of(),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                supernet,
                peak[m],
                errors[m]));
      } else {
        double median = median(times.get(m));
        out.add(
            new BenchResult(
                modes.get(m).name(),
                List.copyOf(times.get(m)),
                median,
                median(cpuTimes.get(m)),
                outMp / median,
                gflops[m],
                executed[m],
                supernet,
                peak[m],
                null));
      }
    }
    return out;
  }

  static double median(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(Double::compare);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  /** CPU time of the whole process (all threads, ONNX Runtime's native ones included). */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
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
