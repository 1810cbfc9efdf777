package dev.wbsr.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The little of EXIF that image I/O needs, working on the raw TIFF-structured block (what a JPEG
 * APP1 segment holds after {@code "Exif\0\0"}, a PNG eXIf chunk, a WebP EXIF chunk): read the
 * orientation, and make a copy for an output whose pixels are already upright and resized.
 * Everything else in the block is carried byte for byte.
 */
public final class Exif {

  static final int TAG_ORIENTATION = 0x0112;
  static final int TAG_EXIF_IFD = 0x8769;
  static final int TAG_PIXEL_X = 0xA002;
  static final int TAG_PIXEL_Y = 0xA003;
  private static final int TYPE_SHORT = 3;
  private static final int TYPE_LONG = 4;
  private static final byte[] APP1_PREFIX = {'E', 'x', 'i', 'f', 0, 0};

  private Exif() {}

  /** Strips a leading {@code "Exif\0\0"} if present; null if the block is not TIFF-structured. */
  public static byte[] normalize(byte[] block) {
    if (block == null) {
      return null;
    }
    byte[] b = block;
    if (b.length >= 6 && Arrays.equals(Arrays.copyOf(b, 6), APP1_PREFIX)) {
      b = Arrays.copyOfRange(b, 6, b.length);
    }
    return order(b) == null ? null : b;
  }

  /** The EXIF orientation 1..8, or 1 when absent or malformed. */
  public static int orientation(byte[] exif) {
    ByteBuffer buf = wrap(exif);
    if (buf == null) {
      return 1;
    }
    int entry = findEntry(buf, ifd0(buf), TAG_ORIENTATION);
    if (entry < 0 || (buf.getShort(entry + 2) & 0xFFFF) != TYPE_SHORT) {
      return 1;
    }
    int v = buf.getShort(entry + 8) & 0xFFFF;
    return v >= 1 && v <= 8 ? v : 1;
  }

  /**
   * A copy for an output of {@code width} x {@code height} upright pixels: orientation set to 1 and
   * PixelXDimension/PixelYDimension updated where present. Patched in place, so offsets and every
   * other tag stay valid.
   */
  public static byte[] forOutput(byte[] exif, int width, int height) {
    ByteBuffer buf = wrap(exif == null ? null : exif.clone());
    if (buf == null) {
      return null;
    }
    int ifd0 = ifd0(buf);
    int entry = findEntry(buf, ifd0, TAG_ORIENTATION);
    if (entry >= 0 && (buf.getShort(entry + 2) & 0xFFFF) == TYPE_SHORT) {
      buf.putShort(entry + 8, (short) 1);
    }
    int exifIfd = findEntry(buf, ifd0, TAG_EXIF_IFD);
    if (exifIfd >= 0) {
      int sub = buf.getInt(exifIfd + 8);
      patchDimension(buf, findEntry(buf, sub, TAG_PIXEL_X), width);
      patchDimension(buf, findEntry(buf, sub, TAG_PIXEL_Y), height);
    }
    return buf.array();
  }

  private static void patchDimension(ByteBuffer buf, int entry, int value) {
    if (entry < 0 || buf.getInt(entry + 4) != 1) {
      return;
    }
    int type = buf.getShort(entry + 2) & 0xFFFF;
    if (type == TYPE_LONG) {
      buf.putInt(entry + 8, value);
    } else if (type == TYPE_SHORT && value <= 0xFFFF) {
      buf.putShort(entry + 8, (short) value);
    }
  }

  private static ByteOrder order(byte[] b) {
    if (b.length < 8) {
      return null;
    }
    if (b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) {
      return ByteOrder.LITTLE_ENDIAN;
    }
    if (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42) {
      return ByteOrder.BIG_ENDIAN;
    }
    return null;
  }

  private static ByteBuffer wrap(byte[] exif) {
    if (exif == null) {
      return null;
    }
    ByteOrder order = order(exif);
    return order == null ? null : ByteBuffer.wrap(exif).order(order);
  }

  private static int ifd0(ByteBuffer buf) {
    return buf.getInt(4);
  }

  /** Offset of the 12-byte entry for {@code tag} in the IFD at {@code ifd}, or -1. */
  private static int findEntry(ByteBuffer buf, int ifd, int tag) {
    int limit = buf.capacity();
    if (ifd < 8 || ifd > limit - 2) {
      return -1;
    }
    int count = buf.getShort(ifd) & 0xFFFF;
    for (int i = 0; i < count; i++) {
      int e = ifd + 2 + 12 * i;
      if (e + 12 > limit) {
        return -1;
      }
      if ((buf.getShort(e) & 0xFFFF) == tag) {
        return e;
      }
    }
    return -1;
  }
}
