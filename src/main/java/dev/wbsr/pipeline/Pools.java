package dev.wbsr.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Thread-pool helpers of the pipeline. */
final class Pools {

  private Pools() {}

  /** Waits for a pool to stop; an interrupt is kept for the caller but does not cut the wait. */
  static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
