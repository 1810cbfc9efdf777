package dev.wbsr.image;

import java.util.Objects;

/**
 * A decoded image ready for processing: upright 8-bit sRGB pixels, an optional alpha plane of the
 * same size (null when the file had none, or only an opaque one), and the file's metadata.
 */
public record LoadedImage(RgbImage rgb, GrayPlane alpha, ImageMetadata metadata) {

  public LoadedImage {
    Objects.requireNonNull(rgb, "rgb");
    Objects.requireNonNull(metadata, "metadata");
    if (alpha != null && (alpha.width() != rgb.width() || alpha.height() != rgb.height())) {
      throw new IllegalArgumentException(
          "alpha plane is "
              + alpha.width()
              + "x"
              + alpha.height()
              + " but the image is "
              + rgb.width()
              + "x"
              + rgb.height());
    }
  }

  /** Pixels made in memory, without a file behind them. */
  public static LoadedImage of(RgbImage rgb) {
    return new LoadedImage(rgb, null, ImageMetadata.synthetic(rgb.width(), rgb.height()));
  }

  public int width() {
    return rgb.width();
  }

  public int height() {
    return rgb.height();
  }

  public boolean hasAlpha() {
    return alpha != null;
  }

  /**
   * The same file's metadata on new pixels, e.g. the super-resolved result with its alpha plane
   * upscaled separately (bicubic) and re-attached. {@code alpha} may be null.
   */
  public LoadedImage withPixels(RgbImage newRgb, GrayPlane newAlpha) {
    return new LoadedImage(newRgb, newAlpha, metadata);
  }
}
