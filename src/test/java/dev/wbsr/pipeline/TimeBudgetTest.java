package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.model.Manifest;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

  private final Manifest manifest = SyntheticManifests.nineByTen(2);
  private final PatchAnalysis analysis =
      PatchAnalysis.of(RoutingPolicyTest.noiseImage(320, 192, 3), manifest);

  /** Subnets 3, 4 and 6 (width 24 in the v1 bundles) take much longer than their FLOPs say. */
  private static final double[] SLOW_MIDDLE = {1, 1.4, 2.2, 5.5, 6.5, 6.6, 8.0, 8.1, 9};

  @Test
  void theImageHasManyClasses() {
    long distinct =
        java.util.Arrays.stream(analysis.classWeights()).filter(w -> w > 0).count();
    assertThat(distinct).isGreaterThanOrEqualTo(6);
  }

  @Test
  void timeOfTheChosenTableStaysWithinTheBudgetAndTheNextLevelWouldNot() {
    for (double b = 0.12; b <= 1.0001; b += 0.04) {
      TimeBudget tb = new TimeBudget(Math.min(1, b), SLOW_MIDDLE);
      Assignment a = tb.policyFor(analysis, manifest).assign(analysis, manifest);
      assertThat(tb.timeFraction(a)).as("budget %.2f", b).isLessThanOrEqualTo(Math.min(1, b) + 1e-9);
      assertThat(tb.table(analysis, manifest))
          .isEqualTo(BudgetRouting.table(analysis.classWeights(), SLOW_MIDDLE, Math.min(1, b)));
    }
  }

  @Test
  void theEquivalentFlopsBudgetRoutesEveryPatchAsTheTimeTableDoes() {
    for (double b = 0.1; b <= 1.0001; b += 0.03) {
      TimeBudget tb = new TimeBudget(Math.min(1, b), SLOW_MIDDLE);
      int[] table = tb.table(analysis, manifest);
      Assignment a = tb.policyFor(analysis, manifest).assign(analysis, manifest);
      for (int p = 0; p < analysis.size(); p++) {
        assertThat(a.subnetOf(p)).isEqualTo(table[analysis.classOf(p) - 1]);
      }
    }
  }

  @Test
  void raisingTheTimeBudgetNeverMovesAPatchToACheaperSubnet() {
    int[] previous = null;
    for (double b = 0.05; b <= 1.0001; b += 0.01) {
      int[] map =
          new TimeBudget(Math.min(1, b), SLOW_MIDDLE)
              .policyFor(analysis, manifest)
              .assign(analysis, manifest)
              .subnetMap();
      if (previous != null) {
        for (int p = 0; p < map.length; p++) {
          assertThat(map[p]).isGreaterThanOrEqualTo(previous[p]);
        }
      }
      previous = map;
    }
    assertThat(previous).containsOnly(8);
  }

  @Test
  void timesProportionalToFlopsRouteExactlyAsTheFlopsBudget() {
    double[] proportional = manifest.flopsPerPatch().clone();
    for (int i = 0; i < proportional.length; i++) {
      proportional[i] *= 3e-12;
    }
    for (double b = 0.1; b <= 1.0001; b += 0.05) {
      double budget = Math.min(1, b);
      assertThat(
              new TimeBudget(budget, proportional)
                  .policyFor(analysis, manifest)
                  .assign(analysis, manifest)
                  .subnetMap())
          .isEqualTo(RoutingPolicy.Wbsr.budget(budget).assign(analysis, manifest).subnetMap());
    }
  }

  @Test
  void slowSubnetsMakeATimeBudgetChooseALowerLevelThanTheSameFlopsBudget() {
    TimeBudget tb = new TimeBudget(0.5, SLOW_MIDDLE);
    Assignment byTime = tb.policyFor(analysis, manifest).assign(analysis, manifest);
    Assignment byFlops = RoutingPolicy.Wbsr.budget(0.5).assign(analysis, manifest);
    assertThat(byTime.paperFlops()).isLessThan(byFlops.paperFlops());
    assertThat(tb.timeFraction(byFlops)).isGreaterThan(0.5);
  }

  @Test
  void rejectsBadCostsAndBudgets() {
    assertThatThrownBy(() -> new TimeBudget(0, SLOW_MIDDLE)).hasMessageContaining("budget");
    assertThatThrownBy(() -> new TimeBudget(0.5, new double[] {2, 1}))
        .hasMessageContaining("non-decreasing");
    assertThatThrownBy(
            () -> new TimeBudget(0.5, new double[] {1, 2}).policyFor(analysis, manifest))
        .hasMessageContaining("cover 2 subnets but the bundle has 9");
  }
}
