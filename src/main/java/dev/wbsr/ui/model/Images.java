package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;

/** Small pixel helpers the UI needs (the real resizing lives in the metrics package). */
public final class Images {

  private Images() {}

  /** Nearest-neighbour enlargement of {@code src} by {@code s} into {@code dst}. */
  public static void enlargeInto(RgbImage src, int s, RgbImage dst) {
    byte[] in = src.rgb();
    byte[] out = dst.rgb();
    int w = Math.min(dst.width(), src.width() * s);
    int h = Math.min(dst.height(), src.height() * s);
    for (int y = 0; y < h; y++) {
      int sy = y / s;
      int o = y * dst.width() * 3;
      for (int x = 0; x < w; x++) {
        int i = (sy * src.width() + x / s) * 3;
        out[o++] = in[i];
        out[o++] = in[i + 1];
        out[o++] = in[i + 2];
      }
    }
  }

  public static RgbImage enlarge(RgbImage src, int s) {
    RgbImage dst = RgbImage.allocate(src.width() * s, src.height() * s);
    enlargeInto(src, s, dst);
    return dst;
  }

  /** A copy (for exports that must not race with a running render). */
  public static RgbImage copy(RgbImage img) {
    return new RgbImage(img.width(), img.height(), img.rgb().clone());
  }
}
