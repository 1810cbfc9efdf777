package dev.wbsr.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Class -> subnet tables for WBSR routing, with and without a compute budget.
 *
 * <p>The rule. The paper routes class k (1..K) to subnet {@code m = ceil(k M / K)} (1-based,
 * subnets sorted by cost). We widen it into a one-parameter family with a level L > 0:
 *
 * <pre>  m_k(L) = min(M, ceil(L * k))</pre>
 *
 * L = M / K is the paper's rule, L = 1/K puts every class on the cheapest subnet and L = M puts
 * every class on the supernet. Each m_k(L) is non-decreasing in L, and harder classes never get a
 * cheaper subnet than easier ones. A budget B in (0, 1] means "spend at most B times the supernet's
 * FLOPs on this image" (paper convention, using the image's class histogram): we take the largest L
 * whose table stays within that, or the cheapest table if none does. The cost of the table is
 * non-decreasing in L, so the chosen L, and with it every class's subnet, is non-decreasing in B:
 * raising the budget never moves a class to a cheaper subnet, and B = 1 gives the supernet
 * everywhere. The tables only change at L = j / q (j = 1..M, q = 1..K), so those are the
 * candidates.
 */
final class BudgetRouting {

  private BudgetRouting() {}

  /** The paper's table: entry k-1 is the 0-based subnet {@code ceil(k M / K) - 1}. */
  static int[] paperTable(int numClasses, int numSubnets) {
    int[] t = new int[numClasses];
    for (int k = 1; k <= numClasses; k++) {
      t[k - 1] = Complexity.paperSubnet(k, numSubnets, numClasses) - 1;
    }
    return t;
  }

  /** The table at level L = j / q. */
  static int[] tableAt(int j, int q, int numClasses, int numSubnets) {
    int[] t = new int[numClasses];
    for (int k = 1; k <= numClasses; k++) {
      long m = ((long) j * k + q - 1) / q;
      t[k - 1] = (int) Math.min(numSubnets, m) - 1;
    }
    return t;
  }

  /**
   * The budgeted table.
   *
   * @param classWeights patches per class (index k-1), partial patches counted by area
   * @param flops FLOPs per patch of each subnet, ascending; the last is the supernet
   * @param budget fraction of the supernet's FLOPs, in (0, 1]
   */
  static int[] table(double[] classWeights, double[] flops, double budget) {
    int numClasses = classWeights.length;
    int numSubnets = flops.length;
    double total = 0;
    for (double w : classWeights) {
      total += w;
    }
    double target = budget * total * flops[numSubnets - 1];
    List<int[]> levels = new ArrayList<>();
    for (int j = 1; j <= numSubnets; j++) {
      for (int q = 1; q <= numClasses; q++) {
        levels.add(new int[] {j, q});
      }
    }
    // ascending L = j / q, compared exactly as j1 * q2 vs j2 * q1
    levels.sort((a, b) -> Long.compare((long) a[0] * b[1], (long) b[0] * a[1]));
    int[] best = tableAt(1, numClasses, numClasses, numSubnets);
    for (int[] l : levels) {
      int[] t = tableAt(l[0], l[1], numClasses, numSubnets);
      if (cost(t, classWeights, flops) <= target * (1 + 1e-12)) {
        best = t;
      }
    }
    return best;
  }

  static double cost(int[] table, double[] classWeights, double[] flops) {
    double c = 0;
    for (int k = 0; k < table.length; k++) {
      c += classWeights[k] * flops[table[k]];
    }
    return c;
  }
}
