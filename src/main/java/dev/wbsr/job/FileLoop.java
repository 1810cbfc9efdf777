package dev.wbsr.job;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The per-file loop of every batch command: each item is processed in turn; a failure (out of
 * memory included) is reported as one sentence and the rest go on; cancellation stops between files
 * and inside one when the step honours it; a thread interrupt ends the loop.
 */
public final class FileLoop {

  /** Processes one item; a {@link CancellationException} ends the loop as cancelled. */
  @FunctionalInterface
  public interface Step<T> {
    void run(int index, T item) throws Exception;
  }

  /** Told about each item that failed. */
  @FunctionalInterface
  public interface Failures<T> {
    void failed(int index, T item, String reason);
  }

  private FileLoop() {}

  /**
   * @param file the file an item stands for (to strip its name from messages)
   * @return true when the loop ran to the end, false when it was cancelled
   */
  public static <T> boolean run(
      List<T> items,
      java.util.function.Function<T, Path> file,
      BooleanSupplier cancelled,
      Step<T> step,
      Failures<T> failures)
      throws InterruptedException {
    for (int i = 0; i < items.size(); i++) {
      if (cancelled.getAsBoolean()) {
        return false;
      }
      T item = items.get(i);
      try {
        step.run(i, item);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw e;
      } catch (CancellationException e) {
        return false;
      } catch (Exception | OutOfMemoryError e) {
        if (cancelled.getAsBoolean()) {
          return false;
        }
        failures.failed(i, item, Reasons.of(e, file.apply(item)));
      }
    }
    return !cancelled.getAsBoolean();
  }
}
