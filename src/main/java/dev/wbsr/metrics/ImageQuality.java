package dev.wbsr.metrics;

import dev.wbsr.image.RgbImage;

/**
 * PSNR and SSIM on the Y channel, BasicSR conventions (method note, section 8), locked by {@code
 * testvectors/metrics.json}: Y = 16 + (65.481 R + 128.553 G + 24.966 B) / 255 on 0..255, not
 * rounded; {@code shave} pixels cut from every border (the scale, by convention); PSNR = 10
 * log10(255^2 / MSE), +infinity for identical images; SSIM with an 11x11 Gaussian window (sigma
 * 1.5), 'valid' filtering, C1 = (0.01 * 255)^2, C2 = (0.03 * 255)^2, mean of the SSIM map.
 */
public final class ImageQuality {

  private static final int WINDOW = 11;
  private static final double SIGMA = 1.5;
  private static final double C1 = (0.01 * 255) * (0.01 * 255);
  private static final double C2 = (0.03 * 255) * (0.03 * 255);

  private ImageQuality() {}

  /** BT.601 luma of every pixel, row-major, after cutting {@code shave} pixels per border. */
  public static double[] luma(RgbImage img, int shave) {
    checkShave(img, shave);
    int rows = img.height() - 2 * shave;
    double[] y = new double[(img.width() - 2 * shave) * rows];
    luma(img, shave, 0, rows, y);
    return y;
  }

  /** PSNR-Y in dB of {@code img} against {@code ref}; +infinity when Y is identical. */
  public static double psnrY(RgbImage img, RgbImage ref, int shave) {
    // strip by strip, no full luma planes (2 x 384 MB at 8000x6000); the same sums, in the same
    // order, as psnr(luma(img), luma(ref))
    SquaredError e = new SquaredError();
    overStrips(img, ref, shave, STRIP_ROWS, 0, (a, b, w, rows) -> e.add(a, b, w * rows, 0));
    return e.psnr();
  }

  /**
   * {@link #psnrY(RgbImage, RgbImage, int)} against a reference given by its luma plane ({@link
   * #luma(RgbImage, int)} with the same shave): the same value to the last bit, without computing
   * the reference's luma again (the report scores many renders of one image against it).
   */
  public static double psnrY(RgbImage img, double[] refLuma, int shave) {
    checkShave(img, shave);
    int w = img.width() - 2 * shave;
    int h = img.height() - 2 * shave;
    if (refLuma.length != (long) w * h) {
      throw new IllegalArgumentException(
          "reference luma has " + refLuma.length + " values, the shaved image " + w + "x" + h);
    }
    SquaredError e = new SquaredError();
    double[] y = new double[w * Math.min(STRIP_ROWS, h)]; // one strip buffer for all strips
    for (int r0 = 0; r0 < h; r0 += STRIP_ROWS) {
      int rows = Math.min(STRIP_ROWS, h - r0);
      luma(img, shave, r0, rows, y);
      e.add(y, refLuma, w * rows, r0 * w);
    }
    return e.psnr();
  }

  /** SSIM-Y of {@code img} against {@code ref}; needs at least 11x11 pixels after shaving. */
  public static double ssimY(RgbImage img, RgbImage ref, int shave) {
    return ssimY(img, ref, shave, STRIP_ROWS);
  }

  /**
   * SSIM-Y computed over strips of {@code strip} output rows (each with the 10 rows the window
   * needs below it): the same value as {@code ssim(luma(img), luma(ref))} to the last bit, in about
   * 11 strip-sized arrays instead of 11 full-size ones (4 GB at 8000x6000, issue 15).
   */
  static double ssimY(RgbImage img, RgbImage ref, int shave, int strip) {
    checkSameSize(img, ref);
    checkShave(img, shave);
    int w = img.width() - 2 * shave;
    int h = img.height() - 2 * shave;
    if (w < WINDOW || h < WINDOW) {
      throw new IllegalArgumentException("SSIM needs at least 11x11 pixels, got " + w + "x" + h);
    }
    double[] sum = new double[1];
    Buffers buf = new Buffers(w, Math.min(strip, h - WINDOW + 1) + WINDOW - 1);
    overStrips(
        img,
        ref,
        shave,
        strip,
        WINDOW - 1,
        (a, b, width, rows) -> ssimSum(a, b, width, rows, sum, buf));
    return sum[0] / ((double) (w - WINDOW + 1) * (h - WINDOW + 1));
  }

