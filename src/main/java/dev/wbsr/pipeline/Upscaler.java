package dev.wbsr.pipeline;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;

/** One-shot upscaling (CLI, eval, bench): a session without cache, rendered once, image handed over. */
public final class Upscaler {

  private Upscaler() {}

  public static UpscaleResult upscale(
      RgbImage lr, Manifest manifest, SrEngine engine, RoutingPolicy policy, PipelineOptions options, RenderListener listener)
      throws InterruptedException {
    long start = System.nanoTime();
    UpscaleSession session = UpscaleSession.create(lr, manifest, engine, options.withCacheBytes(0));
    try {
      Assignment assignment = session.plan(policy);
      RenderStats stats = session.render(assignment, listener).await();
      RgbImage image = session.takeImage();
      return new UpscaleResult(image, session.analysis(), assignment, stats, (System.nanoTime() - start) / 1e9);
    } finally {
      session.close();
    }
  }
}
