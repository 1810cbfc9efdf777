package dev.wbsr.report;

import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.pipeline.PatchGrid;

/**
 * Squared Y errors of an SR image summed per routing patch: the HR area of each LR patch, inside
 * the border shave of the image PSNR (so the pooled sums over all patches give the image's MSE).
 *
 * @param sse per patch, sum of squared BT.601 Y differences (0..255 scale)
 * @param pixels per patch, HR pixels counted
 */
public record PatchErrors(double[] sse, long[] pixels) {

  public PatchErrors {
    sse = sse.clone();
    pixels = pixels.clone();
  }

  @Override
  public double[] sse() {
    return sse.clone();
  }

  @Override
  public long[] pixels() {
    return pixels.clone();
  }

  /** Errors of {@code sr} against {@code hr}, shaving {@code scale} pixels at every border. */
  public static PatchErrors of(RgbImage sr, RgbImage hr, PatchGrid grid, int scale) {
    if (sr.width() != hr.width() || sr.height() != hr.height()) {
      throw new IllegalArgumentException("SR and HR differ in size");
    }
    double[] a = ImageQuality.luma(sr, 0);
    double[] b = ImageQuality.luma(hr, 0);
    double[] sse = new double[grid.size()];
    long[] pixels = new long[grid.size()];
    int w = hr.width();
    int h = hr.height();
    int step = grid.patchSize() * scale;
    for (int y = scale; y < h - scale; y++) {
      for (int x = scale; x < w - scale; x++) {
        int p = grid.index(x / step, y / step);
        double d = a[y * w + x] - b[y * w + x];
        sse[p] += d * d;
        pixels[p]++;
      }
    }
    return new PatchErrors(sse, pixels);
  }

  /** PSNR-Y of pooled errors (+infinity for none, NaN for no pixels). */
  public static double psnr(double sse, long pixels) {
    if (pixels == 0) {
      return Double.NaN;
    }
    double mse = sse / pixels;
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
  }
}
