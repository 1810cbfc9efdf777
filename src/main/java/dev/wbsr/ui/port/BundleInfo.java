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

  public SubnetInfo supernetInfo() {
    return subnets.get(supernet);
  }

  /** A short label for lists: {@code wbsr-x2 (x2, 9 subnets)}. */
  public String label() {
    return name + "  (x" + scale + ", " + subnets.size() + " subnets)";
  }

  @Override
  public String toString() {
    return label();
  }
}
