package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wbsr.engine.TestBundles;
import dev.wbsr.model.Manifest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WBSR routing on the real manifests of each x2 bundle shape (issue 12): v1's 9 subnets without a
 * front and v2's 6 subnets with a calibrated Pareto front. Budgets over FLOPs and over measured
 * time stay monotone, stay within the budget, and reach both ends of the members routing uses.
 */
class BundleShapesRoutingTest {

  private static Manifest manifest(String fixture) {
    return TestBundles.fixture(fixture).manifest();
  }

  private static PatchAnalysis analysis(Manifest m) {
    return PatchAnalysis.of(RoutingPolicyTest.noiseImage(320, 192, 3), m);
  }

  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void theFrontIsCheapestFirstAndTheSupernetIsTheCostliest(String fixture) {
    Manifest m = manifest(fixture);
    int n = m.subnets().size();
    double[] flops = m.flopsPerPatch();
    assertThat(m.supernet()).isEqualTo(n - 1);
    assertThat(Arrays.stream(flops).max().orElseThrow()).isEqualTo(flops[m.supernet()]);
    int[] front = m.front();
    assertThat(front).isNotEmpty().doesNotHaveDuplicates();
    assertThat(IntStream.range(0, n).boxed().toList())
        .containsAll(Arrays.stream(front).boxed().toList());
    for (int i = 1; i < front.length; i++) {
      assertThat(flops[front[i]]).isGreaterThan(flops[front[i - 1]]);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void thePaperRuleUsesEveryFrontMemberOrderedByClass(String fixture) {
    Manifest m = manifest(fixture);
    List<Integer> table =
        RoutingPolicy.Wbsr.paper().assign(analysis(m), m).classTable().orElseThrow();
    int[] front = m.front();
    assertThat(table).hasSize(m.numClasses());
    // Eq. 15 over M' members: class 1 on the cheapest member, class K on the dearest
    assertThat(table.get(0)).isEqualTo(front[0]);
    assertThat(table.get(table.size() - 1)).isEqualTo(front[front.length - 1]);
    if (front.length <= m.numClasses()) {
      assertThat(table).containsAll(Arrays.stream(front).boxed().toList());
    }
    List<Integer> literal =
        RoutingPolicy.parse("wbsr-literal", null, null)
            .assign(analysis(m), m)
            .classTable()
            .orElseThrow();
    assertThat(literal.get(literal.size() - 1)).isEqualTo(m.supernet());
  }

  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void flopsBudgetsAreMonotoneWithinBudgetAndReachBothEnds(String fixture) {
    Manifest m = manifest(fixture);
    PatchAnalysis a = analysis(m);
    for (SubnetOrder order : SubnetOrder.values()) {
      int[] members = RoutingCost.FLOPS.members(m, order);
      double[] flops = m.flopsPerPatch();
      for (BudgetRule rule : BudgetRule.values()) {
        String what = fixture + " " + order + " " + rule;
        int[] previous = null;
        for (int step = 1; step <= 100; step++) {
          double b = step / 100.0;
          Assignment as = RoutingPolicy.Wbsr.budget(b).withOrder(order).withRule(rule).assign(a, m);
          int[] map = as.subnetMap();
          assertThat(Arrays.stream(members).boxed().toList())
              .as("%s at %.2f", what, b)
              .containsAll(Arrays.stream(map).boxed().toList());
          if (Arrays.stream(map).anyMatch(s -> s != members[0])) {
            assertThat(as.flopsRatio()).as("%s at %.2f", what, b).isLessThanOrEqualTo(b + 1e-9);
          }
          if (previous != null) {
            for (int p = 0; p < map.length; p++) {
              assertThat(flops[map[p]]).as(what).isGreaterThanOrEqualTo(flops[previous[p]]);
            }
          }
          if (step == 1) {
            assertThat(map).as(what + " at the floor").containsOnly(members[0]);
          }
          previous = map;
        }
        assertThat(previous).as(what + " at 1").containsOnly(members[members.length - 1]);
      }
    }
  }

  /**
   * {@code --cost time} on the bundle's subnets: times that make the cheapest-in-FLOPs subnet
   * slower than all but the supernet reorder the members, and the time budget stays monotone in
   * time over them and reaches both ends.
   */
  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void timeBudgetsAreMonotoneInTimeAndReachBothEnds(String fixture) {
    Manifest m = manifest(fixture);
    PatchAnalysis a = analysis(m);
    int n = m.subnets().size();
    double[] flops = m.flopsPerPatch();
    // proportional to FLOPs except subnet 0, which is slower than all but the supernet
    List<Double> seconds =
        IntStream.range(0, n)
            .mapToObj(s -> s == 0 ? (flops[n - 2] + flops[n - 1]) / 2 * 1e-12 : flops[s] * 1e-12)
            .toList();
    RoutingCost.Time time = new RoutingCost.Time(seconds);
    int[] members = time.members(m, SubnetOrder.PARETO);
    int[] literal = time.members(m, SubnetOrder.LITERAL);
    assertThat(literal).hasSize(n);
    assertThat(literal[n - 2]).isZero();
    assertThat(literal[n - 1]).isEqualTo(m.supernet());
    if (m.routing().isPresent()) {
      // the front over time: subnet 0, now slow, stays only if it beats every faster subnet
      List<Double> q = m.routing().get().calibration().psnrY();
      assertThat(q).hasSize(n);
      if (q.get(0) < q.stream().limit(n - 1).mapToDouble(Double::doubleValue).max().orElseThrow()) {
        assertThat(members).doesNotContain(0);
      }
    } else {
      assertThat(members).containsExactly(literal);
    }
    double[] t = time.perPatch(m);
    int[] previous = null;
    for (int step = 1; step <= 100; step++) {
      double b = step / 100.0;
      Assignment as = RoutingPolicy.Wbsr.budget(b).withCost(time).assign(a, m);
      int[] map = as.subnetMap();
      assertThat(Arrays.stream(members).boxed().toList())
          .containsAll(Arrays.stream(map).boxed().toList());
      if (Arrays.stream(map).anyMatch(s -> s != members[0])) {
        assertThat(time.fractionOfSupernet(as, m))
            .as("%s at %.2f", fixture, b)
            .isLessThanOrEqualTo(b + 1e-9);
      }
      if (previous != null) {
        for (int p = 0; p < map.length; p++) {
          assertThat(t[map[p]]).isGreaterThanOrEqualTo(t[previous[p]]);
        }
      }
      previous = map;
    }
    assertThat(previous).containsOnly(members[members.length - 1]);
    // FLOPs are still reported in the paper's accounting
    Assignment top = RoutingPolicy.Wbsr.budget(1.0).withCost(time).assign(a, m);
    assertThat(top.flopsRatio())
        .isCloseTo(flops[members[members.length - 1]] / flops[m.supernet()], within(1e-9));
  }
}
