package dev.wbsr.ui.model;

import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import javafx.util.StringConverter;

/** What the app says about a bundle, read from the core's {@link Manifest} (pure helpers). */
public final class Bundles {

  private Bundles() {}

  /** A ClassSR bundle (classifier + independent branches) rather than a weight-sharing one. */
  public static boolean isClassSr(ModelBundle b) {
    return b.manifest().kind() == Manifest.Kind.CLASSSR;
  }

  /**
   * The lowest budget a WBSR bundle can reach: every patch on the cheapest subnet of its front, as
   * a fraction of the supernet's FLOPs (the same on every image); 0 for ClassSR.
   */
  public static double budgetFloor(ModelBundle b) {
    if (isClassSr(b)) {
      return 0;
    }
    var m = b.manifest();
    double cheapest = Double.MAX_VALUE;
    for (int s : m.front()) {
      cheapest = Math.min(cheapest, m.subnets().get(s).flopsPerPatch());
    }
    return cheapest / m.supernetSpec().flopsPerPatch();
  }

  public static boolean hasArm(ModelBundle b) {
    return b.manifest().arm().isPresent();
  }

  public static int scale(ModelBundle b) {
    return b.manifest().scale();
  }

  /**
   * A short label for lists: {@code wbsr-x2 (x2, 9 subnets)}, {@code classsr-x2 (x2, ClassSR, 3
   * branches)}.
   */
  public static String label(ModelBundle b) {
    Manifest m = b.manifest();
    return isClassSr(b)
        ? m.name() + "  (x" + m.scale() + ", ClassSR, " + m.subnets().size() + " branches)"
        : m.name() + "  (x" + m.scale() + ", " + m.subnets().size() + " subnets)";
  }

  /** Subnet {@code m}'s name, or "bicubic" for -1. */
  public static String subnetName(ModelBundle b, int m) {
    return m < 0 ? "bicubic" : b.manifest().subnets().get(m).name();
  }

  /** GFLOPs of one LR patch on subnet {@code m} (0 for bicubic). */
  public static double gflops(ModelBundle b, int m) {
    return m < 0 ? 0 : b.manifest().subnets().get(m).flopsPerPatch() / 1e9;
  }

  /** For combo boxes: shows {@link #label}; lists never parse text back. */
  public static StringConverter<ModelBundle> labels() {
    return new StringConverter<>() {
      @Override
      public String toString(ModelBundle b) {
        return b == null ? "" : label(b);
      }

      @Override
      public ModelBundle fromString(String s) {
        throw new UnsupportedOperationException("bundles are chosen, not typed");
      }
    };
  }
}
