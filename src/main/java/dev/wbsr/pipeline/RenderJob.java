package dev.wbsr.pipeline;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A render in flight. {@link #cancel()} returns at once: batches not yet started are dropped, the
 * batch running finishes in the background and goes to the cache only, and {@link #completion()}
 * completes exceptionally with a {@link CancellationException}.
 */
public final class RenderJob {

  private final Assignment target;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final CompletableFuture<RenderStats> completion = new CompletableFuture<>();

  RenderJob(Assignment target) {
    this.target = target;
  }

  public Assignment target() {
    return target;
  }

  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      completion.completeExceptionally(new CancellationException("render cancelled"));
    }
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Completes with the stats, or exceptionally (cancelled, or the error that stopped it). */
  public CompletableFuture<RenderStats> completion() {
    return completion;
  }

  /** Blocks until done; rethrows the failure (a {@link CancellationException} when cancelled). */
  public RenderStats await() throws InterruptedException {
    try {
      return completion.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  boolean finish(RenderStats stats) {
    return completion.complete(stats);
  }

  void fail(Throwable t) {
    cancelled.set(true);
    completion.completeExceptionally(t);
  }
}
