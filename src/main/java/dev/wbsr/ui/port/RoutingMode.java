package dev.wbsr.ui.port;

/** How patches are routed to subnets. */
public enum RoutingMode {
  WBSR("WBSR"),
  SUPERNET("Supernet"),
  ARM("ARM"),
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
