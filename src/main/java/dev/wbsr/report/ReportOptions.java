package dev.wbsr.report;

import dev.wbsr.pipeline.PipelineOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code wbsr report} measures.
 *
 * @param dataDir folder with one sub-folder of HR PNGs per set ({@code val-photo/*.png}, ...)
 * @param sets set folder names, in report order
 * @param scales 2 and/or 4
 * @param limit the first {@code limit} images of each set (0 = all)
 * @param budgets WBSR budget sweep
 * @param etas ARM eta sweep
 * @param timing measure wall time per image (a warm-up image per bundle first); off, the report
 *     holds no time-dependent text and two runs are byte-identical
 * @param pipeline how the patch pipeline runs (the CLI's defaults)
 * @param waifu2x the folder of the external anchor ({@link Waifu2x}); empty: not run, and the page
 *     says no folder was given (the CLI always gives one: {@code --waifu2x} or its default)
 * @param waifu2xExecutable run in place of the folder's binary, with the binary's command line and
 *     the folder's models (the PyTorch reimplementation {@code training/tools/waifu2x-torch});
 *     empty: the binary
 */
public record ReportOptions(
    Path dataDir,
    List<String> sets,
    List<Integer> scales,
    int limit,
    List<Double> budgets,
    List<Double> etas,
    boolean timing,
    PipelineOptions pipeline,
    Optional<Path> waifu2x,
    Optional<Path> waifu2xExecutable) {

  public ReportOptions {
    sets = List.copyOf(sets);
    scales = List.copyOf(scales);
    budgets = List.copyOf(budgets);
    etas = List.copyOf(etas);
    if (sets.isEmpty() || scales.isEmpty()) {
      throw new IllegalArgumentException("no sets or no scales to report");
    }
    for (int s : scales) {
      if (s != 2 && s != 4) {
        throw new IllegalArgumentException("scales are 2 and 4, got " + s);
      }
    }
    for (double b : budgets) {
      if (!(b > 0 && b <= 1)) {
        throw new IllegalArgumentException("budget must be in (0, 1], got " + b);
      }
    }
    for (double e : etas) {
      if (!(e > 0) || Double.isInfinite(e)) {
        throw new IllegalArgumentException("eta must be positive, got " + e);
      }
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
  }

  /**
   * Tile context of the report's pipeline, in LR pixels: the smallest margin at which routed
   * results equal whole-image inference composited per patch (measured with {@code wbsr eval} on
   * wbsr-x2, Val-Photo, +WBSR's routing: 44.056, 44.087, 44.098, 44.098 dB at margins 1, 2, 4, 8,
   * and 44.098 dB for PyTorch's whole-image composite; with rectangular tiles margin 1 gives 44.072
   * dB and margin 4 still 44.098 dB). The app's default (1) is faster but costs routed images, with
   * their smaller tiles, a few hundredths of a dB more than supernet images, which would tilt the
   * comparison towards base.
   */
  public static final int MARGIN = 4;

  /** Both sets, both scales, the default sweeps, timing on, margin {@link #MARGIN}. */
  public static ReportOptions defaults(Path dataDir) {
    return new ReportOptions(
        dataDir,
        ValidationSets.NAMES,
        List.of(2, 4),
        0,
        defaultBudgets(),
        defaultEtas(),
        true,
        PipelineOptions.batch().withMargin(MARGIN),
        Optional.empty(),
        Optional.empty());
  }

  /** 0.10, 0.15, ..., 1.00. */
  public static List<Double> defaultBudgets() {
    List<Double> b = new ArrayList<>();
    for (int i = 2; i <= 20; i++) {
      b.add(i / 20.0);
    }
    return b;
  }

  /**
   * 2^(k/4) for k = -8..32: 0.25 .. 256, four points per doubling (the etas calibrated at x4 reach
   * about 90).
   */
  public static List<Double> defaultEtas() {
    List<Double> e = new ArrayList<>();
    for (int k = -8; k <= 32; k++) {
      e.add(Math.pow(2, k / 4.0));
    }
    return e;
  }

  public ReportOptions withLimit(int n) {
    return new ReportOptions(
        dataDir, sets, scales, n, budgets, etas, timing, pipeline, waifu2x, waifu2xExecutable);
  }

  public ReportOptions withTiming(boolean on) {
    return new ReportOptions(
        dataDir, sets, scales, limit, budgets, etas, on, pipeline, waifu2x, waifu2xExecutable);
  }

  public ReportOptions withSets(List<String> s) {
    return new ReportOptions(
        dataDir, s, scales, limit, budgets, etas, timing, pipeline, waifu2x, waifu2xExecutable);
  }

  public ReportOptions withScales(List<Integer> s) {
    return new ReportOptions(
        dataDir, sets, s, limit, budgets, etas, timing, pipeline, waifu2x, waifu2xExecutable);
  }

  public ReportOptions withSweeps(List<Double> b, List<Double> e) {
    return new ReportOptions(
        dataDir, sets, scales, limit, b, e, timing, pipeline, waifu2x, waifu2xExecutable);
  }

  public ReportOptions withWaifu2x(Optional<Path> dir) {
    return new ReportOptions(
        dataDir, sets, scales, limit, budgets, etas, timing, pipeline, dir, waifu2xExecutable);
  }

  public ReportOptions withWaifu2xExecutable(Optional<Path> exe) {
    return new ReportOptions(
        dataDir, sets, scales, limit, budgets, etas, timing, pipeline, waifu2x, exe);
  }

  public ReportOptions withPipeline(PipelineOptions p) {
    return new ReportOptions(
        dataDir, sets, scales, limit, budgets, etas, timing, p, waifu2x, waifu2xExecutable);
  }
}
