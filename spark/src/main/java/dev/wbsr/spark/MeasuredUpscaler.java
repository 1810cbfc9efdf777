package dev.wbsr.spark;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.job.FrameUpscaler;
import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RenderListener;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.Upscaler;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The CLI's upscaler (the one-shot pipeline on an engine) that also keeps the last image's FLOPs in
 * both conventions for the result table. One per task: a task upscales its files one at a time.
 */
final class MeasuredUpscaler implements FrameUpscaler {

  private final Manifest manifest;
  private final SrEngine engine;
  private final RoutingPolicy policy;
  private final PipelineOptions options;
  private UpscaleResult last;

  MeasuredUpscaler(
      Manifest manifest, SrEngine engine, RoutingPolicy policy, PipelineOptions options) {
    this.manifest = manifest;
    this.engine = engine;
    this.policy = policy;
    this.options = options;
  }

  @Override
  public Upscaled upscale(RgbImage lr, DoubleConsumer progress, BooleanSupplier cancelled)
      throws InterruptedException {
    last = null;
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("cancelled");
    }
    UpscaleResult r =
        Upscaler.upscale(
            lr,
            manifest,
            engine,
            policy,
            options,
            new RenderListener() {
              @Override
              public void onProgress(int done, int total) {
                progress.accept(done / (double) Math.max(1, total));
              }
            });
    last = r;
    return new Upscaled(r.image(), r.assignment().flopsRatio());
  }

  /** Paper-convention GFLOPs of the last image (0 before one finished). */
  double paperGflops() {
    return last == null ? 0 : last.assignment().paperFlops() / 1e9;
  }

  /** GFLOPs the tiles of the last image executed, margins included. */
  double executedGflops() {
    return last == null ? 0 : last.render().executedFlops() / 1e9;
  }
}
