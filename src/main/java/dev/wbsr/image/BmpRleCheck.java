package dev.wbsr.image;

import dev.wbsr.image.ImageException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Walks a run-length encoded BMP (RLE8 or RLE4) before it is decoded. The readers decode whatever
 * bytes follow the header as RLE commands: a file whose header says RLE8 over raw pixels (issue
 * 14.3) decodes without an error into noise, and runs that spill past a row are cut off quietly.
 * The decode-twice check cannot see this, because the readers fill each row from a zeroed buffer. A
 * well-formed stream keeps every run inside its row and every row inside the image, and ends with
 * an end-of-bitmap mark or after its last row.
 */
final class BmpRleCheck {

  private static final int RLE8 = 1;
  private static final int RLE4 = 2;

  private BmpRleCheck() {}

  static void check(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    if (b.length < 54) {
      return; // the reader reports a short header itself
    }
    ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long headerSize = h.getInt(14) & 0xFFFFFFFFL;
    if (headerSize < 40) {
      return; // OS/2 1.x header: no compression field
    }
    int compression = h.getInt(30);
    if (compression != RLE8 && compression != RLE4) {
      return;
    }
    int bits = h.getShort(28) & 0xFFFF;
    if ((compression == RLE8 && bits != 8) || (compression == RLE4 && bits != 4)) {
      throw damaged(
          file,
          "its header says "
              + (compression == RLE8 ? "RLE8" : "RLE4")
              + " compression on "
              + bits
              + "-bit pixels");
    }
    long width = h.getInt(18);
    long height = Math.abs((long) h.getInt(22));
    long offset = h.getInt(10) & 0xFFFFFFFFL;
    if (width <= 0 || height <= 0 || offset >= b.length) {
      throw damaged(file, "its header gives no pixel data");
    }
    String problem = walk(b, (int) offset, width, height, compression == RLE4);
    if (problem != null) {
      throw damaged(
          file,
          "its "
              + (compression == RLE8 ? "RLE8" : "RLE4")
              + " pixel data "
              + problem
              + "; the header may name the wrong compression");
    }
  }

  /** Null for a well-formed stream, else what is wrong with it. */
  static String walk(byte[] b, int start, long width, long height, boolean nibbles) {
    long x = 0;
    long y = 0;
    int p = start;
    while (true) {
      if (p + 2 > b.length) {
        return y >= height ? null : "ends before its last row";
      }
      int count = b[p] & 0xFF;
      int code = b[p + 1] & 0xFF;
      p += 2;
      if (count > 0) {
        if (y >= height || x + count > width) {
          return "has a run past the end of a row";
        }
        x += count;
      } else if (code == 0) {
        x = 0;
        y++;
        if (y > height) {
          return "has more rows than the image";
        }
      } else if (code == 1) {
        return null;
      } else if (code == 2) {
        if (p + 2 > b.length) {
          return "ends inside a command";
        }
        x += b[p] & 0xFF;
        y += b[p + 1] & 0xFF;
        p += 2;
        if (x > width || y >= height) {
          return "moves past the edge of the image";
        }
      } else {
        if (y >= height || x + code > width) {
          return "has literal pixels past the end of a row";
        }
        int bytes = nibbles ? (code + 1) / 2 : code;
        p += bytes + (bytes & 1);
        if (p > b.length) {
          return "ends inside a command";
        }
        x += code;
      }
    }
  }

  private static ImageException damaged(Path file, String why) {
    return new ImageException(
        Kind.CORRUPT, ImageLoader.name(file) + ": the file is damaged (" + why + ")");
  }
}
