package dev.wbsr.ui.viewer;

import dev.wbsr.image.RgbImage;

/**
 * Pixels in output coordinates, read in place (no copies). An LR input is shown nearest-neighbour
 * enlarged by {@code factor}.
 */
public record PixelSource(RgbImage image, int factor) {

  public static PixelSource of(RgbImage image) {
    return image == null ? null : new PixelSource(image, 1);
  }

  public static PixelSource enlarged(RgbImage image, int factor) {
    return image == null ? null : new PixelSource(image, factor);
  }

  public int width() {
    return image.width() * factor;
  }

  public int height() {
    return image.height() * factor;
  }

  /** 0xRRGGBB of the output pixel (x, y), which must lie inside. */
  public int rgb(int x, int y) {
    int w = image.width();
    int i = ((y / factor) * w + x / factor) * 3;
    byte[] p = image.rgb();
    return (p[i] & 0xFF) << 16 | (p[i + 1] & 0xFF) << 8 | (p[i + 2] & 0xFF);
  }
}
