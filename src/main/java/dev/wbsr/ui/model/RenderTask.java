package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleSession;
import javafx.concurrent.Task;

/**
 * Computes one variant of the current document into its persistent target, so the viewer shows the
 * pixels as batches land. Cancelling stops at the next batch; the session keeps what it computed
 * (per-patch cache), so a later run resumes cheaply. A variant of the companion bundle opens its
 * session first and routes there ({@link #routing} is then known once the task runs).
 */
class RenderTask extends Task<RgbImage> {

  final Variant variant;
  final Document doc;
  private final RoutingPolicy policy;
  private final RgbImage target;
  private final boolean fresh;
  private final Runnable onBatch;
  volatile Assignment routing;
  volatile double seconds;

  RenderTask(
      Document doc,
      Variant variant,
      RoutingPolicy policy,
      Assignment routing,
      RgbImage target,
      boolean fresh,
      Runnable onBatch) {
    this.doc = doc;
    this.variant = variant;
    this.policy = policy;
    this.routing = routing;
    this.target = target;
    this.fresh = fresh;
    this.onBatch = onBatch;
  }

  @Override
  protected RgbImage call() throws Exception {
    long t0 = System.nanoTime();
    updateMessage("Computing " + VariantOutputs.name(doc, variant) + "…");
    if (variant == Variant.BICUBIC) {
      RgbImage out = Bicubic.resize(doc.lr(), doc.scale());
      seconds = (System.nanoTime() - t0) / 1e9;
      return out;
    }
    if (fresh) {
      Images.enlargeInto(doc.lr(), doc.scale(), target);
      onBatch.run();
    }
    UpscaleSession session = doc.sessionFor(variant);
    Assignment r = routing;
    if (r == null) {
      r = session.plan(policy);
      routing = r;
    }
    RgbImage out =
        Renders.run(
            session,
            r,
            target,
            (done, total) -> {
              updateProgress(done, total);
              onBatch.run();
            },
            this::isCancelled);
    seconds = (System.nanoTime() - t0) / 1e9;
    return out;
  }
}
