package dev.wbsr.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.fake.FakeServices;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.RoutingRequest;
import dev.wbsr.ui.port.SubnetInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingSummaryTest {

  /** Nine subnets like wbsr-x4's (w16..w32 by d2..d8). */
  static BundleInfo nineSubnets(int scale) {
    List<SubnetInfo> subs = new ArrayList<>();
    int i = 0;
    for (int w : new int[] {16, 24, 32}) {
      for (int d : new int[] {2, 4, 8}) {
        subs.add(new SubnetInfo(i, "w" + w + "-d" + d, 1e8 * (i + 1), 1000L * (i + 1)));
        i++;
      }
    }
    return new BundleInfo("nine-x" + scale, "Nine x" + scale, "", "1.0.0", "MIT", "wbsr", scale, 32, 10,
        subs, 8, true, Path.of("nine"));
  }

  static Routing routing(int[] perSubnet, int bicubic) {
    int n = bicubic;
    for (int c : perSubnet) {
      n += c;
    }
    return new Routing(RoutingRequest.of(RoutingMode.WBSR), new int[n], null, 1e9, 2e9, perSubnet, bicubic);
  }

  @Test
  void shortPatchReadoutListsFewSubnetsAndCountsMany() {
    BundleInfo b = nineSubnets(4);
    // the x4 coffee sample at the paper rule: 247 patches on all nine subnets; the full list
    // (~120 characters) never fitted the status bar
    Routing all = routing(new int[] {7, 15, 20, 40, 30, 21, 25, 35, 54}, 0);
    assertThat(RoutingSummary.patchesPerSubnet(b, all)).startsWith("w16-d2 7 · w16-d4 15 · ").endsWith("w32-d8 54");
    assertThat(RoutingSummary.patchesShort(b, all)).isEqualTo("247 patches · 9 subnets");
    Routing someBicubic = routing(new int[] {0, 15, 20, 40, 0, 21, 25, 35, 54}, 12);
    assertThat(RoutingSummary.patchesShort(b, someBicubic)).isEqualTo("222 patches · 7 subnets + 12 bicubic");
    // up to three entries: the list itself
    Routing supernet = routing(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 247}, 0);
    assertThat(RoutingSummary.patchesShort(b, supernet)).isEqualTo("w32-d8 247");
    Routing three = routing(new int[] {0, 0, 3, 0, 0, 0, 0, 4, 0}, 2);
    assertThat(RoutingSummary.patchesShort(b, three)).isEqualTo("bicubic 2 · w16-d8 3 · w32-d4 4");
    // ClassSR bundles have branches
    BundleInfo c = FakeServices.classSrBundle(4);
    assertThat(RoutingSummary.patchesShort(c, routing(new int[] {1, 2, 3}, 4))).isEqualTo("10 patches · 3 branches + 4 bicubic");
  }

  @Test
  void readoutsCarryTheShortFormNextToTheList() {
    Readouts r = Readouts.EMPTY.withCost("WBSR", 151.03, 237.08, "w16-d2 7 · w16-d4 15", "22 patches · 2 subnets", "supernet")
        .withTime(5.5, "cpu").withQuality(47, 0.99, "supernet");
    assertThat(r.patchesPerSubnet()).isEqualTo("w16-d2 7 · w16-d4 15");
    assertThat(r.patchesShort()).isEqualTo("22 patches · 2 subnets");
    assertThat(r.seconds()).isEqualTo(5.5);
    assertThat(Readouts.EMPTY.withCost("WBSR", 1, 2, "w32-d8 4").patchesShort()).isEqualTo("w32-d8 4");
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
