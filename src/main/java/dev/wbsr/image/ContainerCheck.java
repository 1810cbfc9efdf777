package dev.wbsr.image;

import dev.wbsr.image.ImageException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks, before decoding, that the sizes and offsets a WebP or TIFF file's structure declares lie
 * inside the file. TwelveMonkeys' lossless WebP reader decodes a truncated file without an error
 * (its bit reader reads zeros past the end) and its TIFF reader stops quietly at the end of a
 * truncated strip; both would hand back an image with wrong pixels. libwebp refuses such files.
 */
final class ContainerCheck {

  private ContainerCheck() {}

  static void check(ImageFormat format, Path file) throws IOException {
    if (format == ImageFormat.BMP) {
      BmpRleCheck.check(file);
      return;
    }
    if (format != ImageFormat.WEBP && format != ImageFormat.TIFF) {
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (format == ImageFormat.WEBP) {
        webp(ch, size, file);
      } else {
        tiff(ch, size, file);
      }
    }
  }

  /** RIFF size and every chunk must fit in the file, as libwebp demands. */
  private static void webp(FileChannel ch, long size, Path file) throws IOException {
    ByteBuffer head = read(ch, 0, 12, ByteOrder.LITTLE_ENDIAN, file);
    long riffEnd = 8 + (head.getInt(4) & 0xFFFFFFFFL);
    if (riffEnd > size) {
      throw truncated(file, riffEnd, size);
    }
    if (riffEnd < 12 + 8) {
      throw damaged(file, "its RIFF header gives an impossible size");
    }
    long pos = 12;
    int chunks = 0;
    int[] canvas = null;
    while (pos + 8 <= riffEnd) {
      ByteBuffer h = read(ch, pos, 8, ByteOrder.LITTLE_ENDIAN, file);
      long len = h.getInt(4) & 0xFFFFFFFFL;
      long end = pos + 8 + len;
      if (end > riffEnd) {
        throw end > size
            ? truncated(file, end, size)
            : damaged(file, "a chunk runs past the end of its RIFF container");
      }
      int type = h.getInt(0);
      if (type == VP8X && len >= 10) {
        ByteBuffer p = read(ch, pos + 8, 10, ByteOrder.LITTLE_ENDIAN, file);
        canvas = new int[] {u24(p, 4) + 1, u24(p, 7) + 1};
      } else if ((type == VP8 && len >= 10) || (type == VP8L && len >= 5)) {
        int[] frame =
            frameSize(
                read(ch, pos + 8, type == VP8 ? 10 : 5, ByteOrder.LITTLE_ENDIAN, file),
                type == VP8);
        // The decoders size their buffers from the bitstream's own header, not the canvas: a
        // damaged one made TwelveMonkeys allocate a gigabyte and decode for minutes.
        if (frame == null) {
          throw damaged(file, "its image data does not start like a WebP bitstream");
        }
        if (canvas != null && (frame[0] != canvas[0] || frame[1] != canvas[1])) {
          throw damaged(
              file,
              String.format(
                  java.util.Locale.ROOT,
                  "its image data is %d x %d pixels but its header says %d x %d",
                  frame[0],
                  frame[1],
                  canvas[0],
                  canvas[1]));
        }
      }
      pos = end + (len & 1);
      chunks++;
    }
    if (chunks == 0) {
      throw damaged(file, "it holds no image data");
    }
  }

  private static final int VP8X = 0x58385056; // "VP8X" little-endian
  private static final int VP8 = 0x20385056; // "VP8 "
  private static final int VP8L = 0x4C385056; // "VP8L"

