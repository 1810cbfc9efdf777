package dev.wbsr.image;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

/** ICC profile helpers: parsing, classification, and colour conversion of RGB byte rasters. */
final class IccColor {

  private static final int STRIP_ROWS = 256;

  private IccColor() {}

  /** The profile, or null when the bytes are not a usable ICC profile. */
  static ICC_Profile parse(byte[] bytes) {
    if (bytes == null || bytes.length < 132) {
      return null;
    }
    try {
      return ColorProfiles.createProfile(bytes.clone()); // it may patch the array it is given
    } catch (RuntimeException e) {
      return null;
    }
  }

  static boolean isRgb(ICC_Profile p) {
    return p != null && p.getColorSpaceType() == ColorSpace.TYPE_RGB;
  }

  /** True for sRGB and profiles equivalent to it; converting such pixels would only add noise. */
  static boolean isSrgb(ICC_Profile p) {
    if (p == null) {
      return true;
    }
    try {
      if (ColorProfiles.isCS_sRGB(p)) {
        return true;
      }
    } catch (RuntimeException e) {
      return false;
    }
    String d = description(p.getData());
    return d != null && d.toLowerCase().replace(" ", "").startsWith("srgbiec61966-2");
  }

  static boolean isSrgb(ColorSpace cs) {
    return cs.isCS_sRGB() || (cs instanceof ICC_ColorSpace icc && isSrgb(icc.getProfile()));
  }

  /**
   * A BufferedImage viewing interleaved 8-bit RGB bytes (rows {@code y0..y0+rows}) in {@code cs}.
   */
  static BufferedImage view(byte[] rgb, int width, int y0, int rows, ColorSpace cs) {
    DataBufferByte buffer = new DataBufferByte(rgb, width * rows * 3, width * y0 * 3);
    WritableRaster raster =
        Raster.createInterleavedRaster(
            buffer, width, rows, width * 3, 3, new int[] {0, 1, 2}, null);
    ComponentColorModel cm =
        new ComponentColorModel(cs, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    return new BufferedImage(cm, raster, false, null);
  }

  /**
   * Converts interleaved RGB bytes from one RGB profile to another, in place, in strips that run in
   * parallel (each with its own transform).
   */
  static void convert(byte[] rgb, int width, int height, ICC_Profile from, ICC_Profile to) {
    ColorSpace src = new ICC_ColorSpace(from);
    ColorSpace dst = new ICC_ColorSpace(to);
    int strips = (height + STRIP_ROWS - 1) / STRIP_ROWS;
    IntStream range = IntStream.range(0, strips);
    if (strips > 1) {
      range = range.parallel();
    }
    range.forEach(
        i -> {
          int y = i * STRIP_ROWS;
          int rows = Math.min(STRIP_ROWS, height - y);
          byte[] tmp = new byte[width * rows * 3];
          new ColorConvertOp(null)
              .filter(view(rgb, width, y, rows, src), view(tmp, width, 0, rows, dst));
          System.arraycopy(tmp, 0, rgb, width * y * 3, width * rows * 3);
        });
  }

  static ICC_Profile srgb() {
    return ICC_Profile.getInstance(ColorSpace.CS_sRGB);
  }

  /** The profile's 'desc' text (ICC v2 textDescription or v4 mluc), or null. */
  static String description(byte[] icc) {
    if (icc == null || icc.length < 132) {
      return null;
    }
    try {
      int count = readInt(icc, 128);
      for (int i = 0; i < count && 132 + 12 * i + 12 <= icc.length; i++) {
        int t = 132 + 12 * i;
        if (readInt(icc, t) == 0x64657363) { // 'desc'
          return readDesc(icc, readInt(icc, t + 4), readInt(icc, t + 8));
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  private static String readDesc(byte[] icc, int off, int size) {
    int type = readInt(icc, off);
    if (type == 0x64657363) { // textDescriptionType: ASCII count then text
      int n = readInt(icc, off + 8);
      int len = Math.min(n, size - 12);
      return trim(new String(icc, off + 12, Math.max(0, len), StandardCharsets.ISO_8859_1));
    }
    if (type == 0x6D6C7563) { // multiLocalizedUnicodeType: first record, UTF-16BE
      int len = readInt(icc, off + 20);
      int at = readInt(icc, off + 24);
      return trim(new String(icc, off + at, len, StandardCharsets.UTF_16BE));
    }
    return null;
  }

  private static String trim(String s) {
    int nul = s.indexOf('\0');
    String t = (nul >= 0 ? s.substring(0, nul) : s).trim();
    return t.isEmpty() ? null : t;
  }

  private static int readInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24)
        | ((b[off + 1] & 0xFF) << 16)
        | ((b[off + 2] & 0xFF) << 8)
        | (b[off + 3] & 0xFF);
  }
}
