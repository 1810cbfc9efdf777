package dev.wbsr.ui.batch;

import dev.wbsr.job.EngineUpscaler;
import dev.wbsr.job.FileResult;
import dev.wbsr.job.JobListener;
import dev.wbsr.job.UpscaleRunner;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.ui.model.StudioCore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.concurrent.Task;

/**
 * The core's {@link UpscaleRunner} as a JavaFX task: progress and ETA for the dialog, cancellation
 * between inference batches (no half-written output is left), and a summary that also counts what
 * was written and what failed before a cancel. Runs off the FX thread, so it never reads the task's
 * own properties (they belong to the FX thread).
 */
public final class BatchTask extends Task<BatchSummary> {

  private final StudioCore core;
  private final BatchRequest request;
  private final List<FileResult> results = new CopyOnWriteArrayList<>();
  private volatile double fraction;
  private volatile BatchSummary last;

  public BatchTask(StudioCore core, BatchRequest request) {
    this.core = core;
    this.request = request;
  }

  @Override
  protected BatchSummary call() throws Exception {
    long t0 = System.nanoTime();
    updateMessage("Listing the inputs…");
    // the app's engine for the bundle (already open when the window used it), the CLI's pipeline
    UpscaleRunner runner =
        new UpscaleRunner(
            request.toJob(),
            new EngineUpscaler(
                request.bundle().manifest(),
                core.engine(request.bundle()),
                request.routing(),
                PipelineOptions.batch()));
    try {
      runner.run(
          new JobListener() {
            @Override
            public void onProgress(int index, int files, Path input, double f) {
              report(index, f, files, input.getFileName().toString(), t0);
            }

            @Override
            public void onResult(int index, FileResult r) {
              results.add(r);
            }
          },
          this::isCancelled);
    } finally {
      last =
          BatchSummary.of(results, isCancelled(), request.output(), (System.nanoTime() - t0) / 1e9);
      updateProgress(isCancelled() ? fraction : 1, 1);
    }
    return last;
  }

  /** The summary once {@link #call()} returned or failed, also after a cancel (null before). */
  public BatchSummary lastSummary() {
    return last;
  }

  private void report(int i, double f, int n, String name, long t0) {
    double p = n == 0 ? 1 : (i + f) / n;
    fraction = p;
    updateProgress(p, 1);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    String eta = p <= 0.01 ? "" : " · ETA " + clock(elapsed / p * (1 - p));
    updateMessage(String.format("%d / %d · %s%s", i + 1, n, name, eta));
  }

  static String clock(double s) {
    long t = Math.round(s);
    return t >= 3600
        ? String.format("%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
        : String.format("%d:%02d", t / 60, t % 60);
  }
}
