package dev.wbsr.pipeline;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.model.Manifest;

/**
 * One-shot upscaling (CLI, eval, bench): a session without cache, rendered once, image handed over.
 */
public final class Upscaler {

  private Upscaler() {}

  public static UpscaleResult upscale(
      RgbImage lr,
      Manifest manifest,
      SrEngine engine,
      RoutingPolicy policy,
      PipelineOptions options,
      RenderListener listener)
      throws InterruptedException {
    return upscale(lr, manifest, engine, analysis -> policy, options, listener);
  }

  /** As above with the policy chosen per image from its analysis. */
  public static UpscaleResult upscale(
      RgbImage lr,
      Manifest manifest,
      SrEngine engine,
      java.util.function.Function<PatchAnalysis, RoutingPolicy> router,
      PipelineOptions options,
      RenderListener listener)
      throws InterruptedException {
    long start = System.nanoTime();
    UpscaleSession session = UpscaleSession.create(lr, manifest, engine, options.withCacheBytes(0));
    try {
      Assignment assignment = session.plan(router.apply(session.analysis()));
      RenderStats stats = session.render(assignment, listener).await();
      RgbImage image = session.takeImage();
      return new UpscaleResult(
          image, session.analysis(), assignment, stats, (System.nanoTime() - start) / 1e9);
    } finally {
      session.close();
    }
  }

  /**
   * The reference the patch pipeline is measured against: one subnet on the whole image in a single
   * call, no tiles. Needs memory for the whole image's activations.
   */
  public static RgbImage wholeImage(RgbImage lr, Manifest manifest, SrEngine engine, int subnet) {
    PatchGrid grid = new PatchGrid(lr.width(), lr.height(), manifest.patchSize());
    Tile all = Tile.whole(grid, subnet);
    return new TileExecutor(lr, engine, Bicubic::resize, manifest.scale())
        .run(java.util.List.of(all))
        .get(0);
  }
}