  static final int STRIP_ROWS = 256;

  /**
   * What {@link #overStrips} hands on: both images' luma for the same rows (the first {@code width
   * * rows} values of arrays that serve every strip).
   */
  private interface StripSink {
    void accept(double[] imgLuma, double[] refLuma, int width, int rows);
  }

  /**
   * The one loop over the shaved Y planes: consecutive strips of {@code strip} rows, each with the
   * {@code overlap} rows below it that a window needs (0 for pixel-wise sums), top to bottom.
   */
  private static void overStrips(
      RgbImage img, RgbImage ref, int shave, int strip, int overlap, StripSink sink) {
    checkSameSize(img, ref);
    checkShave(img, shave);
    int starts = img.height() - 2 * shave - overlap;
    int w = img.width() - 2 * shave;
    // one pair of luma arrays for all strips: new ones per strip are humongous garbage at 8000
    // wide, and G1 grew the heap to its limit to keep up (issue 15, Measure Quality)
    double[] a = new double[w * (Math.min(strip, Math.max(starts, 0)) + overlap)];
    double[] b = new double[a.length];
    for (int r0 = 0; r0 < starts; r0 += strip) {
      int rows = Math.min(strip, starts - r0) + overlap;
      luma(img, shave, r0, rows, a);
      luma(ref, shave, r0, rows, b);
      sink.accept(a, b, w, rows);
    }
  }

  /**
   * Luma of {@code rows} rows from row {@code r0} (after shaving), as {@link #luma(RgbImage, int)}.
   */
  private static void luma(RgbImage img, int shave, int r0, int rows, double[] y) {
    int w = img.width() - 2 * shave;
    for (int r = 0; r < rows; r++) {
      for (int x = 0; x < w; x++) {
        y[r * w + x] = luma(img.rgb(), ((r0 + r + shave) * img.width() + x + shave) * 3);
      }
    }
  }

  private static double luma(byte[] rgb, int o) {
    return 16.0
        + (65.481 * (rgb[o] & 0xFF) + 128.553 * (rgb[o + 1] & 0xFF) + 24.966 * (rgb[o + 2] & 0xFF))
            / 255.0;
  }

  private static void checkShave(RgbImage img, int shave) {
    if (shave < 0 || img.width() - 2 * shave <= 0 || img.height() - 2 * shave <= 0) {
      throw new IllegalArgumentException(
          "cannot shave "
              + shave
              + " pixels from a "
              + img.width()
              + "x"
              + img.height()
              + " image");
    }
  }

  /**
   * Sum of squared differences, added in chunks of 4096 pixels in pixel order (the test vectors'
   * rounding), over one or more consecutive pieces of the two planes.
   */
  private static final class SquaredError {
    private double sum;
    private double chunk;
    private long count;

    /** Adds a[i] - b[from + i] for the first {@code n} values of {@code a}. */
    void add(double[] a, double[] b, int n, int from) {
      for (int i = 0; i < n; i++, count++) {
        double d = a[i] - b[from + i];
        chunk += d * d;
        if ((count & 4095) == 4095) {
          sum += chunk;
          chunk = 0;
        }
      }
    }

    double psnr() {
      double mse = (sum + chunk) / count;
      return mse == 0 ? Double.POSITIVE_INFINITY : 10.0 * Math.log10(255.0 * 255.0 / mse);
    }
  }

