package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.port.Metrics;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingRequest;
import dev.wbsr.ui.port.UpscaleSession;
import javafx.concurrent.Task;

/**
 * Computes one variant of the current document into its persistent target, so the viewer shows
 * the pixels as batches land. Cancelling stops at the next batch; cached patches are kept by the
 * session, so a later run resumes cheaply. A variant of the companion bundle opens its session
 * first and routes there ({@link #routing} is then known once the task runs).
 */
final class RenderTask extends Task<RgbImage> {

  final Variant variant;
  final Document doc;
  private final RoutingRequest request;
  private final RgbImage target;
  private final boolean fresh;
  private final Metrics metrics;
  private final Runnable onBatch;
  volatile Routing routing;
  volatile double seconds;

  RenderTask(Document doc, Variant variant, RoutingRequest request, Routing routing, RgbImage target,
      boolean fresh, Metrics metrics, Runnable onBatch) {
    this.doc = doc;
    this.variant = variant;
    this.request = request;
    this.routing = routing;
    this.target = target;
    this.fresh = fresh;
    this.metrics = metrics;
    this.onBatch = onBatch;
  }

  @Override
  protected RgbImage call() throws Exception {
    long t0 = System.nanoTime();
    updateMessage("Computing " + VariantOutputs.name(doc, variant) + "…");
    if (variant == Variant.BICUBIC) {
      RgbImage out = metrics.upscale(doc.lr(), doc.bundle().scale());
      seconds = (System.nanoTime() - t0) / 1e9;
      return out;
    }
    if (fresh) {
      Images.enlargeInto(doc.lr(), doc.bundle().scale(), target);
      onBatch.run();
    }
    UpscaleSession session = doc.sessionFor(variant);
    Routing r = routing;
    if (r == null) {
      r = session.route(request);
      routing = r;
    }
    RgbImage out = session.run(r, target, (done, total) -> {
      updateProgress(done, total);
      onBatch.run();
    }, this::isCancelled);
    seconds = (System.nanoTime() - t0) / 1e9;
    return out;
  }
}
