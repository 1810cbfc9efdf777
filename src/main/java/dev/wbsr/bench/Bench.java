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

  /**
   * Longest side of the warm-up input, LR px. The warm-up only has to load the sessions and JIT the
   * pipeline; on a 12-megapixel photo a whole-image warm-up would double a bench of minutes.
   */
  static final int WARM_UP_SIDE = 512;

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
    RgbImage warmUp = warmUpInput(lr);
    for (int round = 0; round <= runs; round++) {
      RgbImage in = round == 0 ? warmUp : lr;
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
            Upscaler.wholeImage(in, manifest, wholeEngine, manifest.supernet());
            gflops[m] = supernet;
            executed[m] = supernet;
          } else {
            UpscaleResult r =
                Upscaler.upscale(
                    in, manifest, engine, mode.router(manifest), options, RenderListener.NONE);
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

  /** The image itself, or its central {@link #WARM_UP_SIDE} square when it is larger. */
  static RgbImage warmUpInput(RgbImage lr) {
    int w = Math.min(lr.width(), WARM_UP_SIDE);
    int h = Math.min(lr.height(), WARM_UP_SIDE);
    if (w == lr.width() && h == lr.height()) {
      return lr;
    }
    int x0 = (lr.width() - w) / 2;
    int y0 = (lr.height() - h) / 2;
    RgbImage out = RgbImage.allocate(w, h);
    for (int r = 0; r < h; r++) {
      System.arraycopy(lr.rgb(), ((y0 + r) * lr.width() + x0) * 3, out.rgb(), r * w * 3, w * 3);
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
