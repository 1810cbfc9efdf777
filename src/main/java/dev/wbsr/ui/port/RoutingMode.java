package dev.wbsr.ui.port;

/**
 * How patches are routed to subnets. WBSR, supernet and ARM run on weight-sharing bundles; ClassSR
 * (its classifier picks a branch per patch) on ClassSR bundles only; bicubic on any.
 */
public enum RoutingMode {
  WBSR("WBSR"),
  SUPERNET("Supernet"),
  ARM("ARM"),
  CLASSSR("ClassSR"),
  BICUBIC("Bicubic");

  private final String label;

  RoutingMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
