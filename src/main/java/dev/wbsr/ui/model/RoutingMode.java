package dev.wbsr.ui.model;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Budget;
import dev.wbsr.pipeline.RoutingPolicy;
import java.util.List;

/**
 * The app's mode buttons (W, S, A, C, B): which of the core's {@link RoutingPolicy} kinds the
 * viewer shows. The knobs (budget, eta) live beside it in {@link RoutingState}; {@link #policy}
 * turns a choice into the core's policy. WBSR, supernet and ARM run on weight-sharing bundles;
 * ClassSR on ClassSR bundles only; bicubic on any.
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

  /** The core's policy for this mode; the knob a mode does not read is ignored. */
  public RoutingPolicy policy(Budget budget, double eta) {
    return switch (this) {
      case WBSR -> new RoutingPolicy.Wbsr(budget);
      case SUPERNET -> new RoutingPolicy.Supernet();
      case ARM -> new RoutingPolicy.Arm(Math.max(0.01, eta));
      case CLASSSR -> new RoutingPolicy.ClassSr();
      case BICUBIC -> new RoutingPolicy.Bicubic();
    };
  }

  /** The policy with the core's defaults (paper rule, default eta). */
  public RoutingPolicy policy() {
    return policy(Budget.DEFAULT, RoutingPolicy.Arm.DEFAULT_ETA);
  }

  /** The mode whose button a policy belongs to (a fixed subnet shows as the supernet's slot). */
  public static RoutingMode of(RoutingPolicy p) {
    if (p instanceof RoutingPolicy.Wbsr) {
      return WBSR;
    } else if (p instanceof RoutingPolicy.Arm) {
      return ARM;
    } else if (p instanceof RoutingPolicy.ClassSr) {
      return CLASSSR;
    } else if (p instanceof RoutingPolicy.Bicubic) {
      return BICUBIC;
    }
    return SUPERNET;
  }

  /** The modes a bundle offers: ClassSR and bicubic, or WBSR, supernet, ARM, bicubic. */
  public static List<RoutingMode> offeredBy(ModelBundle b) {
    return Bundles.isClassSr(b) ? List.of(CLASSSR, BICUBIC) : List.of(WBSR, SUPERNET, ARM, BICUBIC);
  }

  public boolean isOfferedBy(ModelBundle b) {
    return offeredBy(b).contains(this);
  }

  /** The mode a bundle starts in: ClassSR for ClassSR bundles, else WBSR. */
  public static RoutingMode defaultFor(ModelBundle b) {
    return Bundles.isClassSr(b) ? CLASSSR : WBSR;
  }

  @Override
  public String toString() {
    return label;
  }
}
