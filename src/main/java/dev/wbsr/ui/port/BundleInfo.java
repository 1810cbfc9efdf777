package dev.wbsr.ui.port;

import java.nio.file.Path;
import java.util.List;

/** What the app shows and needs of one model bundle (read from its manifest). */
public record BundleInfo(
    String name,
    String title,
    String description,
    String version,
    String license,
    String kind,
    int scale,
    int patchSize,
    int numClasses,
    List<SubnetInfo> subnets,
    int supernet,
    boolean hasArm,
    Path dir) {

  public BundleInfo {
    subnets = List.copyOf(subnets);
  }

  /** A ClassSR bundle (classifier + independent branches) rather than a weight-sharing one. */
  public boolean isClassSr() {
    return "classsr".equals(kind);
  }

  /** The routing modes this bundle offers: ClassSR and bicubic, or WBSR, supernet, ARM, bicubic. */
  public List<RoutingMode> modes() {
    return isClassSr()
        ? List.of(RoutingMode.CLASSSR, RoutingMode.BICUBIC)
        : List.of(RoutingMode.WBSR, RoutingMode.SUPERNET, RoutingMode.ARM, RoutingMode.BICUBIC);
  }

  public boolean offers(RoutingMode m) {
    return modes().contains(m);
  }

  /** The mode a bundle starts in: ClassSR for ClassSR bundles, else WBSR. */
  public RoutingMode defaultMode() {
    return isClassSr() ? RoutingMode.CLASSSR : RoutingMode.WBSR;
  }

  public SubnetInfo supernetInfo() {
    return subnets.get(supernet);
  }

  /** A short label for lists: {@code wbsr-x2 (x2, 9 subnets)}, {@code classsr-x2 (x2, ClassSR, 3 branches)}. */
  public String label() {
    return isClassSr()
        ? name + "  (x" + scale + ", ClassSR, " + subnets.size() + " branches)"
        : name + "  (x" + scale + ", " + subnets.size() + " subnets)";
  }

  @Override
  public String toString() {
    return label();
  }
}
