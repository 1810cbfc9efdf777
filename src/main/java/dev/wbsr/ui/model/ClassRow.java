package dev.wbsr.ui.model;

/**
 * One row of the class to subnet table; {@code note} explains a per-patch choice (ClassSR: how
 * often its classifier picked that branch in the class), else empty.
 */
public record ClassRow(
    int klass, int patches, double share, String subnet, double gflops, String note) {

  public ClassRow(int klass, int patches, double share, String subnet, double gflops) {
    this(klass, patches, share, subnet, gflops, "");
  }
}
