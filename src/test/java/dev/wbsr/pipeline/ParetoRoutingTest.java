package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.model.Manifest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WBSR routing over a bundle's Pareto front (issue 11), literal order, Eq. 16 and the budget. */
class ParetoRoutingTest {

  // base-x2's pattern: w24-d2, w24-d4, w32-d2 and w32-d4 are dearer and worse than a cheaper one
  private static final List<Integer> FRONT = List.of(0, 1, 2, 6, 8);
  private static final List<Double> PSNR =
      List.of(43.88, 43.96, 44.03, 43.90, 44.03, 43.83, 44.14, 44.11, 44.28);

  private final Manifest plain = SyntheticManifests.nineByTen(2);
  private final Manifest fronted = SyntheticManifests.withFront(plain, FRONT, PSNR);

  @Test
  void frontSelectionDropsDominatedSubnets() {
    double[] cost = plain.flopsPerPatch();
    double[] q = PSNR.stream().mapToDouble(Double::doubleValue).toArray();
    // the synthetic FLOPs ascend like base-x2's, so the front is the same
    assertThat(ParetoFront.select(cost, q)).containsExactly(0, 1, 2, 6, 8);
    assertThat(ParetoFront.select(new double[] {3, 1, 2}, new double[] {3, 1, 2}))
        .containsExactly(1, 2, 0);
    assertThatThrownBy(() -> ParetoFront.select(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void paperRuleMapsClassesOntoTheFrontAndLiteralOntoAllSubnets() {
    PatchAnalysis a = analysis();
    assertThat(RoutingPolicy.Wbsr.paper().assign(a, fronted).classTable())
        .hasValue(List.of(0, 0, 1, 1, 2, 2, 6, 6, 8, 8));
    RoutingPolicy literal = RoutingPolicy.parse("wbsr-literal", null, null);
    assertThat(literal.mode()).isEqualTo("wbsr-literal");
    assertThat(literal.assign(a, fronted).classTable())
        .hasValue(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 8));
    // a format 1 bundle has no front: both orders route over all subnets
    assertThat(RoutingPolicy.Wbsr.paper().assign(a, plain).classTable())
        .isEqualTo(literal.assign(a, plain).classTable());
  }

  @Test
  void budgetsUseOnlyFrontMembersAndStayMonotoneForBothRules() {
    PatchAnalysis a = analysis();
    for (BudgetRule rule : BudgetRule.values()) {
      List<Integer> prev = null;
      for (int step = 1; step <= 100; step++) {
        Assignment as = RoutingPolicy.Wbsr.budget(step / 100.0).withRule(rule).assign(a, fronted);
        List<Integer> t = as.classTable().orElseThrow();
        assertThat(FRONT).as("%s %d", rule, step).containsAll(t);
        if (prev != null) {
          for (int k = 0; k < t.size(); k++) {
            assertThat(t.get(k)).isGreaterThanOrEqualTo(prev.get(k));
          }
        }
        if (t.stream().anyMatch(x -> x > 0)) {
          assertThat(as.flopsRatio()).isLessThanOrEqualTo(step / 100.0 + 1e-9);
        }
        prev = t;
      }
      assertThat(prev).containsOnly(8);
    }
  }

  @Test
  void eq16SendsEasierClassesToDearerSubnetsAtOneTau() {
    double[] costs = {1, 2, 4, 8};
    int[] t = BudgetRouting.eq16Table(10, costs, 2.0);
    assertThat(t[0]).isGreaterThan(t[9]);
    for (int k = 1; k < t.length; k++) {
      assertThat(t[k]).isLessThanOrEqualTo(t[k - 1]);
    }
  }

  @Test
  void labelsNameTheOrderAndANonDefaultRule() {
    assertThat(RoutingPolicy.Wbsr.budget(0.5).label()).isEqualTo("wbsr (budget 0.50)");
    assertThat(
            RoutingPolicy.Wbsr.budget(0.5)
                .withOrder(SubnetOrder.LITERAL)
                .withRule(BudgetRule.EQ16)
                .label())
        .isEqualTo("wbsr-literal (budget 0.50, eq16)");
    assertThat(RoutingPolicy.parse("wbsr-literal", 0.4, null))
        .isEqualTo(new RoutingPolicy.Wbsr(new Budget.Fraction(0.4)).withOrder(SubnetOrder.LITERAL));
  }

  @Test
  void oneBudgetTypeFromSliderAndCli() {
    assertThat(Budget.ofSlider(0)).isEqualTo(Budget.DEFAULT);
    assertThat(Budget.ofSlider(0.004)).isEqualTo(Budget.DEFAULT);
    assertThat(Budget.ofSlider(0.5)).isEqualTo(new Budget.Fraction(0.5));
    assertThat(Budget.ofSlider(1.2)).isEqualTo(new Budget.Fraction(1));
    assertThat(Budget.of(null)).isEqualTo(Budget.DEFAULT);
    assertThat(Budget.of(0.3).sliderPosition()).isEqualTo(0.3);
    assertThat(Budget.DEFAULT.sliderPosition()).isZero();
    assertThatThrownBy(() -> new Budget.Fraction(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Budget.of(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  private static PatchAnalysis analysis() {
    return PatchAnalysis.of(
        RoutingPolicyTest.noiseImage(320, 192, 3), SyntheticManifests.nineByTen(2));
  }
}
