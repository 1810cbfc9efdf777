package dev.wbsr.pipeline;

import dev.wbsr.image.RgbImage;

/**
 * Patch scores shared with the Python side and locked by {@code testvectors/complexity.json}:
 * {@code sobel-gradient-sum-v1} (routing classes) and {@code laplacian-mean-v1} (ARM). Definitions
 * in {@code models/README.md}.
 */
public final class Complexity {

  private Complexity() {}

  /**
   * {@code (mean|Gx|, std|Gx|, mean|Gy|, std|Gy|)} of the patch at (x, y, w, h); zeros below 3x3.
   */
  public static double[] gradientVector(RgbImage img, int x, int y, int w, int h) {
    if (w < 3 || h < 3) {
      return new double[4];
    }
    double[] luma = luma(img, x, y, w, h, false);
    int n = (w - 2) * (h - 2);
    double[] ax = new double[n];
    double[] ay = new double[n];
    int i = 0;
    for (int r = 1; r < h - 1; r++) {
      for (int c = 1; c < w - 1; c++) {
        double tl = luma[(r - 1) * w + c - 1],
            tc = luma[(r - 1) * w + c],
            tr = luma[(r - 1) * w + c + 1];
        double ml = luma[r * w + c - 1], mr = luma[r * w + c + 1];
        double bl = luma[(r + 1) * w + c - 1],
            bc = luma[(r + 1) * w + c],
            br = luma[(r + 1) * w + c + 1];
        ax[i] = Math.abs((tr - tl) + 2.0 * (mr - ml) + (br - bl));
        ay[i] = Math.abs((bl - tl) + 2.0 * (bc - tc) + (br - tr));
        i++;
      }
    }
    double mx = mean(ax);
    double my = mean(ay);
    return new double[] {mx, std(ax, mx), my, std(ay, my)};
  }

  /** The scalar score: the sum of the four entries of {@link #gradientVector}. */
  public static double score(RgbImage img, int x, int y, int w, int h) {
    double[] v = gradientVector(img, x, y, w, h);
    return v[0] + v[1] + v[2] + v[3];
  }

  /** Class k in 1..K: {@code 1 + #{j : score >= thresholds[j]}}. */
  public static int classOf(double score, double[] thresholds) {
    int k = 1;
    for (double t : thresholds) {
      if (score >= t) {
        k++;
      }
    }
    return k;
  }

  /** The paper's routing rule: 1-based subnet {@code ceil(k * M / K)} for class k. */
  public static int paperSubnet(int k, int numSubnets, int numClasses) {
    return (k * numSubnets + numClasses - 1) / numClasses;
  }

  /** ARM's {@code laplacian-mean-v1}: mean |Laplacian| of the rounded gray patch; 0 below 3x3. */
  public static double edgeScore(RgbImage img, int x, int y, int w, int h) {
    if (w < 3 || h < 3) {
      return 0;
    }
    double[] g = luma(img, x, y, w, h, true);
    double sum = 0;
    for (int r = 1; r < h - 1; r++) {
      for (int c = 1; c < w - 1; c++) {
        double lap =
            g[(r - 1) * w + c]
                + g[(r + 1) * w + c]
                + g[r * w + c - 1]
                + g[r * w + c + 1]
                - 4.0 * g[r * w + c];
        sum += Math.abs(lap);
      }
    }
    return sum / ((w - 2) * (h - 2));
  }

  private static double[] luma(RgbImage img, int x, int y, int w, int h, boolean rounded) {
    byte[] rgb = img.rgb();
    double[] out = new double[w * h];
    for (int r = 0; r < h; r++) {
      int o = ((y + r) * img.width() + x) * 3;
      for (int c = 0; c < w; c++, o += 3) {
        double v =
            0.299 * (rgb[o] & 0xFF) + 0.587 * (rgb[o + 1] & 0xFF) + 0.114 * (rgb[o + 2] & 0xFF);
        out[r * w + c] = rounded ? Math.floor(v + 0.5) : v;
      }
    }
    return out;
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  private static double std(double[] a, double mean) {
    double s = 0;
    for (double v : a) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / a.length);
  }
}
