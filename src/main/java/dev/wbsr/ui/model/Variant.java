package dev.wbsr.ui.model;

/** What one side of the viewer shows. */
public enum Variant {
  INPUT("Input (nearest)"),
  BICUBIC("Bicubic"),
  WBSR("WBSR"),
  SUPERNET("Supernet"),
  ARM("ARM"),
  CLASSSR("ClassSR"),
  GROUND_TRUTH("Ground truth");

  private final String label;

  Variant(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The variant a routing mode produces. */
  public static Variant of(RoutingMode mode) {
    return switch (mode) {
      case WBSR -> WBSR;
      case SUPERNET -> SUPERNET;
      case ARM -> ARM;
      case CLASSSR -> CLASSSR;
      case BICUBIC -> BICUBIC;
    };
  }

  /** The routing mode that produces it; null for the input and the ground truth. */
  public RoutingMode mode() {
    return switch (this) {
      case WBSR -> RoutingMode.WBSR;
      case SUPERNET -> RoutingMode.SUPERNET;
      case ARM -> RoutingMode.ARM;
      case CLASSSR -> RoutingMode.CLASSSR;
      case BICUBIC -> RoutingMode.BICUBIC;
      case INPUT, GROUND_TRUTH -> null;
    };
  }

  /** True when the session's inference produces it. */
  public boolean inferred() {
    return this == WBSR || this == SUPERNET || this == ARM || this == CLASSSR;
  }

  /** True when its routing has no knob, so one complete render stays complete for the document. */
  boolean fixedRouting() {
    return this == BICUBIC || this == CLASSSR;
  }

  @Override
  public String toString() {
    return label;
  }
}
