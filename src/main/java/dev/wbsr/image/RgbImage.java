package dev.wbsr.image;

import java.util.Objects;

/**
 * An 8-bit RGB raster, pixels interleaved R, G, B, row-major. The one pixel type shared by image
 * I/O, metrics, the pipeline and the UI. Treated as immutable once handed over: code that did not
 * allocate it must not write into {@link #rgb()}.
 */
public record RgbImage(int width, int height, byte[] rgb) {

  public RgbImage {
    Objects.requireNonNull(rgb, "rgb");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    if ((long) width * height * 3 != rgb.length) {
      throw new IllegalArgumentException(
          "pixel buffer holds " + rgb.length + " bytes, expected " + (long) width * height * 3);
    }
  }

  /** A black image; fails clearly when the raster cannot be addressed by one array. */
  public static RgbImage allocate(int width, int height) {
    long bytes = (long) width * height * 3;
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "image of " + width + "x" + height + " is too large for one raster");
    }
    return new RgbImage(width, height, new byte[(int) bytes]);
  }

  /** Channel {@code c} (0 = R, 1 = G, 2 = B) of pixel (x, y) as 0..255. */
  public int sample(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xFF;
  }

  public long pixelCount() {
    return (long) width * height;
  }
}
