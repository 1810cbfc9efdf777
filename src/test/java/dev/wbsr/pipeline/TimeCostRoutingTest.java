package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.model.Manifest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** WBSR routed by measured time (issue 17): the front and the budget over time, FLOPs unchanged. */
class TimeCostRoutingTest {

  /** wbsr-x2's calibration PSNR-Y; over FLOPs 1..9 its front is 0, 1, 2, 4, 6, 8 (the bundle's). */
  private static final List<Double> PSNR =
      List.of(40.0171, 40.0785, 40.1265, 40.0004, 40.1535, 40.0356, 40.2364, 40.217, 40.3352);

  private static final List<Integer> FLOPS_FRONT = List.of(0, 1, 2, 4, 6, 8);

  /**
   * Width-24 subnets (3, 4, 6) cost about what width 32 does (NCHWc pads 24 to 32): w24-d4 (4)
   * takes longer than w32-d4 (7) for a lower PSNR, so over time 4 drops off the front and 7 joins.
   */
  private static final List<Double> SLOW_W24 = List.of(1.0, 1.3, 1.9, 3.9, 5.2, 3.8, 7.4, 5.0, 7.5);

  private final Manifest manifest =
      SyntheticManifests.withFront(SyntheticManifests.nineByTen(2), FLOPS_FRONT, PSNR);
  private final PatchAnalysis analysis =
      PatchAnalysis.of(RoutingPolicyTest.noiseImage(320, 192, 3), manifest);
  private final RoutingCost.Time slow = new RoutingCost.Time(SLOW_W24);

  @Test
  void theImageHasManyClasses() {
    assertThat(Arrays.stream(analysis.classWeights()).filter(w -> w > 0).count())
        .isGreaterThanOrEqualTo(6);
  }

  @Test
  void theFrontOverTimeDropsASubnetCheapInFlopsButNotInTime() {
    assertThat(RoutingCost.FLOPS.members(manifest, SubnetOrder.PARETO))
        .containsExactly(0, 1, 2, 4, 6, 8);
    assertThat(slow.members(manifest, SubnetOrder.PARETO)).containsExactly(0, 1, 2, 7, 6, 8);
    // literal order and bundles without a calibration: every subnet, by time
    assertThat(slow.members(manifest, SubnetOrder.LITERAL))
        .containsExactly(0, 1, 2, 5, 3, 7, 4, 6, 8);
    assertThat(slow.members(SyntheticManifests.nineByTen(2), SubnetOrder.PARETO))
        .containsExactly(0, 1, 2, 5, 3, 7, 4, 6, 8);
  }

  @Test
  void aTimeVectorThatReordersTheFrontChangesTheRouting() {
    Set<Integer> timeFront = Set.of(0, 1, 2, 7, 6, 8);
    boolean differs = false;
    for (int step = 5; step <= 100; step += 5) {
      RoutingPolicy.Wbsr flops = RoutingPolicy.Wbsr.budget(step / 100.0);
      List<Integer> byTime =
          flops.withCost(slow).assign(analysis, manifest).classTable().orElseThrow();
      List<Integer> byFlops = flops.assign(analysis, manifest).classTable().orElseThrow();
      assertThat(timeFront).as("budget %d%%", step).containsAll(byTime);
      assertThat(FLOPS_FRONT).containsAll(byFlops);
      differs |= !byTime.equals(byFlops);
    }
    assertThat(differs).isTrue();
    // the paper rule (Eq. 15) maps the classes onto the time front's members
    assertThat(RoutingPolicy.Wbsr.paper().withCost(slow).assign(analysis, manifest).classTable())
        .hasValue(List.of(0, 1, 1, 2, 2, 7, 6, 6, 8, 8));
    assertThat(RoutingPolicy.Wbsr.paper().assign(analysis, manifest).classTable())
        .hasValue(List.of(0, 1, 1, 2, 2, 4, 6, 6, 8, 8));
  }

  @Test
  void aTimeBudgetStaysWithinItsTimeAndRaisingItNeverMovesAPatchToAFasterSubnet() {
    double[] t = slow.perPatch(manifest);
    int[] previous = null;
    for (int step = 1; step <= 100; step++) {
      double b = step / 100.0;
      Assignment a = RoutingPolicy.Wbsr.budget(b).withCost(slow).assign(analysis, manifest);
      int[] map = a.subnetMap();
      if (Arrays.stream(map).anyMatch(s -> s != 0)) {
        assertThat(slow.fractionOfSupernet(a, manifest))
            .as("budget %.2f", b)
            .isLessThanOrEqualTo(b + 1e-9);
      }
      if (previous != null) {
        for (int p = 0; p < map.length; p++) {
          assertThat(t[map[p]]).isGreaterThanOrEqualTo(t[previous[p]]);
        }
      }
      previous = map;
    }
    assertThat(previous).containsOnly(8);
  }

  @Test
  void theFlopsPathIsUnchanged() {
    RoutingCost proportional =
        new RoutingCost.Time(
            Arrays.stream(manifest.flopsPerPatch()).map(f -> f * 3e-12).boxed().toList());
    for (BudgetRule rule : BudgetRule.values()) {
      for (int step = 5; step <= 100; step += 5) {
        RoutingPolicy.Wbsr w = RoutingPolicy.Wbsr.budget(step / 100.0).withRule(rule);
        int[] before = w.assign(analysis, manifest).subnetMap();
        assertThat(w.withCost(RoutingCost.FLOPS).assign(analysis, manifest).subnetMap())
            .isEqualTo(before);
        // times proportional to FLOPs give the calibrated front and the same tables
        assertThat(w.withCost(proportional).assign(analysis, manifest).subnetMap())
            .isEqualTo(before);
      }
    }
    assertThat(RoutingPolicy.Wbsr.paper().cost()).isEqualTo(RoutingCost.FLOPS);
    assertThat(RoutingPolicy.Wbsr.budget(0.5).label()).isEqualTo("wbsr (budget 0.50)");
    assertThat(RoutingPolicy.Wbsr.budget(0.5).withCost(slow).label())
        .isEqualTo("wbsr (budget 0.50 of measured time)");
  }

  @Test
  void paperFlopsAreStillReportedForTimeRouting() {
    Assignment a = RoutingPolicy.Wbsr.budget(0.5).withCost(slow).assign(analysis, manifest);
    double[] flops = manifest.flopsPerPatch();
    double paper = 0;
    for (int p = 0; p < a.grid().size(); p++) {
      paper += flops[a.subnetOf(p)] * a.grid().patch(p).areaFraction(a.grid().patchSize());
    }
    assertThat(a.paperFlops()).isCloseTo(paper, org.assertj.core.data.Offset.offset(paper * 1e-12));
    // the time budget of 0.5 spends more than half the FLOPs here: w32-d4 is cheap in time only
    assertThat(a.subnetMap()).contains(7).doesNotContain(4);
  }

  @Test
  void rejectsTimesThatDoNotFitTheBundle() {
    assertThatThrownBy(() -> new RoutingCost.Time(List.of(1.0, 0.0)))
        .hasMessageContaining("positive");
    RoutingPolicy.Wbsr w =
        RoutingPolicy.Wbsr.budget(0.5).withCost(new RoutingCost.Time(List.of(1.0, 2.0)));
    assertThatThrownBy(() -> w.assign(analysis, manifest))
        .hasMessageContaining("cover 2 subnets")
        .hasMessageContaining("has 9");
  }
}
