package dev.wbsr.image;

import java.util.Objects;

/**
 * An 8-bit single-channel raster, row-major; used for the alpha plane of an image, which is
 * upscaled on its own (bicubic) and re-attached to the super-resolved colour. Treated as immutable
 * once handed over, like {@link RgbImage}.
 */
public record GrayPlane(int width, int height, byte[] data) {

  public GrayPlane {
    Objects.requireNonNull(data, "data");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("plane size must be positive: " + width + "x" + height);
    }
    if ((long) width * height != data.length) {
      throw new IllegalArgumentException(
          "plane holds " + data.length + " bytes, expected " + (long) width * height);
    }
  }

  /** Sample at (x, y) as 0..255. */
  public int sample(int x, int y) {
    return data[y * width + x] & 0xFF;
  }

  /** True when every sample is 255, i.e. the plane carries no transparency. */
  public boolean isOpaque() {
    for (byte b : data) {
      if (b != (byte) 0xFF) {
        return false;
      }
    }
    return true;
  }
}