  /** PSNR of two equally long arrays on the 0..255 scale. */
  public static double psnr(double[] a, double[] b) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException("arrays differ in length: " + a.length + ", " + b.length);
    }
    SquaredError e = new SquaredError();
    e.add(a, b, a.length, 0);
    return e.psnr();
  }

  /** SSIM of two single-channel images of {@code width} columns (0..255). */
  public static double ssim(double[] a, double[] b, int width) {
    int height = a.length / width;
    if (a.length != b.length || height * width != a.length) {
      throw new IllegalArgumentException("images differ in size");
    }
    if (width < WINDOW || height < WINDOW) {
      throw new IllegalArgumentException(
          "SSIM needs at least 11x11 pixels, got " + width + "x" + height);
    }
    double[] sum = new double[1];
    ssimSum(a, b, width, height, sum, new Buffers(width, height));
    return sum[0] / ((double) (width - WINDOW + 1) * (height - WINDOW + 1));
  }

  /** Adds the SSIM map's row sums of {@code a} vs {@code b}, row by row, to {@code total[0]}. */
  private static void ssimSum(
      double[] a, double[] b, int width, int height, double[] total, Buffers buf) {
    double[] g = gaussian();
    int ow = width - WINDOW + 1;
    int oh = height - WINDOW + 1;
    double[] aa = buf.aa;
    double[] bb = buf.bb;
    double[] ab = buf.ab;
    for (int i = 0; i < width * height; i++) {
      aa[i] = a[i] * a[i];
      bb[i] = b[i] * b[i];
      ab[i] = a[i] * b[i];
    }
    double[] mu1 = filterValid(a, width, height, g, buf.vert, buf.filtered[0]);
    double[] mu2 = filterValid(b, width, height, g, buf.vert, buf.filtered[1]);
    double[] e11 = filterValid(aa, width, height, g, buf.vert, buf.filtered[2]);
    double[] e22 = filterValid(bb, width, height, g, buf.vert, buf.filtered[3]);
    double[] e12 = filterValid(ab, width, height, g, buf.vert, buf.filtered[4]);
    for (int r = 0; r < oh; r++) {
      double rowSum = 0;
      for (int x = 0; x < ow; x++) {
        int i = r * ow + x;
        double m1 = mu1[i];
        double m2 = mu2[i];
        double m11 = m1 * m1;
        double m22 = m2 * m2;
        double m12 = m1 * m2;
        double s1 = e11[i] - m11;
        double s2 = e22[i] - m22;
        double s12 = e12[i] - m12;
        rowSum += ((2 * m12 + C1) * (2 * s12 + C2)) / ((m11 + m22 + C1) * (s1 + s2 + C2));
      }
      total[0] += rowSum;
    }
  }

  /** Normalised 1-D Gaussian; the 2-D window is its outer product. */
  static double[] gaussian() {
    double[] g = new double[WINDOW];
    double c = (WINDOW - 1) / 2.0;
    double total = 0;
    for (int i = 0; i < WINDOW; i++) {
      g[i] = Math.exp(-((i - c) * (i - c)) / (2.0 * SIGMA * SIGMA));
      total += g[i];
    }
    for (int i = 0; i < WINDOW; i++) {
      g[i] /= total;
    }
    return g;
  }

  /** The SSIM arrays of one strip (or of a whole image), used again for each strip. */
  private static final class Buffers {
    final double[] aa;
    final double[] bb;
    final double[] ab;
    final double[] vert;
    final double[][] filtered = new double[5][];

    Buffers(int width, int rows) {
      aa = new double[width * rows];
      bb = new double[width * rows];
      ab = new double[width * rows];
      vert = new double[width * (rows - WINDOW + 1)];
      for (int i = 0; i < filtered.length; i++) {
        filtered[i] = new double[(width - WINDOW + 1) * (rows - WINDOW + 1)];
      }
    }
  }

  /** Separable 'valid' filtering into {@code out}: (w - 10) x (h - 10); {@code vert} is scratch. */
  private static double[] filterValid(
      double[] x, int w, int h, double[] g, double[] vert, double[] out) {
    int oh = h - WINDOW + 1;
    int ow = w - WINDOW + 1;
    java.util.Arrays.fill(vert, 0, oh * w, 0.0);
    for (int r = 0; r < oh; r++) {
      for (int k = 0; k < WINDOW; k++) {
        double gk = g[k];
        int s = (r + k) * w;
        int d = r * w;
        for (int col = 0; col < w; col++) {
          vert[d + col] += gk * x[s + col];
        }
      }
    }
    for (int r = 0; r < oh; r++) {
      for (int col = 0; col < ow; col++) {
        double acc = 0;
        int s = r * w + col;
        for (int k = 0; k < WINDOW; k++) {
          acc += g[k] * vert[s + k];
        }
        out[r * ow + col] = acc;
      }
    }
    return out;
  }

  private static void checkSameSize(RgbImage a, RgbImage b) {
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new IllegalArgumentException(
          "images differ in size: "
              + a.width()
              + "x"
              + a.height()
              + " vs "
              + b.width()
              + "x"
              + b.height());
    }
  }
}
