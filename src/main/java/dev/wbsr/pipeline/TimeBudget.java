package dev.wbsr.pipeline;

import dev.wbsr.model.Manifest;

/**
 * WBSR's compute budget counted in measured time instead of FLOPs (issue 17, {@code --cost time}):
 * "spend at most B times the supernet's time on this image", with each subnet's cost per patch
 * measured on this machine (see {@code dev.wbsr.timing}).
 *
 * <p>It uses {@link BudgetRouting}'s family of class -> subnet tables unchanged (a table depends
 * only on the level L, not on the costs), so the monotone guarantees hold: only the level is chosen
 * by time. The chosen table is then expressed as the FLOPs budget that selects the same level on
 * this image, so the result is an ordinary {@link RoutingPolicy.Wbsr} whose assignment reports
 * paper FLOPs as always. Where a cost vector over time belongs in the Pareto front of the routing
 * code, {@link #costs} is that vector.
 *
 * @param budget fraction of the supernet's time, in (0, 1]
 * @param costs seconds per patch of each subnet (ascending, see {@code SubnetTimes#monotoneCosts})
 */
public record TimeBudget(double budget, double[] costs) {

  public TimeBudget {
    if (!(budget > 0 && budget <= 1)) {
      throw new IllegalArgumentException("budget must be in (0, 1], got " + budget);
    }
    costs = costs.clone();
    for (int i = 0; i < costs.length; i++) {
      if (!(costs[i] > 0) || (i > 0 && costs[i] < costs[i - 1])) {
        throw new IllegalArgumentException("costs must be positive and non-decreasing");
      }
    }
  }

  /** The WBSR policy that spends at most {@link #budget} of the supernet's time on this image. */
  public RoutingPolicy.Wbsr policyFor(PatchAnalysis analysis, Manifest manifest) {
    int[] table = table(analysis, manifest);
    double[] flops = manifest.flopsPerPatch();
    double[] weights = analysis.classWeights();
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (total <= 0) {
      return RoutingPolicy.Wbsr.budget(budget);
    }
    double fraction =
        BudgetRouting.cost(table, weights, flops) / (total * flops[flops.length - 1]);
    return RoutingPolicy.Wbsr.budget(Math.min(1.0, Math.max(fraction, Double.MIN_NORMAL)));
  }

  /** The class -> subnet table chosen by time. */
  int[] table(PatchAnalysis analysis, Manifest manifest) {
    if (costs.length != manifest.subnets().size()) {
      throw new IllegalArgumentException(
          "measured times cover "
              + costs.length
              + " subnets but the bundle has "
              + manifest.subnets().size());
    }
    return BudgetRouting.table(analysis.classWeights(), costs, budget);
  }

  /** Predicted time of an assignment over the supernet's on the same image, by these costs. */
  public double timeFraction(Assignment a) {
    double spent = 0;
    double supernet = 0;
    for (int p = 0; p < a.grid().size(); p++) {
      double area = a.grid().patch(p).w() * (double) a.grid().patch(p).h();
      int s = a.subnetOf(p);
      spent += s < 0 ? 0 : area * costs[s];
      supernet += area * costs[costs.length - 1];
    }
    return supernet == 0 ? 0 : spent / supernet;
  }
}
