package dev.wbsr.ui.viewer;

/** How two variants are compared. */
public enum CompareMode {
  SINGLE("Single"),
  SIDE_BY_SIDE("Side by side"),
  SPLIT("Split"),
  FLIP("Flip");

  private final String label;

  CompareMode(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
