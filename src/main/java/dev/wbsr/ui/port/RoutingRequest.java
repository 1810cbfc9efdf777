package dev.wbsr.ui.port;

/**
 * A routing policy: WBSR with a compute budget in (0, 1] (1 = supernet everywhere; {@code
 * budget <= 0} means the paper rule without budget), ARM with its eta, ClassSR (no knob), supernet
 * or bicubic.
 */
public record RoutingRequest(RoutingMode mode, double budget, double eta) {

  public static final double PAPER_RULE = 0;

  public static RoutingRequest of(RoutingMode mode) {
    return new RoutingRequest(mode, PAPER_RULE, 4);
  }

  public RoutingRequest withBudget(double b) {
    return new RoutingRequest(mode, b, eta);
  }

  public RoutingRequest withEta(double e) {
    return new RoutingRequest(mode, budget, e);
  }
}
