package dev.wbsr.metrics;

import dev.wbsr.image.RgbImage;

/** Crops the bottom and right edges so both sides are multiples of the scale (HR before LR). */
public final class ModCrop {

  private ModCrop() {}

  public static RgbImage apply(RgbImage img, int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be at least 1: " + scale);
    }
    int w = img.width() - img.width() % scale;
    int h = img.height() - img.height() % scale;
    if (w == 0 || h == 0) {
      throw new IllegalArgumentException(
          img.width() + "x" + img.height() + " is smaller than the scale " + scale);
    }
    if (w == img.width() && h == img.height()) {
      return img;
    }
    RgbImage out = RgbImage.allocate(w, h);
    for (int y = 0; y < h; y++) {
      System.arraycopy(img.rgb(), y * img.width() * 3, out.rgb(), y * w * 3, w * 3);
    }
    return out;
  }
}
