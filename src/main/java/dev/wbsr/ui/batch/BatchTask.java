package dev.wbsr.ui.batch;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.export.AtomicFiles;
import dev.wbsr.ui.model.UserMessages;
import dev.wbsr.ui.port.LoadedImage;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.Services;
import dev.wbsr.ui.port.UpscaleSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;

/**
 * Runs a batch: each file is read, upscaled and written through a temporary file, so cancelling
 * (checked between inference batches, well under a second) leaves no half-written output. A bad
 * file is recorded and the others go on.
 */
public final class BatchTask extends Task<BatchSummary> {

  private final Services services;
  private final BatchRequest request;

  public BatchTask(Services services, BatchRequest request) {
    this.services = services;
    this.request = request;
  }

  @Override
  protected BatchSummary call() throws Exception {
    long t0 = System.nanoTime();
    updateMessage("Listing " + request.input() + "…");
    List<BatchPlanner.Item> items = BatchPlanner.plan(request);
    List<BatchSummary.Failure> failures = new ArrayList<>();
    int written = 0;
    int skipped = 0;
    int n = items.size();
    for (int i = 0; i < n; i++) {
      if (isCancelled()) {
        break;
      }
      BatchPlanner.Item it = items.get(i);
      Path out = it.output();
      if (Files.exists(out)) {
        if (request.existing() == Existing.SKIP) {
          skipped++;
          continue;
        }
        if (request.existing() == Existing.KEEP_BOTH) {
          out = BatchPlanner.freeName(out);
        }
      }
      final int index = i;
      final String name = it.input().getFileName().toString();
      report(index, 0, n, name, t0);
      try {
        RgbImage sr = upscale(it.input(), f -> report(index, f, n, name, t0), out);
        written += sr == null ? 0 : 1;
      } catch (CancellationException e) {
        break;
      } catch (Exception | OutOfMemoryError e) {
        if (isCancelled()) {
          break;
        }
        failures.add(new BatchSummary.Failure(it.input(), UserMessages.describe(e)));
      }
    }
    updateProgress(n == 0 ? 1 : isCancelled() ? getProgress() : 1, 1);
    return new BatchSummary(written, skipped, failures, isCancelled(), request.output(),
        (System.nanoTime() - t0) / 1e9);
  }

  interface Fraction {
    void at(double f);
  }

  private RgbImage upscale(Path file, Fraction progress, Path out) throws Exception {
    LoadedImage img = services.images().read(file);
    RgbImage sr;
    if (request.routing().mode() == RoutingMode.BICUBIC) {
      sr = services.metrics().upscale(img.image(), request.bundle().scale());
    } else {
      try (UpscaleSession s = services.engine().open(request.bundle(), img.image())) {
        Routing r = s.route(request.routing());
        sr = s.run(r, null, (d, t) -> progress.at(d / (double) t), this::isCancelled);
      }
    }
    if (isCancelled()) {
      throw new CancellationException();
    }
    RgbImage result = sr;
    AtomicFiles.write(out, tmp -> {
      if (isCancelled()) {
        throw new CancellationException();
      }
      services.images().write(result, img.metadata(), tmp, request.format());
    });
    return sr;
  }

  private void report(int i, double f, int n, String name, long t0) {
    double p = n == 0 ? 1 : (i + f) / n;
    updateProgress(p, 1);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    String eta = p <= 0.01 ? "" : " · ETA " + clock(elapsed / p * (1 - p));
    updateMessage(String.format("%d / %d · %s%s", i + 1, n, name, eta));
  }

  static String clock(double s) {
    long t = Math.round(s);
    return t >= 3600 ? String.format("%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
        : String.format("%d:%02d", t / 60, t % 60);
  }
}
