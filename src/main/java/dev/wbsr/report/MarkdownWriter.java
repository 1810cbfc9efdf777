package dev.wbsr.report;

import dev.wbsr.report.ReportData.ScaleData;
import java.util.List;
import java.util.function.IntFunction;

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

  /** A table row: {@code | a | b | c |}. */
  protected void row(List<String> cells) {
    line("| " + String.join(" | ", cells) + " |");
  }

  /** A table's header and rule. */
  protected void header(List<String> cells) {
    row(cells);
    line("|" + "---|".repeat(cells.size()));
  }

  /** {@code | a | b | cell(1) | ... | cell(k) |}. */
  protected static String row(String a, String b, int k, IntFunction<String> cell) {
    StringBuilder s = new StringBuilder("| " + a + " | " + b + " |");
    for (int i = 1; i <= k; i++) {
      s.append(' ').append(cell.apply(i)).append(" |");
    }
    return s.toString();
  }

  /**
   * {@code gflops} as % of the scale's reference (base's supernet), shifted in decimal like the
   * training page's percentages ({@link Decimals#percentValue}).
   */
  protected static double pct(double gflops, ScaleData s) {
    return s.referenceFlops() > 0
        ? Decimals.percentValue(gflops * 1e9 / s.referenceFlops())
        : Double.NaN;
  }

  protected static String title(String set) {
    return ValidationSets.title(set);
  }

  /** Formatting with the pages' one rounding rule ({@link Decimals#format}). */
  static String f(String pattern, Object... args) {
    return Decimals.format(pattern, args);
  }
}
