package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.RenderJob;
import dev.wbsr.pipeline.RenderListener;
import dev.wbsr.pipeline.UpscaleSession;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Drives one render of the core's {@link UpscaleSession} from a worker thread: the session renders
 * straight into the caller's persistent target (the viewer refreshes progressively as batches land;
 * no second full-size copy, 144 MB at x2 on a 12-megapixel photo) and the cancel flag is polled.
 * The session renders only the patches whose subnet changed in that target.
 */
final class Renders {

  /** Called after each batch lands in the target. */
  @FunctionalInterface
  interface Progress {
    void onBatch(int done, int total);
  }

  private Renders() {}

  /** True when both assign every patch to the same subnet (null never equals). */
  static boolean same(Assignment a, Assignment b) {
    return a != null
        && b != null
        && a.size() == b.size()
        && Arrays.equals(a.subnetMap(), b.subnetMap());
  }

  /**
   * Renders {@code a} into {@code target} (output size, may be null to allocate).
   *
   * @throws CancellationException when {@code cancelled} turned true; target is then partial
   */
  static RgbImage run(
      UpscaleSession session,
      Assignment a,
      RgbImage target,
      Progress progress,
      BooleanSupplier cancelled)
      throws Exception {
    RenderJob job =
        session.render(
            a,
            target,
            new RenderListener() { // the pixels land in the target: no update to copy
              @Override
              public void onProgress(int done, int total) {
                progress.onBatch(done, total);
              }
            });
    while (true) {
      if (cancelled.getAsBoolean()) {
        job.cancel();
        throw new CancellationException("cancelled");
      }
      try {
        job.completion().get(40, TimeUnit.MILLISECONDS);
        break;
      } catch (TimeoutException e) {
        // poll the cancel flag again
      } catch (InterruptedException e) {
        job.cancel();
        throw new CancellationException("cancelled");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Exception ex) {
          throw ex;
        }
        throw e;
      }
    }
    return target == null ? session.image() : target;
  }
}
