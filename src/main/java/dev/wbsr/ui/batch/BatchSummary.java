package dev.wbsr.ui.batch;

import dev.wbsr.job.FileResult;
import java.nio.file.Path;
import java.util.List;

/** How a batch ended: counts, the failures with their reasons, and whether it was cancelled. */
public record BatchSummary(
    int written,
    int skipped,
    List<Failure> failures,
    boolean cancelled,
    Path output,
    double seconds) {

  public BatchSummary {
    failures = List.copyOf(failures);
  }

  /** One input that could not be processed; the reason does not repeat the file's name. */
  public record Failure(Path input, String reason) {
    @Override
    public String toString() {
      return input.getFileName() + ": " + reason;
    }
  }

  /** Counts the results of the files processed so far (all of them, or those before a cancel). */
  static BatchSummary of(List<FileResult> results, boolean cancelled, Path output, double seconds) {
    int written = 0;
    int skipped = 0;
    List<Failure> failures = new java.util.ArrayList<>();
    for (FileResult r : results) {
      switch (r.status()) {
        case OK -> written++;
        case SKIPPED -> skipped++;
        case FAILED -> failures.add(new Failure(r.input(), r.reason()));
        default -> throw new IllegalStateException();
      }
    }
    return new BatchSummary(written, skipped, failures, cancelled, output, seconds);
  }

  public String headline() {
    String s =
        String.format(
            "%d written, %d skipped, %d failed in %.1f s",
            written, skipped, failures.size(), seconds);
    return cancelled ? "Cancelled — " + s : s;
  }
}
