package dev.wbsr.job;

/** What to do when an output file already exists. Nothing is ever replaced silently. */
public enum WhenExists {
  /** Report the file as failed (the CLI's default). */
  FAIL("Report as failed"),
  SKIP("Skip existing"),
  /** Write next to it with a number: {@code photo (1).png}. */
  KEEP_BOTH("Never overwrite (number the new file)"),
  OVERWRITE("Overwrite");

  private final String label;

  WhenExists(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
