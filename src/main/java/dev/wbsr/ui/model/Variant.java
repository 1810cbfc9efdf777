package dev.wbsr.ui.model;

import dev.wbsr.ui.port.RoutingMode;

/** What one side of the viewer shows. */
public enum Variant {
  INPUT("Input (nearest)"),
  BICUBIC("Bicubic"),
  WBSR("WBSR"),
  SUPERNET("Supernet"),
  ARM("ARM"),
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
      case BICUBIC -> BICUBIC;
    };
  }

  /** True when the session's inference produces it. */
  public boolean inferred() {
    return this == WBSR || this == SUPERNET || this == ARM;
  }

  @Override
  public String toString() {
    return label;
  }
}
