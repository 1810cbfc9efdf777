package dev.wbsr.job;

import java.nio.file.Path;

/** Follows a run; called on the runner's thread. */
public interface JobListener {

  JobListener NONE = new JobListener() {};

  /** Once, after the inputs were listed. */
  default void onPlanned(int files) {}

  /**
   * While file {@code index} (0-based) of {@code files} is computed, {@code fraction} in [0, 1].
   */
  default void onProgress(int index, int files, Path input, double fraction) {}

  /** Once per file, in input order. */
  default void onResult(int index, FileResult result) {}
}
