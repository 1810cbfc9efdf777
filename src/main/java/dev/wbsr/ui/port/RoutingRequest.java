package dev.wbsr.ui.port;

import dev.wbsr.pipeline.Budget;
import dev.wbsr.pipeline.RoutingPolicy;

/**
 * A routing policy: WBSR with the core's {@link Budget} (paper rule or a fraction of the
 * supernet's FLOPs), ARM with its eta, ClassSR (no knob), supernet or bicubic. Defaults are the
 * core's: {@link Budget#DEFAULT} and {@link RoutingPolicy.Arm#DEFAULT_ETA}.
 */
public record RoutingRequest(RoutingMode mode, Budget budget, double eta) {

  public static RoutingRequest of(RoutingMode mode) {
    return new RoutingRequest(mode, Budget.DEFAULT, RoutingPolicy.Arm.DEFAULT_ETA);
  }

  public RoutingRequest withBudget(Budget b) {
    return new RoutingRequest(mode, b, eta);
  }

  public RoutingRequest withEta(double e) {
    return new RoutingRequest(mode, budget, e);
  }
}
