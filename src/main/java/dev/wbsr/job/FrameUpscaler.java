package dev.wbsr.job;

import dev.wbsr.image.RgbImage;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The seam between the file job and inference: upscales one decoded image. The CLI runs the engine
 * directly ({@link EngineUpscaler}), the app its session port; tests plug a fake.
 */
@FunctionalInterface
public interface FrameUpscaler {

  /**
   * @param progress fraction done in [0, 1]
   * @param cancelled polled between inference batches; when it turns true the call may throw {@link
   *     java.util.concurrent.CancellationException}
   */
  Upscaled upscale(RgbImage lr, DoubleConsumer progress, BooleanSupplier cancelled)
      throws Exception;

  /** The upscaled pixels and the paper-convention FLOPs over the supernet's on this image. */
  record Upscaled(RgbImage image, double flopsRatio) {}
}
