package dev.wbsr.pipeline;

import dev.wbsr.image.RgbImage;

/** Resizes an RGB image; the pipeline uses it for the {@code bicubic} route. */
@FunctionalInterface
public interface Resampler {

  RgbImage resize(RgbImage src, int width, int height);
}
