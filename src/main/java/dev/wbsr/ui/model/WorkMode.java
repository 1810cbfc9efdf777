package dev.wbsr.ui.model;

/** Upscale: the image is the LR input. Evaluate: it is ground truth, the LR is made from it. */
public enum WorkMode {
  UPSCALE("Upscale"),
  EVALUATE("Evaluate");

  private final String label;

  WorkMode(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
