package dev.wbsr.spark;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.job.EngineUpscaler;
import dev.wbsr.job.FrameUpscaler;
import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The CLI's upscaler ({@link EngineUpscaler}) with the last image's FLOPs in both conventions for
 * the result table. One per task: a task upscales its files one at a time.
 */
final class MeasuredUpscaler implements FrameUpscaler {

  private final EngineUpscaler upscaler;

  MeasuredUpscaler(
      Manifest manifest, SrEngine engine, RoutingPolicy policy, PipelineOptions options) {
    this.upscaler = new EngineUpscaler(manifest, engine, policy, options);
  }

  @Override
  public Upscaled upscale(RgbImage lr, DoubleConsumer progress, BooleanSupplier cancelled)
      throws InterruptedException {
    return upscaler.upscale(lr, progress, cancelled);
  }

  /** Paper-convention GFLOPs of the last image (0 before one finished). */
  double paperGflops() {
    UpscaleResult last = upscaler.lastResult();
    return last == null ? 0 : last.assignment().paperFlops() / 1e9;
  }

  /** GFLOPs the tiles of the last image executed, margins included. */
  double executedGflops() {
    UpscaleResult last = upscaler.lastResult();
    return last == null ? 0 : last.render().executedFlops() / 1e9;
  }
}
