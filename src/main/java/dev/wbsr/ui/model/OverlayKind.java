package dev.wbsr.ui.model;

/** Which per-patch map is drawn over the image. */
public enum OverlayKind {
  CLASS("Class map"),
  SUBNET("Subnet map"),
  OFF("Off");

  private final String label;

  OverlayKind(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
