package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.port.Metrics;
import dev.wbsr.ui.port.Routing;
import javafx.concurrent.Task;

/**
 * Computes one variant of the current document into its persistent target, so the viewer shows
 * the pixels as batches land. Cancelling stops at the next batch; cached patches are kept by the
 * session, so a later run resumes cheaply.
 */
final class RenderTask extends Task<RgbImage> {

  final Variant variant;
  final Routing routing;
  final Document doc;
  private final RgbImage target;
  private final boolean fresh;
  private final Metrics metrics;
  private final Runnable onBatch;
  volatile double seconds;

  RenderTask(Document doc, Variant variant, Routing routing, RgbImage target, boolean fresh,
      Metrics metrics, Runnable onBatch) {
    this.doc = doc;
    this.variant = variant;
    this.routing = routing;
    this.target = target;
    this.fresh = fresh;
    this.metrics = metrics;
    this.onBatch = onBatch;
  }

  @Override
  protected RgbImage call() throws Exception {
    long t0 = System.nanoTime();
    updateMessage("Computing " + variant.label() + "…");
    if (variant == Variant.BICUBIC) {
      RgbImage out = metrics.upscale(doc.lr(), doc.bundle().scale());
      seconds = (System.nanoTime() - t0) / 1e9;
      return out;
    }
    if (fresh) {
      Images.enlargeInto(doc.lr(), doc.bundle().scale(), target);
      onBatch.run();
    }
    RgbImage out =
        doc.session()
            .run(routing, target, (done, total) -> {
              updateProgress(done, total);
              onBatch.run();
            }, this::isCancelled);
    seconds = (System.nanoTime() - t0) / 1e9;
    return out;
  }
}
