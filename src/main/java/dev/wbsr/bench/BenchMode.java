package dev.wbsr.bench;

import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.pipeline.RoutingPolicy;
import java.util.function.Function;

/**
 * One configuration that {@link Bench} times.
 *
 * @param name label in tables and JSON
 * @param policy routing for the patch pipeline (a WBSR policy may count cost in measured time);
 *     null = the supernet on the whole image in one call
 */
public record BenchMode(String name, RoutingPolicy policy) {

  /** The routing of one image. */
  public Function<PatchAnalysis, RoutingPolicy> router(Manifest manifest) {
    return a -> policy;
  }

  public boolean wholeImage() {
    return policy == null;
  }
}
