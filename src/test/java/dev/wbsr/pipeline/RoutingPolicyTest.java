package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ArmTable;
import dev.wbsr.model.Manifest;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

  private final Manifest manifest = SyntheticManifests.nineByTen(2);

  @Test
  void paperRuleMapsClassesToCeilKMOverK() {
    assertThat(BudgetRouting.paperTable(10, 9)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 8);
    assertThat(BudgetRouting.paperTable(10, 3)).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2, 2);
    Assignment a = RoutingPolicy.Wbsr.paper().assign(analysis(noiseImage(96, 64, 1)), manifest);
    assertThat(a.classTable()).hasValue(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 8));
  }

  @Test
  void budgetOneIsTheSupernetEverywhereAndTinyBudgetsTheCheapestSubnet() {
    PatchAnalysis an = analysis(noiseImage(160, 96, 2));
    Assignment full = RoutingPolicy.Wbsr.budget(1.0).assign(an, manifest);
    assertThat(full.subnetMap()).containsOnly(8);
    assertThat(full.flopsRatio()).isCloseTo(1.0, within(1e-12));
    Assignment tiny = RoutingPolicy.Wbsr.budget(0.01).assign(an, manifest);
    assertThat(tiny.subnetMap()).containsOnly(0);
  }

  @Test
  void budgetIsMonotoneAndRespectedOnRandomHistogramsAndCosts() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int k = 1 + rnd.nextInt(12);
      int m = 1 + rnd.nextInt(10);
      double[] weights = new double[k];
      for (int i = 0; i < k; i++) {
        weights[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * 100;
      }
      double[] flops = new double[m];
      double f = 0;
      for (int i = 0; i < m; i++) {
        f += rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble() * 5;
        flops[i] = 0.1 + f;
      }
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      int[] previous = null;
      for (int step = 1; step <= 100; step++) {
        double budget = step / 100.0;
        int[] t = BudgetRouting.table(weights, flops, budget);
        for (int c = 1; c < k; c++) {
          assertThat(t[c])
              .as("harder classes never get a cheaper subnet")
              .isGreaterThanOrEqualTo(t[c - 1]);
        }
        if (previous != null) {
          for (int c = 0; c < k; c++) {
            assertThat(t[c])
                .as("trial %d budget %.2f class %d", trial, budget, c + 1)
                .isGreaterThanOrEqualTo(previous[c]);
          }
        }
        double cost = BudgetRouting.cost(t, weights, flops);
        boolean cheapest = java.util.Arrays.stream(t).allMatch(s -> s == 0);
        if (!cheapest) {
          assertThat(cost).isLessThanOrEqualTo(budget * total * flops[m - 1] * (1 + 1e-9));
        }
        previous = t;
      }
      assertThat(previous).containsOnly(m - 1);
    }
  }

  @Test
  void theFamilyPassesThroughThePaperRule() {
    assertThat(BudgetRouting.tableAt(9, 10, 10, 9))
        .containsExactly(BudgetRouting.paperTable(10, 9));
  }

  @Test
  void armPicksTheBestTradeOffPerEdgeBinWithTiesToTheCheaperSubnet() {
    // two bins: below 5 all subnets are equally good, above 5 quality grows with cost
    List<Double> flat = List.of(30.0, 30.0, 30.0);
    List<Double> steep = List.of(28.0, 29.0, 29.1);
    ArmTable table =
        new ArmTable(
            "laplacian-mean-v1",
            List.of(0.0, 5.0, 1000.0),
            List.of(flat, steep),
            List.of(1, 1),
            List.of(27.0, 27.0));
    Manifest m =
        SyntheticManifests.of(2, new double[] {1, 2, 3}, new double[] {10, 20}, Optional.of(table));
    RgbImage img = RgbImage.allocate(64, 32);
    fillNoise(img, 32, 0, 32, 32, new Random(3));
    PatchAnalysis an = analysis(img, m);

    Assignment low = new RoutingPolicy.Arm(0.2).assign(an, m);
    assertThat(low.subnetMap()).containsExactly(0, 0);
    Assignment mid = new RoutingPolicy.Arm(1.0).assign(an, m);
    assertThat(mid.subnetMap()).containsExactly(0, 1); // 29-2/3 > 28-1/3 and > 29.1-1
    Assignment high = new RoutingPolicy.Arm(32).assign(an, m);
    assertThat(high.subnetMap()).containsExactly(0, 2);
    assertThat(high.classTable()).isEmpty();
  }

  @Test
  void fixedPoliciesAndFlops() {
    PatchAnalysis an = analysis(noiseImage(80, 40, 5)); // 3 x 2 patches, last column 16 wide
    Assignment s = new RoutingPolicy.Subnet(3).assign(an, manifest);
    assertThat(s.subnetMap()).containsOnly(3);
    assertThat(s.patchesPerSubnet()[3]).isEqualTo(6);
    assertThat(s.paperFlops()).isCloseTo(4e9 * 80 * 40 / 1024.0, within(1.0));
    assertThat(s.supernetFlops()).isCloseTo(9e9 * 80 * 40 / 1024.0, within(1.0));
    Assignment b = new RoutingPolicy.Bicubic().assign(an, manifest);
    assertThat(b.bicubicPatches()).isEqualTo(6);
    assertThat(b.paperFlops()).isZero();
    assertThatThrownBy(() -> new RoutingPolicy.Subnet(9).assign(an, manifest))
        .hasMessageContaining("0..8");
    assertThatThrownBy(() -> new RoutingPolicy.Arm(1).assign(an, manifest))
        .hasMessageContaining("no ARM lookup table");
  }

  @Test
  void classsrRoutesByTheClassifierAndCountsItsFlops() throws Exception {
    Manifest m = SyntheticManifests.classsr(2);
    RgbImage img = RgbImage.allocate(96, 32); // three patches: dark, mid, bright
    for (int x = 0; x < 96; x++) {
      for (int y = 0; y < 32; y++) {
        for (int c = 0; c < 3; c++) {
          img.rgb()[(y * 96 + x) * 3 + c] = (byte) (x < 32 ? 20 : x < 64 ? 128 : 240);
        }
      }
    }
    PatchAnalysis an = PatchAnalysis.of(img, m, new FakeEngine(2, 3, 0));
    Assignment a = new RoutingPolicy.ClassSr().assign(an, m);
    assertThat(a.subnetMap()).containsExactly(0, 1, 2);
    assertThat(a.paperFlops()).isCloseTo(1e9 + 2e9 + 3e9 + 3 * 1e8, within(1.0));
    assertThat(a.flopsRatio()).isCloseTo(6.3 / 9, within(1e-9));
    assertThatThrownBy(
            () -> new RoutingPolicy.ClassSr().assign(analysis(noiseImage(64, 32, 1)), manifest))
        .hasMessageContaining("not a ClassSR bundle");
    assertThatThrownBy(() -> new RoutingPolicy.ClassSr().assign(PatchAnalysis.of(img, m), m))
        .hasMessageContaining("classifier has not run");
  }

  @Test
  void parsesCliModes() {
    assertThat(RoutingPolicy.parse("classsr", null, null)).isEqualTo(new RoutingPolicy.ClassSr());
    assertThat(RoutingPolicy.parse("wbsr", null, null)).isEqualTo(RoutingPolicy.Wbsr.paper());
    assertThat(RoutingPolicy.parse("WBSR", 0.5, null)).isEqualTo(RoutingPolicy.Wbsr.budget(0.5));
    assertThat(RoutingPolicy.parse("subnet:4", null, null)).isEqualTo(new RoutingPolicy.Subnet(4));
    assertThat(RoutingPolicy.parse("arm", null, 4.0)).isEqualTo(new RoutingPolicy.Arm(4.0));
    assertThat(RoutingPolicy.parse("supernet", null, null).mode()).isEqualTo("supernet");
    assertThatThrownBy(() -> RoutingPolicy.parse("fast", null, null))
        .hasMessageContaining("unknown mode 'fast'");
    assertThatThrownBy(() -> RoutingPolicy.parse("supernet", 0.5, null))
        .hasMessageContaining("--budget");
    assertThatThrownBy(() -> RoutingPolicy.parse("wbsr", 1.5, null)).hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> RoutingPolicy.parse("subnet:x", null, null))
        .hasMessageContaining("subnet:N");
  }

  private PatchAnalysis analysis(RgbImage img) {
    return analysis(img, manifest);
  }

  private static PatchAnalysis analysis(RgbImage img, Manifest m) {
    return PatchAnalysis.of(img, m);
  }

  /** Patches of increasing noise amplitude left to right, so classes spread over 1..10. */
  static RgbImage noiseImage(int w, int h, long seed) {
    RgbImage img = RgbImage.allocate(w, h);
    Random rnd = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int amp = (x / 32 + y / 32) * 6;
        for (int c = 0; c < 3; c++) {
          img.rgb()[(y * w + x) * 3 + c] = (byte) (120 + (amp == 0 ? 0 : rnd.nextInt(amp)));
        }
      }
    }
    return img;
  }

  private static void fillNoise(RgbImage img, int x0, int y0, int w, int h, Random rnd) {
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        for (int c = 0; c < 3; c++) {
          img.rgb()[(y * img.width() + x) * 3 + c] = (byte) rnd.nextInt(256);
        }
      }
    }
  }
}
