package dev.wbsr.ui.batch;

import java.nio.file.Path;
import java.util.List;

/** How a batch ended: counts, the failures with their reasons, and whether it was cancelled. */
public record BatchSummary(
    int written, int skipped, List<Failure> failures, boolean cancelled, Path output, double seconds) {

  /** One input that could not be processed. */
  public record Failure(Path input, String reason) {
    @Override
    public String toString() {
      return input.getFileName() + ": " + reason;
    }
  }

  public String headline() {
    String s = String.format("%d written, %d skipped, %d failed in %.1f s", written, skipped,
        failures.size(), seconds);
    return cancelled ? "Cancelled — " + s : s;
  }
}