  private static int u24(ByteBuffer b, int at) {
    return (b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8 | (b.get(at + 2) & 0xFF) << 16;
  }

  /** Width and height a VP8 key frame or VP8L header declares, or null if it has no header. */
  private static int[] frameSize(ByteBuffer p, boolean lossy) {
    if (lossy) {
      if ((p.get(3) & 0xFF) != 0x9D || p.get(4) != 0x01 || p.get(5) != 0x2A) {
        return null;
      }
      return new int[] {p.getShort(6) & 0x3FFF, p.getShort(8) & 0x3FFF};
    }
    if ((p.get(0) & 0xFF) != 0x2F) {
      return null;
    }
    int bits = p.getInt(1);
    return new int[] {(bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1};
  }

  private static final int STRIP_OFFSETS = 273;
  private static final int STRIP_BYTE_COUNTS = 279;
  private static final int TILE_OFFSETS = 324;
  private static final int TILE_BYTE_COUNTS = 325;

  /** The first IFD's strips or tiles (offset + byte count) must lie inside the file. */
  private static void tiff(FileChannel ch, long size, Path file) throws IOException {
    ByteBuffer head = read(ch, 0, 8, ByteOrder.BIG_ENDIAN, file);
    ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    head.order(order);
    if ((head.getShort(2) & 0xFFFF) != 42) {
      return; // BigTIFF (43): left to the reader
    }
    long ifd = head.getInt(4) & 0xFFFFFFFFL;
    if (ifd + 2 > size) {
      throw truncated(file, ifd + 2, size);
    }
    int n = read(ch, ifd, 2, order, file).getShort(0) & 0xFFFF;
    if (ifd + 2 + 12L * n > size) {
      throw truncated(file, ifd + 2 + 12L * n, size);
    }
    ByteBuffer entries = read(ch, ifd + 2, 12 * n, order, file);
    long[] offsets = null;
    long[] counts = null;
    for (int i = 0; i < n; i++) {
      int tag = entries.getShort(12 * i) & 0xFFFF;
      if (tag == STRIP_OFFSETS || tag == TILE_OFFSETS) {
        offsets = values(ch, entries, 12 * i, order, size, file);
      } else if (tag == STRIP_BYTE_COUNTS || tag == TILE_BYTE_COUNTS) {
        counts = values(ch, entries, 12 * i, order, size, file);
      }
    }
    if (offsets == null || counts == null) {
      return; // the reader reports missing tags itself
    }
    if (offsets.length != counts.length) {
      throw damaged(file, "its strip offsets and byte counts disagree");
    }
    for (int i = 0; i < offsets.length; i++) {
      if (offsets[i] + counts[i] > size) {
        throw truncated(file, offsets[i] + counts[i], size);
      }
    }
  }

  /** A SHORT or LONG array entry's values, inline or at their offset. */
  private static long[] values(
      FileChannel ch, ByteBuffer e, int at, ByteOrder order, long size, Path file)
      throws IOException {
    int type = e.getShort(at + 2) & 0xFFFF;
    long count = e.getInt(at + 4) & 0xFFFFFFFFL;
    int unit = type == 3 ? 2 : type == 4 ? 4 : 0;
    if (unit == 0 || count > 1_000_000) {
      throw damaged(file, "its strip table is malformed");
    }
    long bytes = unit * count;
    ByteBuffer data;
    if (bytes <= 4) {
      data = e.duplicate().order(order);
      data.position(at + 8);
      data = data.slice().order(order);
    } else {
      long off = e.getInt(at + 8) & 0xFFFFFFFFL;
      if (off + bytes > size) {
        throw truncated(file, off + bytes, size);
      }
      data = read(ch, off, (int) bytes, order, file);
    }
    long[] out = new long[(int) count];
    for (int i = 0; i < count; i++) {
      out[i] = unit == 2 ? data.getShort(2 * i) & 0xFFFF : data.getInt(4 * i) & 0xFFFFFFFFL;
    }
    return out;
  }

  private static ByteBuffer read(FileChannel ch, long pos, int len, ByteOrder order, Path file)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(len).order(order);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        throw truncated(file, pos + len, ch.size());
      }
    }
    return b.flip();
  }

  private static ImageException truncated(Path file, long needed, long size) {
    return new ImageException(
        Kind.CORRUPT,
        String.format(
            java.util.Locale.ROOT,
            "%s: the file is truncated (its structure needs %d bytes, it has %d); copy it again from"
                + " its source",
            ImageLoader.name(file),
            needed,
            size));
  }

  private static ImageException damaged(Path file, String why) {
    return new ImageException(
        Kind.CORRUPT, ImageLoader.name(file) + ": the file is damaged (" + why + ")");
  }
}
