package dev.wbsr.pipeline;

import dev.wbsr.image.RgbImage;
import java.util.Arrays;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The images one session renders into and which subnet each patch shows in each: the session's own
 * SR image (made on first use; the app never needs it) and its callers' targets. Accessed under the
 * session's lock.
 */
final class Canvases {

  private final int width;
  private final int height;
  private final int patches;
  private final int scale;
  private RgbImage own;

  /**
   * Subnet per patch shown in each image, keyed by its pixel array (identity). Weak: a target the
   * caller dropped (a closed view, a sweep's scratch image) is forgotten with it.
   */
  private final Map<byte[], int[]> shown = new WeakHashMap<>();

  Canvases(int width, int height, int patches, int scale) {
    this.width = width;
    this.height = height;
    this.patches = patches;
    this.scale = scale;
  }

  /** The canvas over {@code into} (null: the session's own image). */
  Canvas of(RgbImage into) {
    if (into == null) {
      if (own == null) {
        own = RgbImage.allocate(width, height);
      }
      into = own;
    } else if (into.width() != width || into.height() != height) {
      throw new IllegalArgumentException(
          "target is "
              + into.width()
              + "x"
              + into.height()
              + ", the SR image "
              + width
              + "x"
              + height);
    }
    int[] rendered =
        shown.computeIfAbsent(
            into.rgb(),
            k -> {
              int[] r = new int[patches];
              Arrays.fill(r, UpscaleSession.NOT_RENDERED);
              return r;
            });
    return new Canvas(into, rendered, scale);
  }

  /**
   * Another canvas that shows patch {@code p} on subnet {@code s}, or null: its pixels serve as
   * they are (Measure Quality's supernet takes the patches WBSR already ran on the supernet).
   */
  Canvas showing(Canvas except, int p, int s) {
    for (Map.Entry<byte[], int[]> e : shown.entrySet()) {
      if (e.getKey() != except.image().rgb() && e.getValue()[p] == s) {
        return new Canvas(new RgbImage(width, height, e.getKey()), e.getValue(), scale);
      }
    }
    return null;
  }
}
