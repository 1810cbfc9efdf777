package dev.wbsr.bench;

import dev.wbsr.pipeline.RoutingPolicy;

/**
 * One configuration that {@link Bench} times.
 *
 * @param name label in tables and JSON
 * @param policy routing for the patch pipeline; null = the supernet on the whole image in one call
 */
public record BenchMode(String name, RoutingPolicy policy) {

  public boolean wholeImage() {
    return policy == null;
  }
}
