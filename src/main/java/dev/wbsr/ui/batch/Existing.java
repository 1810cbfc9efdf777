package dev.wbsr.ui.batch;

/** What to do when an output file already exists. Nothing is ever silently overwritten. */
public enum Existing {
  SKIP("Skip existing"),
  KEEP_BOTH("Never overwrite (number the new file)"),
  OVERWRITE("Overwrite");

  private final String label;

  Existing(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
