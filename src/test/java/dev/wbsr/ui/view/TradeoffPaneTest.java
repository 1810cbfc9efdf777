package dev.wbsr.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.model.SweepPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeoffPaneTest {

  @Test
  void thePaperRuleIsDrawnOverTheBudgetPointItCoincidesWith() {
    // wbsr-x4 on the coffee sample: budget 0.9 and the paper rule route alike (86 %, same PSNR-Y)
    List<SweepPoint> sweep =
        List.of(
            new SweepPoint("WBSR paper rule", 0, 0.86, 28.72),
            new SweepPoint("WBSR budget", 0.1, 0.2, 28.46),
            new SweepPoint("WBSR budget", 0.9, 0.86, 28.72),
            new SweepPoint("ARM", 2, 0.8, 28.71),
            new SweepPoint("Bicubic", 0, 0, 27.29));
    assertThat(TradeoffPane.drawOrder(sweep))
        .extracting(SweepPoint::series)
        .containsExactly("Bicubic", "ARM", "WBSR budget", "WBSR budget", "WBSR paper rule");
    assertThat(TradeoffPane.drawOrder(sweep).get(2).parameter()).isEqualTo(0.1);
  }
}
