package dev.wbsr.report;

import dev.wbsr.report.Charts.Bars;
import dev.wbsr.report.Charts.Marker;
import dev.wbsr.report.Charts.Series;
import dev.wbsr.report.ReportData.ClassStats;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.Sweep;
import dev.wbsr.report.ReportData.SweepPoint;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The report's plots: per scale and set PSNR-Y against FLOPs (sweeps and the table's systems) and
 * the per-class PSNR-Y gain of WBSR over base; per scale the class histogram of the sets.
 */
public final class ReportPlots {

  /** Every file name this report may write starts with one of these. */
  static final List<String> PREFIXES = List.of("tradeoff-", "classes-", "gain-");

  /** A plot: drawn ({@code image} present) or not, with the reason. */
  public record Plot(String file, String title, Optional<BufferedImage> image, String missing) {}

  private ReportPlots() {}

  /** All plots of the report, in the order RESULTS.md shows them. */
  public static List<Plot> render(ReportData data) {
    List<Plot> out = new ArrayList<>();
    for (ScaleData s : data.scales()) {
      out.add(classes(s));
      for (SetData set : s.sets()) {
        out.add(tradeoff(s, set));
        out.add(gain(s, set));
      }
    }
    return out;
  }

  /**
   * Writes the drawn plots into {@code dir} as PNGs and removes older plot files there that this
   * report did not draw (a bundle that went missing must not leave a stale plot behind).
   */
  public static List<Plot> write(ReportData data, Path dir) throws IOException {
    List<Plot> plots = render(data);
    Files.createDirectories(dir);
    List<String> names = new ArrayList<>();
    for (Plot p : plots) {
      if (p.image().isPresent()) {
        Charts.writePng(p.image().get(), dir.resolve(p.file()));
        names.add(p.file());
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith(".png") && PREFIXES.stream().anyMatch(n::startsWith) && !names.contains(n)) {
          Files.delete(f);
        }
      }
    }
    return plots;
  }

  static String tradeoffFile(int scale, String set) {
    return "tradeoff-x" + scale + "-" + set + ".png";
  }

  static String classesFile(int scale) {
    return "classes-x" + scale + ".png";
  }

  static String gainFile(int scale, String set) {
    return "gain-x" + scale + "-" + set + ".png";
  }

  // ---------------------------------------------------------------------------------------------

  private static Plot tradeoff(ScaleData s, SetData set) {
    String title = "PSNR-Y vs FLOPs, x" + s.scale() + ", " + ValidationSets.title(set.set());
    String file = tradeoffFile(s.scale(), set.set());
    if (s.referenceFlops() <= 0) {
      return new Plot(file, title, Optional.empty(), "neither base nor WBSR bundle at this scale");
    }
    double ref = s.referenceFlops() / 1e9;
    List<Series> series = new ArrayList<>();
    sweep(set, "wbsr-budget", ref, BLUE_LIGHT, Marker.CIRCLE, false, true, series);
    sweep(set, "base-budget", ref, Charts.PURPLE, Marker.CIRCLE, true, true, series);
    sweep(set, "arm-eta", ref, Charts.ORANGE, Marker.TRIANGLE, false, true, series);
    sweep(set, "wbsr-subnets", ref, Charts.GREY, Marker.SQUARE, false, false, series);
    point(set.run(Role.BASE, "supernet"), "base", ref, Charts.BLACK, Marker.SQUARE, 13, series);
    point(set.run(Role.CLASSSR, "classsr"), "+ClassSR", ref, Charts.GREEN, Marker.STAR, 18, series);
    point(set.run(Role.BASE, "arm"), "+ARM", ref, Charts.RED, Marker.TRIANGLE, 16, series);
    point(set.run(Role.WBSR, "wbsr"), "+WBSR", ref, Charts.BLUE, Marker.DIAMOND, 16, series);
    point(set.run(Role.WBSR, "supernet"), "WBSR†", ref, Charts.BLUE, Marker.SQUARE, 13, series);
    if (series.isEmpty()) {
      return new Plot(file, title, Optional.empty(), "no system was measured");
    }
    BufferedImage img =
        Charts.lines(
            title,
            "mean FLOPs per 32x32 LR patch, % of base (paper convention)",
            "PSNR-Y (dB), mean over images",
            series,
            0);
    return new Plot(file, title, Optional.of(img), "");
  }

  private static final Color BLUE_LIGHT = new Color(0x6BAED6);

  private static void sweep(
      SetData set,
      String id,
      double ref,
      Color color,
      Marker marker,
      boolean dashed,
      boolean line,
      List<Series> out) {
    Optional<Sweep> sw = set.sweep(id);
    if (sw.isEmpty()) {
      return;
    }
    List<double[]> pts = new ArrayList<>();
    for (SweepPoint p : sw.get().points()) {
      pts.add(new double[] {100 * p.gflops() / ref, p.psnrY()});
    }
    pts.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    out.add(new Series(sw.get().title(), color, pts, line, dashed, marker, line ? 6 : 9));
  }

  private static void point(
      Optional<Run> run,
      String system,
      double ref,
      Color color,
      Marker marker,
      int size,
      List<Series> out) {
    run.ifPresent(
        r ->
            out.add(
                new Series(
                    system + ": " + r.bundle() + ", " + r.policyLabel(),
                    color,
                    List.<double[]>of(new double[] {100 * r.gflops() / ref, r.mean().psnrY()}),
                    false,
                    false,
                    marker,
                    size)));
  }

  // ---------------------------------------------------------------------------------------------

  private static Plot classes(ScaleData s) {
    String title = "Patch classes, x" + s.scale() + " (LR 32x32 patches)";
    String file = classesFile(s.scale());
    List<Bars> bars = new ArrayList<>();
    Color[] colors = {Charts.BLUE, Charts.ORANGE, Charts.GREEN, Charts.PURPLE};
    int k = 0;
    String from = "";
    for (SetData set : s.sets()) {
      if (set.classes().isEmpty()) {
        continue;
      }
      ClassStats c = set.classes().get();
      from = c.bundle();
      k = c.counts().length;
      double[] v = new double[k];
      int total = 0;
      for (int n : c.counts()) {
        total += n;
      }
      for (int i = 0; i < k; i++) {
        v[i] = 100.0 * c.fraction(i + 1);
      }
      bars.add(
          new Bars(
              ValidationSets.title(set.set()) + " (" + total + " patches)",
              colors[bars.size() % colors.length],
              v));
    }
    if (bars.isEmpty()) {
      return new Plot(
          file, title, Optional.empty(), "no bundle with class thresholds at this scale");
    }
    List<String> cats = new ArrayList<>();
    for (int i = 1; i <= k; i++) {
      cats.add(Integer.toString(i));
    }
    BufferedImage img =
        Charts.bars(
            title + ", thresholds of " + from,
            "class (1 = flattest ... " + k + " = most textured)",
            "% of the set's patches",
            cats,
            bars,
            100.0 / k,
            "training patches (" + fmt(100.0 / k) + "% per class by construction)");
    return new Plot(file, title, Optional.of(img), "");
  }

  private static Plot gain(ScaleData s, SetData set) {
    String title =
        "PSNR-Y gain over base per class, x" + s.scale() + ", " + ValidationSets.title(set.set());
    String file = gainFile(s.scale(), set.set());
    if (set.classes().isEmpty()) {
      return new Plot(file, title, Optional.empty(), "no class thresholds");
    }
    ClassStats c = set.classes().get();
    double[] base = c.psnrByRun().get(ReportRunner.key(Role.BASE, "supernet"));
    if (base == null) {
      return new Plot(file, title, Optional.empty(), "no base row");
    }
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("+WBSR (routed) - base", c.psnrByRun().get(ReportRunner.key(Role.WBSR, "wbsr")));
    series.put("WBSR† - base", c.psnrByRun().get(ReportRunner.key(Role.WBSR, "supernet")));
    series.put("+ARM - base", c.psnrByRun().get(ReportRunner.key(Role.BASE, "arm")));
    Color[] colors = {Charts.BLUE, BLUE_LIGHT, Charts.ORANGE};
    List<Bars> bars = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      Color color = colors[i++];
      if (e.getValue() == null) {
        continue;
      }
      double[] d = new double[base.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = e.getValue()[k] - base[k];
      }
      bars.add(new Bars(e.getKey(), color, d));
    }
    if (bars.isEmpty()) {
      return new Plot(file, title, Optional.empty(), "no WBSR or ARM row");
    }
    List<String> cats = new ArrayList<>();
    int[] counts = c.counts();
    for (int k = 1; k <= base.length; k++) {
      cats.add(k + "\n" + counts[k - 1] + " p.");
    }
    BufferedImage img =
        Charts.bars(
            title,
            "class (thresholds of " + c.bundle() + "; 1 = flattest), patches",
            "PSNR-Y difference (dB), pooled per class",
            cats,
            bars,
            Double.NaN,
            "");
    return new Plot(file, title, Optional.of(img), "");
  }

  private static String fmt(double v) {
    return v == Math.rint(v)
        ? Long.toString((long) v)
        : String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
