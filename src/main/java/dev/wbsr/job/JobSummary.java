package dev.wbsr.job;

import java.util.List;

/** How a run ended: every file's result in input order, whether it was cancelled, and its time. */
public record JobSummary(List<FileResult> results, boolean cancelled, double seconds) {

  public JobSummary {
    results = List.copyOf(results);
  }

  public long count(FileResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  public int written() {
    return (int) count(FileResult.Status.OK);
  }

  public int skipped() {
    return (int) count(FileResult.Status.SKIPPED);
  }

  public List<FileResult> failures() {
    return results.stream().filter(r -> r.status() == FileResult.Status.FAILED).toList();
  }
}
