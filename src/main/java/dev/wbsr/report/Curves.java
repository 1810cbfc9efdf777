package dev.wbsr.report;

import dev.wbsr.report.ReportData.SweepPoint;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reading a PSNR-vs-FLOPs curve at a given cost: the best PSNR-Y any of its points reaches at no
 * more than that many FLOPs (what a user of that router can get within that budget). Comparing two
 * curves this way needs no assumption about points between the measured ones.
 */
final class Curves {

  private Curves() {}

  /** Best PSNR-Y of {@code points} with FLOPs at most {@code gflops}; empty if none is. */
  static OptionalDouble psnrWithin(List<SweepPoint> points, double gflops) {
    double best = Double.NEGATIVE_INFINITY;
    for (SweepPoint p : points) {
      if (p.gflops() <= gflops * (1 + 1e-9) && p.psnrY() > best) {
        best = p.psnrY();
      }
    }
    return best == Double.NEGATIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  /**
   * Mean of {@code a - b} over the FLOPs levels (fractions of {@code reference} GFLOPs) where both
   * curves have a point within the level; empty if there is none.
   */
  static OptionalDouble meanGap(
      List<SweepPoint> a, List<SweepPoint> b, double reference, double[] levels) {
    double sum = 0;
    int n = 0;
    for (double l : levels) {
      OptionalDouble x = psnrWithin(a, l * reference);
      OptionalDouble y = psnrWithin(b, l * reference);
      if (x.isPresent() && y.isPresent()) {
        sum += x.getAsDouble() - y.getAsDouble();
        n++;
      }
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
  }
}
