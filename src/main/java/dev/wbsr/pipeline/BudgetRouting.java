package dev.wbsr.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Class -> member tables for WBSR routing, with and without a compute budget. The members are the
 * subnets routing runs over ({@link SubnetOrder}: the Pareto front or all subnets), cheapest first;
 * tables hold 0-based member indices. Python twin: {@code training/wbsr/routing.py}, locked by
 * {@code testvectors/routing.json}.
 *
 * <p>Level rule ({@link BudgetRule#LEVEL}). The paper routes class k (1..K) to member {@code m =
 * ceil(k M / K)} (Eq. 15). We widen it into a one-parameter family with a level L > 0:
 *
 * <pre>  m_k(L) = min(M, ceil(L * k))</pre>
 *
 * L = M / K is Eq. 15, L = 1/K puts every class on the cheapest member and L = M every class on the
 * costliest. Each m_k(L) is non-decreasing in L, and harder classes never get a cheaper member than
 * easier ones. The tables only change at L = j / q (j = 1..M, q = 1..K).
 *
 * <p>Eq. 16 ({@link BudgetRule#EQ16}) as the paper writes it: {@code m_k = argmin_m |alpha k C_m /
 * K - C_t|}. Only {@code tau = C_t / alpha} matters, so it is a one-parameter family too; each
 * class's argmin is non-decreasing in tau. At a given tau it sends easier classes (small k) to
 * dearer members, the reverse of Eq. 15.
 *
 * <p>A budget B in (0, 1] means "spend at most B times the supernet's FLOPs on this image" (paper
 * convention, using the image's class histogram): each rule takes the most generous member of its
 * family that stays within that, or the cheapest table if none does. Cost is non-decreasing along
 * both families, so raising the budget never moves a class to a cheaper member.
 */
final class BudgetRouting {

  private BudgetRouting() {}

  /** Eq. 15: entry k-1 is the 0-based member {@code ceil(k M / K) - 1}. */
  static int[] paperTable(int numClasses, int members) {
    int[] t = new int[numClasses];
    for (int k = 1; k <= numClasses; k++) {
      t[k - 1] = Complexity.paperSubnet(k, members, numClasses) - 1;
    }
    return t;
  }

  /** The level-rule table at L = j / q. */
  static int[] tableAt(int j, int q, int numClasses, int members) {
    int[] t = new int[numClasses];
    for (int k = 1; k <= numClasses; k++) {
      long m = ((long) j * k + q - 1) / q;
      t[k - 1] = (int) Math.min(members, m) - 1;
    }
    return t;
  }

  /**
   * The budgeted table.
   *
   * @param classWeights patches per class (index k-1), partial patches counted by area
   * @param costs cost per patch of each member, ascending
   * @param supernetCost cost per patch of the supernet (what the budget is a fraction of)
   * @param budget fraction of the supernet's cost, in (0, 1]
   */
  static int[] table(
      BudgetRule rule, double[] classWeights, double[] costs, double supernetCost, double budget) {
    double total = 0;
    for (double w : classWeights) {
      total += w;
    }
    double target = budget * total * supernetCost;
    List<int[]> family =
        rule == BudgetRule.EQ16
            ? eq16Family(classWeights.length, costs)
            : levelFamily(classWeights.length, costs.length);
    int[] best = family.get(0);
    for (int[] t : family) {
      if (cost(t, classWeights, costs) <= target * (1 + 1e-12)) {
        best = t;
      }
    }
    return best;
  }

  /** The level rule with the costliest member as the supernet (all subnets, literal order). */
  static int[] table(double[] classWeights, double[] flops, double budget) {
    return table(BudgetRule.LEVEL, classWeights, flops, flops[flops.length - 1], budget);
  }

  /** Level tables in ascending L, starting at the cheapest (L = 1 / K). */
  private static List<int[]> levelFamily(int numClasses, int members) {
    List<int[]> levels = new ArrayList<>();
    for (int j = 1; j <= members; j++) {
      for (int q = 1; q <= numClasses; q++) {
        levels.add(new int[] {j, q});
      }
    }
    // ascending L = j / q, compared exactly as j1 * q2 vs j2 * q1 (stable: equal L keep order)
    levels.sort((a, b) -> Long.compare((long) a[0] * b[1], (long) b[0] * a[1]));
    List<int[]> out = new ArrayList<>();
    out.add(tableAt(1, numClasses, numClasses, members));
    for (int[] l : levels) {
      out.add(tableAt(l[0], l[1], numClasses, members));
    }
    return out;
  }

  /** Eq. 16 tables at ascending candidate taus ({@link #eq16Taus}). */
  private static List<int[]> eq16Family(int numClasses, double[] costs) {
    List<int[]> out = new ArrayList<>();
    for (double tau : eq16Taus(numClasses, costs)) {
      out.add(eq16Table(numClasses, costs, tau));
    }
    return out;
  }

  /** Eq. 16 at {@code tau = C_t / alpha}: class k -> argmin_m |k C_m / K - tau|, ties cheaper. */
  static int[] eq16Table(int numClasses, double[] costs, double tau) {
    int[] t = new int[numClasses];
    for (int k = 1; k <= numClasses; k++) {
      int best = 0;
      double bestD = Math.abs(k * costs[0] / numClasses - tau);
      for (int m = 1; m < costs.length; m++) {
        double d = Math.abs(k * costs[m] / numClasses - tau);
        if (d < bestD) {
          best = m;
          bestD = d;
        }
      }
      t[k - 1] = best;
    }
    return t;
  }

  /**
   * One tau inside every interval on which Eq. 16's table is constant, ascending: the table changes
   * where tau crosses {@code k (C_m + C_m+1) / (2 K)}; the candidates are the midpoints between
   * consecutive crossings, half the first and twice the last.
   */
  static double[] eq16Taus(int numClasses, double[] costs) {
    TreeSet<Double> cuts = new TreeSet<>();
    for (int k = 1; k <= numClasses; k++) {
      for (int m = 0; m + 1 < costs.length; m++) {
        cuts.add(k * (costs[m] + costs[m + 1]) / (2.0 * numClasses));
      }
    }
    if (cuts.isEmpty()) {
      return new double[] {0};
    }
    Double[] c = cuts.toArray(new Double[0]);
    double[] taus = new double[c.length + 1];
    taus[0] = c[0] / 2.0;
    for (int i = 0; i + 1 < c.length; i++) {
      taus[i + 1] = (c[i] + c[i + 1]) / 2.0;
    }
    taus[c.length] = c[c.length - 1] * 2.0;
    return taus;
  }

  static double cost(int[] table, double[] classWeights, double[] costs) {
    double c = 0;
    for (int k = 0; k < table.length; k++) {
      c += classWeights[k] * costs[table[k]];
    }
    return c;
  }
}
