package dev.wbsr.report;

import dev.wbsr.report.ReportData.ScaleData;
import java.util.Locale;

/** What every section of {@code docs/RESULTS.md} writes with: one shared buffer and formatting. */
abstract class MarkdownWriter {

  protected final ReportData data;
  protected final StringBuilder md;

  MarkdownWriter(ReportData data, StringBuilder md) {
    this.data = data;
    this.md = md;
  }

  protected void line(String s) {
    md.append(s).append('\n');
  }

  protected void line() {
    md.append('\n');
  }

  /** {@code gflops} as % of the scale's reference (base's supernet). */
  protected static double pct(double gflops, ScaleData s) {
    return s.referenceFlops() > 0 ? 100 * gflops * 1e9 / s.referenceFlops() : Double.NaN;
  }

  protected static String title(String set) {
    return ValidationSets.title(set);
  }

  static String f(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
