package dev.wbsr.ui.viewer;

import javafx.scene.paint.Color;

/** Perceptually uniform colour maps (viridis for classes, inferno for subnet cost). */
public final class ColorMaps {

  private static final int[] VIRIDIS = {
    0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151,
    0xbddf26, 0xfde725
  };
  private static final int[] INFERNO = {
    0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819, 0xfca50a,
    0xf6d746, 0xfcffa4
  };
  public static final int BICUBIC_GREY = 0x9e9e9e;

  private ColorMaps() {}

  /** Class k in 1..K on viridis. */
  public static int classColor(int k, int numClasses) {
    double t = numClasses <= 1 ? 0.5 : (k - 1) / (double) (numClasses - 1);
    return sample(VIRIDIS, t);
  }

  /** Subnet m in 0..M-1 on inferno (cheap = dark violet, supernet = yellow); -1 = bicubic grey. */
  public static int subnetColor(int m, int numSubnets) {
    if (m < 0) {
      return BICUBIC_GREY;
    }
    double t = numSubnets <= 1 ? 1 : m / (double) (numSubnets - 1);
    return sample(INFERNO, 0.18 + 0.8 * t);
  }

  public static Color fx(int rgb) {
    return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
  }

  static int sample(int[] lut, double t) {
    double x = Math.max(0, Math.min(1, t)) * (lut.length - 1);
    int i = Math.min((int) x, lut.length - 2);
    double f = x - i;
    int a = lut[i];
    int b = lut[i + 1];
    int r = (int) Math.round((a >> 16 & 0xFF) * (1 - f) + (b >> 16 & 0xFF) * f);
    int g = (int) Math.round((a >> 8 & 0xFF) * (1 - f) + (b >> 8 & 0xFF) * f);
    int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    return r << 16 | g << 8 | bl;
  }
}
