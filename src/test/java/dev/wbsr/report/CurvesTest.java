package dev.wbsr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wbsr.report.ReportData.SweepPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurvesTest {

  private static SweepPoint p(double gflops, double psnr) {
    return new SweepPoint("p", 0, psnr, gflops);
  }

  @Test
  void aCurveAtACostIsItsBestPointWithinThatCost() {
    List<SweepPoint> c = List.of(p(1, 30), p(2, 31), p(3, 30.5), p(4, 32));
    assertThat(Curves.psnrWithin(c, 0.5)).isEmpty();
    assertThat(Curves.psnrWithin(c, 1).getAsDouble()).isEqualTo(30);
    assertThat(Curves.psnrWithin(c, 3.5).getAsDouble()).isEqualTo(31); // not the later, worse one
    assertThat(Curves.psnrWithin(c, 10).getAsDouble()).isEqualTo(32);
  }

  @Test
  void meanGapOnlyCountsLevelsBothCurvesReach() {
    List<SweepPoint> a = List.of(p(1, 30), p(2, 31));
    List<SweepPoint> b = List.of(p(2, 30.5));
    // levels 0.25, 0.5, 1.0 of reference 4: a reaches all three, b only 0.5 and 1.0
    double[] levels = {0.25, 0.5, 1.0};
    assertThat(Curves.meanGap(a, b, 4, levels).getAsDouble()).isCloseTo(0.5, within(1e-12));
    assertThat(Curves.meanGap(b, a, 0.4, levels)).isEmpty();
  }
}
