package dev.wbsr.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns whatever a reader decoded into 8-bit sRGB plus an alpha plane. Samples of other bit depths
 * are rescaled with rounding (16-bit v becomes round(v * 255 / 65535)). Gray samples are taken as
 * sRGB-encoded gray; RGB in a non-sRGB colour space and CMYK go through a colour conversion.
 */
final class PixelConverter {

  /** The converted pixels and what was learned on the way. */
  record Result(
      RgbImage rgb,
      GrayPlane alpha,
      SourceColor color,
      int bits,
      boolean hadAlpha,
      boolean converted) {}

  private PixelConverter() {}

  /**
   * @param fileProfile an RGB profile embedded in the file that the reader did not attach to the
   *     decoded image (so pixels are still in that space), or null
   */
  static Result convert(BufferedImage img, ICC_Profile fileProfile) {
    if (img.getColorModel().isAlphaPremultiplied()) {
      img.coerceData(false);
    }
    ColorModel cm = img.getColorModel();
    Raster r = img.getRaster();
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] rgb = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
    byte[] alpha = cm.hasAlpha() ? new byte[w * h] : null;
    ColorSpace cs = cm.getColorSpace();
    int dataType = r.getDataBuffer().getDataType();
    boolean integral =
        dataType == DataBuffer.TYPE_BYTE
            || dataType == DataBuffer.TYPE_USHORT
            || dataType == DataBuffer.TYPE_INT;
    SourceColor color;
    boolean converted = false;
    int bits = cm.getComponentSize(0);
    if (cm instanceof IndexColorModel icm) {
      color = SourceColor.PALETTE;
      bits = icm.getPixelSize();
      palette(icm, r, rgb, alpha);
    } else if (integral
        && cs.getType() == ColorSpace.TYPE_GRAY
        && cm.getNumColorComponents() == 1) {
      color = SourceColor.GRAY;
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        scaledRow(r, y, 0, cm.getComponentSize(0), row);
        for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
          rgb[o] = rgb[o + 1] = rgb[o + 2] = (byte) row[x];
        }
      }
    } else if (integral && cs.getType() == ColorSpace.TYPE_RGB && IccColor.isSrgb(cs)) {
      color = SourceColor.RGB;
      int[] row = new int[w];
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < h; y++) {
          scaledRow(r, y, c, cm.getComponentSize(c), row);
          for (int x = 0, o = y * w * 3 + c; x < w; x++, o += 3) {
            rgb[o] = (byte) row[x];
          }
        }
      }
    } else {
      color =
          switch (cs.getType()) {
            case ColorSpace.TYPE_RGB -> SourceColor.RGB;
            case ColorSpace.TYPE_CMYK -> SourceColor.CMYK;
            case ColorSpace.TYPE_GRAY -> SourceColor.GRAY;
            default -> SourceColor.OTHER;
          };
      converted = !IccColor.isSrgb(cs);
      BufferedImage dst = IccColor.view(rgb, w, 0, h, ColorSpace.getInstance(ColorSpace.CS_sRGB));
      new ColorConvertOp(null).filter(img, dst);
    }
    if (alpha != null && !(cm instanceof IndexColorModel)) {
      int band = cm.getNumComponents() - 1;
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        if (integral) {
          scaledRow(r, y, band, cm.getComponentSize(band), row);
        } else {
          floatRow(r, y, band, row);
        }
        for (int x = 0; x < w; x++) {
          alpha[y * w + x] = (byte) row[x];
        }
      }
    }
    if (fileProfile != null
        && !converted
        && color != SourceColor.GRAY
        && IccColor.isRgb(fileProfile)
        && !IccColor.isSrgb(fileProfile)) {
      IccColor.convert(rgb, w, h, fileProfile, IccColor.srgb());
      converted = true;
    }
    RgbImage out = new RgbImage(w, h, rgb);
    GrayPlane a = alpha == null ? null : new GrayPlane(w, h, alpha);
    boolean hadAlpha = a != null;
    if (a != null && a.isOpaque()) {
      a = null;
    }
    return new Result(out, a, color, bits, hadAlpha, converted);
  }

  private static void palette(IndexColorModel icm, Raster r, byte[] rgb, byte[] alpha) {
    int n = icm.getMapSize();
    byte[] reds = new byte[n];
    byte[] greens = new byte[n];
    byte[] blues = new byte[n];
    byte[] alphas = new byte[n];
    icm.getReds(reds);
    icm.getGreens(greens);
    icm.getBlues(blues);
    icm.getAlphas(alphas);
    int w = r.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < r.getHeight(); y++) {
      r.getSamples(0, y, w, 1, 0, row);
      for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
        int i = Math.min(row[x], n - 1);
        rgb[o] = reds[i];
        rgb[o + 1] = greens[i];
        rgb[o + 2] = blues[i];
        if (alpha != null) {
          alpha[y * w + x] = alphas[i];
        }
      }
    }
  }

  /** One row of band {@code b}, rescaled from {@code bits} to 0..255 with rounding. */
  private static void scaledRow(Raster r, int y, int b, int bits, int[] row) {
    int w = r.getWidth();
    r.getSamples(0, y, w, 1, b, row);
    if (bits == 8) {
      return;
    }
    long max = (1L << bits) - 1;
    for (int x = 0; x < w; x++) {
      long v = row[x] & 0xFFFFFFFFL;
      row[x] = (int) Math.min(255, (v * 255 + max / 2) / max);
    }
  }

  private static void floatRow(Raster r, int y, int b, int[] row) {
    int w = r.getWidth();
    float[] f = r.getSamples(0, y, w, 1, b, (float[]) null);
    for (int x = 0; x < w; x++) {
      row[x] = (int) Math.max(0, Math.min(255, Math.round(f[x] * 255.0)));
    }
  }
}
