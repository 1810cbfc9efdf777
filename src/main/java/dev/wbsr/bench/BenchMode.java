package dev.wbsr.bench;

import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.TimeBudget;
import java.util.function.Function;

/**
 * One configuration that {@link Bench} times.
 *
 * @param name label in tables and JSON
 * @param policy routing for the patch pipeline; null = the supernet on the whole image in one call
 * @param timeBudget when set, WBSR with this budget of measured time replaces {@code policy} (its
 *     level depends on each image's classes)
 */
public record BenchMode(String name, RoutingPolicy policy, TimeBudget timeBudget) {

  public BenchMode(String name, RoutingPolicy policy) {
    this(name, policy, null);
  }

  /** The routing of one image. */
  public Function<PatchAnalysis, RoutingPolicy> router(Manifest manifest) {
    return timeBudget == null ? a -> policy : a -> timeBudget.policyFor(a, manifest);
  }

  public boolean wholeImage() {
    return policy == null && timeBudget == null;
  }
}
