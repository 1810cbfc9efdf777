package dev.wbsr.job;

import dev.wbsr.image.GrayPlane;
import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;

/**
 * Carries a source's transparency and metadata to its upscaled result. It lives with the file job,
 * not in {@code dev.wbsr.image}, because resizing the alpha plane uses the MATLAB bicubic of {@code
 * dev.wbsr.metrics}, which itself builds on the image package.
 */
public final class Alpha {

  private Alpha() {}

  /** The source's metadata, and its alpha plane (if any) bicubic-resized to the result's size. */
  public static LoadedImage reattach(LoadedImage source, RgbImage result) {
    GrayPlane alpha = source.alpha();
    if (alpha != null && (alpha.width() != result.width() || alpha.height() != result.height())) {
      alpha = Bicubic.resize(alpha, result.width(), result.height());
    }
    return source.withPixels(result, alpha);
  }
}
