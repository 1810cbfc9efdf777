package dev.wbsr.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.TestAssignments;
import dev.wbsr.ui.fake.FakeCore;
import org.junit.jupiter.api.Test;

class RoutingSummaryTest {

  /** tiny-x4: nine subnets like wbsr-x4's (w4..w8 by d1..d3). */
  static ModelBundle nineSubnets() {
    return FakeCore.bundle("tiny-x4");
  }

  static Assignment routing(int[] perSubnet, int bicubic) {
    return TestAssignments.counts(nineSubnets().manifest(), perSubnet, bicubic);
  }

  @Test
  void shortPatchReadoutListsFewSubnetsAndCountsMany() {
    ModelBundle b = nineSubnets();
    // the x4 coffee sample at the paper rule: 247 patches on all nine subnets; the full list
    // (~120 characters) never fitted the status bar
    Assignment all = routing(new int[] {7, 15, 20, 40, 30, 21, 25, 35, 54}, 0);
    assertThat(RoutingSummary.patchesPerSubnet(b, all))
        .startsWith("w4-d1 7 · w4-d2 15 · ")
        .endsWith("w8-d3 54");
    assertThat(RoutingSummary.patchesShort(b, all)).isEqualTo("247 patches · 9 subnets");
    Assignment someBicubic = routing(new int[] {0, 15, 20, 40, 0, 21, 25, 35, 54}, 12);
    assertThat(RoutingSummary.patchesShort(b, someBicubic))
        .isEqualTo("222 patches · 7 subnets + 12 bicubic");
    // up to three entries: the list itself
    Assignment supernet = routing(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 247}, 0);
    assertThat(RoutingSummary.patchesShort(b, supernet)).isEqualTo("w8-d3 247");
    Assignment three = routing(new int[] {0, 0, 3, 0, 0, 0, 0, 4, 0}, 2);
    assertThat(RoutingSummary.patchesShort(b, three)).isEqualTo("bicubic 2 · w4-d3 3 · w8-d2 4");
    // ClassSR bundles have branches
    ModelBundle c = FakeCore.bundle("tiny-classsr-x2");
    assertThat(
            RoutingSummary.patchesShort(
                c, TestAssignments.counts(c.manifest(), new int[] {1, 2, 3}, 4)))
        .isEqualTo("10 patches · 3 branches + 4 bicubic");
  }

  @Test
  void readoutsCarryTheShortFormNextToTheList() {
    Readouts r =
        Readouts.EMPTY
            .withCost(
                "WBSR",
                151.03,
                237.08,
                "w16-d2 7 · w16-d4 15",
                "22 patches · 2 subnets",
                "supernet")
            .withTime(5.5, "cpu")
            .withQuality(47, 0.99, "supernet");
    assertThat(r.patchesPerSubnet()).isEqualTo("w16-d2 7 · w16-d4 15");
    assertThat(r.patchesShort()).isEqualTo("22 patches · 2 subnets");
    assertThat(r.seconds()).isEqualTo(5.5);
    assertThat(Readouts.EMPTY.withCost("WBSR", 1, 2, "w32-d8 4").patchesShort())
        .isEqualTo("w32-d8 4");
  }

  @Test
  void flopsReadoutSwitchesToTeraflopsForLargeX4Jobs() {
    assertThat(Readouts.EMPTY.withCost("WBSR", 151.03, 237.08, "").flopsText())
        .isEqualTo("WBSR 151.03 GFLOPs · supernet 237.08 (64%)");
    // a 24-megapixel photo x4: ~23 500 patches of wbsr-x4
    assertThat(Readouts.EMPTY.withCost("WBSR", 15234.1, 23781.2, "").flopsText())
        .isEqualTo("WBSR 15.23 TFLOPs · supernet 23.78 (64%)");
    assertThat(Readouts.EMPTY.flopsText()).isEqualTo("GFLOPs —");
  }
}
