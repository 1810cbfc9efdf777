package dev.wbsr.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The cost-vs-quality Pareto front of a set of subnets: the ones no other subnet beats in both.
 * Cost is any per-subnet vector (FLOPs per patch today, a measured time tomorrow). Python twin:
 * {@code training/wbsr/routing.py pareto_front}, locked by {@code testvectors/routing.json}.
 */
public final class ParetoFront {

  private ParetoFront() {}

  /**
   * Indices of the front, cheapest first. A subnet stays if every cheaper-or-equal one is strictly
   * worse; among equal costs the better one stays (the lower index on an exact tie).
   */
  public static int[] select(double[] cost, double[] quality) {
    if (cost.length != quality.length || cost.length == 0) {
      throw new IllegalArgumentException(
          "need one quality per cost, got " + cost.length + " and " + quality.length);
    }
    List<Integer> order =
        IntStream.range(0, cost.length)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingDouble(i -> cost[i])
                    .thenComparingDouble(i -> -quality[i])
                    .thenComparingInt(i -> i))
            .toList();
    List<Integer> front = new ArrayList<>();
    for (int i : order) {
      if (front.isEmpty() || quality[i] > quality[front.get(front.size() - 1)]) {
        front.add(i);
      }
    }
    return front.stream().mapToInt(Integer::intValue).toArray();
  }
}
