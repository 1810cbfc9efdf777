package dev.wbsr.ui.core;

import dev.wbsr.image.RgbImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import dev.wbsr.ui.port.Metrics;

/**
 * Resizing and Y-channel metrics for the app. Interim: uses the pipeline's bicubic resampler and
 * the method note's PSNR-Y / SSIM-Y (BT.601 Y, Gaussian 11x11 sigma 1.5 SSIM, border shave) until
 * {@code dev.wbsr.metrics} lands on main.
 */
final class CoreMetrics implements Metrics {


  @Override
  public RgbImage downscale(RgbImage hr, int scale) {
    return resize(hr, (hr.width() + scale - 1) / scale, (hr.height() + scale - 1) / scale);
  }

  @Override
  public RgbImage upscale(RgbImage lr, int scale) {
    return resize(lr, lr.width() * scale, lr.height() * scale);
  }

  static RgbImage resize(RgbImage src, int w, int h) {
    BufferedImage in = new BufferedImage(src.width(), src.height(), BufferedImage.TYPE_INT_RGB);
    int[] px = new int[src.width() * src.height()];
    byte[] p = src.rgb();
    for (int i = 0; i < px.length; i++) {
      px[i] = (p[3 * i] & 0xFF) << 16 | (p[3 * i + 1] & 0xFF) << 8 | p[3 * i + 2] & 0xFF;
    }
    in.setRGB(0, 0, src.width(), src.height(), px, 0, src.width());
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(in, 0, 0, w, h, null);
    g.dispose();
    int[] o = out.getRGB(0, 0, w, h, null, 0, w);
    RgbImage r = RgbImage.allocate(w, h);
    for (int i = 0; i < o.length; i++) {
      r.rgb()[3 * i] = (byte) (o[i] >> 16);
      r.rgb()[3 * i + 1] = (byte) (o[i] >> 8);
      r.rgb()[3 * i + 2] = (byte) o[i];
    }
    return r;
  }

  @Override
  public RgbImage modcrop(RgbImage img, int s) {
    int w = img.width() / s * s;
    int h = img.height() / s * s;
    if (w == img.width() && h == img.height()) {
      return img;
    }
    if (w == 0 || h == 0) {
      throw new IllegalArgumentException("image of " + img.width() + "x" + img.height()
          + " is smaller than the scale " + s);
    }
    RgbImage out = RgbImage.allocate(w, h);
    for (int y = 0; y < h; y++) {
      System.arraycopy(img.rgb(), y * img.width() * 3, out.rgb(), y * w * 3, w * 3);
    }
    return out;
  }

  static double[] luma(RgbImage img, int shave, int w, int h) {
    double[] y = new double[w * h];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        int i = ((r + shave) * img.width() + c + shave) * 3;
        byte[] p = img.rgb();
        y[r * w + c] = 16 + (65.481 * (p[i] & 0xFF) + 128.553 * (p[i + 1] & 0xFF) + 24.966 * (p[i + 2] & 0xFF)) / 255.0;
      }
    }
    return y;
  }

  @Override
  public double psnrY(RgbImage a, RgbImage b, int shave) {
    int w = Math.min(a.width(), b.width()) - 2 * shave;
    int h = Math.min(a.height(), b.height()) - 2 * shave;
    double[] ya = luma(a, shave, w, h);
    double[] yb = luma(b, shave, w, h);
    double se = 0;
    for (int i = 0; i < ya.length; i++) {
      double d = ya[i] - yb[i];
      se += d * d;
    }
    return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / (se / ya.length));
  }

  @Override
  public double ssimY(RgbImage a, RgbImage b, int shave) {
    int w = Math.min(a.width(), b.width()) - 2 * shave;
    int h = Math.min(a.height(), b.height()) - 2 * shave;
    double[] x = luma(a, shave, w, h);
    double[] y = luma(b, shave, w, h);
    double[] g = new double[11];
    double sum = 0;
    for (int i = 0; i < 11; i++) {
      g[i] = Math.exp(-((i - 5) * (i - 5)) / (2 * 1.5 * 1.5));
      sum += g[i];
    }
    for (int i = 0; i < 11; i++) {
      g[i] /= sum;
    }
    double[] mx = blur(x, w, h, g);
    double[] my = blur(y, w, h, g);
    double[] xx = new double[x.length];
    double[] yy = new double[x.length];
    double[] xy = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xx[i] = x[i] * x[i];
      yy[i] = y[i] * y[i];
      xy[i] = x[i] * y[i];
    }
    double[] sxx = blur(xx, w, h, g);
    double[] syy = blur(yy, w, h, g);
    double[] sxy = blur(xy, w, h, g);
    double c1 = Math.pow(0.01 * 255, 2);
    double c2 = Math.pow(0.03 * 255, 2);
    double total = 0;
    int n = 0;
    for (int r = 5; r < h - 5; r++) {
      for (int c = 5; c < w - 5; c++) {
        int i = r * w + c;
        double vx = sxx[i] - mx[i] * mx[i];
        double vy = syy[i] - my[i] * my[i];
        double cv = sxy[i] - mx[i] * my[i];
        total += ((2 * mx[i] * my[i] + c1) * (2 * cv + c2))
            / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
        n++;
      }
    }
    return n == 0 ? 1 : total / n;
  }

  private static double[] blur(double[] v, int w, int h, double[] g) {
    double[] t = new double[v.length];
    double[] o = new double[v.length];
    for (int r = 0; r < h; r++) {
      for (int c = 5; c < w - 5; c++) {
        double s = 0;
        for (int k = 0; k < 11; k++) {
          s += g[k] * v[r * w + c + k - 5];
        }
        t[r * w + c] = s;
      }
    }
    for (int r = 5; r < h - 5; r++) {
      for (int c = 5; c < w - 5; c++) {
        double s = 0;
        for (int k = 0; k < 11; k++) {
          s += g[k] * t[(r + k - 5) * w + c];
        }
        o[r * w + c] = s;
      }
    }
    return o;
  }
}
