package dev.wbsr.job;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RenderListener;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.Upscaler;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/** Upscales with the one-shot pipeline on an engine the caller opened (and closes). */
public final class EngineUpscaler implements FrameUpscaler {

  private final Manifest manifest;
  private final SrEngine engine;
  private final Function<PatchAnalysis, RoutingPolicy> router;
  private final PipelineOptions options;
  private volatile UpscaleResult last;

  public EngineUpscaler(
      Manifest manifest, SrEngine engine, RoutingPolicy policy, PipelineOptions options) {
    this(manifest, engine, a -> policy, options);
  }

  /** With the policy chosen per image from its analysis (a time budget, {@code --cost time}). */
  public EngineUpscaler(
      Manifest manifest,
      SrEngine engine,
      Function<PatchAnalysis, RoutingPolicy> router,
      PipelineOptions options) {
    this.manifest = manifest;
    this.engine = engine;
    this.router = router;
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
            router,
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

  /**
   * The last image's full result (assignment with paper FLOPs, render with executed FLOPs), or null
   * before one finished; for callers that report more than the ratio (the Spark job's table).
   */
  public UpscaleResult lastResult() {
    return last;
  }
}
