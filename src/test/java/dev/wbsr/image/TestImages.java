package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Builds test inputs in code: pixel patterns, files via ImageIO, raw PNG/JPEG/PSD surgery. */
final class TestImages {

  private TestImages() {}

  /** Every pixel distinct enough that a wrong mapping shows. */
  static RgbImage pattern(int w, int h) {
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * 3;
        px[o] = (byte) (x * 37 + y * 11);
        px[o + 1] = (byte) (x * 7 + y * 53 + 20);
        px[o + 2] = (byte) (x * x + y * 3 + 99);
      }
    }
    return new RgbImage(w, h, px);
  }

  /** A smooth image, which survives JPEG compression within a few levels. */
  static RgbImage smooth(int w, int h) {
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * 3;
        px[o] = (byte) (40 + 150 * x / w);
        px[o + 1] = (byte) (60 + 120 * y / h);
        px[o + 2] = (byte) 150;
      }
    }
    return new RgbImage(w, h, px);
  }

  static BufferedImage toBuffered(RgbImage img) {
    BufferedImage bi = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        bi.setRGB(x, y, img.sample(x, y, 0) << 16 | img.sample(x, y, 1) << 8 | img.sample(x, y, 2));
      }
    }
    return bi;
  }

  static Path write(BufferedImage img, String format, Path file) throws IOException {
    assertThat(ImageIO.write(img, format, file.toFile()))
        .as("writer for " + format + " " + img)
        .isTrue();
    return file;
  }

  /** Byte-array equality without dumping megabytes into the report. */
  static void assertSameBytes(byte[] actual, byte[] expected) {
    assertThat(actual).as("bytes").isNotNull();
    int first = java.util.Arrays.mismatch(actual, expected);
    assertThat(first)
        .as("first differing byte (lengths %d vs %d)", actual.length, expected.length)
        .isEqualTo(-1);
  }

  /** Writes with the JDK's own plugin for {@code format} (e.g. its TIFF writer, for 16-bit). */
  static Path writeWithJdk(BufferedImage img, String format, Path file) throws IOException {
    for (var it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
      javax.imageio.ImageWriter w = it.next();
      if (w.getClass().getName().startsWith("com.sun.")) {
        try (var out = ImageIO.createImageOutputStream(file.toFile())) {
          w.setOutput(out);
          w.write(img);
        } finally {
          w.dispose();
        }
        return file;
      }
    }
    throw new AssertionError("no JDK writer for " + format);
  }

  static int maxDiff(RgbImage a, RgbImage b) {
    assertThat(a.width()).isEqualTo(b.width());
    assertThat(a.height()).isEqualTo(b.height());
    int max = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      max = Math.max(max, Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF)));
    }
    return max;
  }

  /** A TIFF-structured EXIF block: IFD0 with Make and Orientation, optionally little-endian. */
  static byte[] exif(int orientation, String make, boolean littleEndian) {
    byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(8 + 2 + 24 + 4 + makeBytes.length);
    b.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    b.put(littleEndian ? new byte[] {'I', 'I', 42, 0} : new byte[] {'M', 'M', 0, 42});
    b.putInt(8);
    b.putShort((short) 2);
    b.putShort((short) 0x010F).putShort((short) 2).putInt(makeBytes.length).putInt(38);
    b.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    b.putInt(0);
    b.put(makeBytes);
    return b.array();
  }

  /** Inserts a chunk right after IHDR. */
  static void insertPngChunk(Path png, String type, byte[] data) throws IOException {
    byte[] file = Files.readAllBytes(png);
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(chunk);
    out.writeInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeInt((int) crc.getValue());
    Files.write(png, splice(file, 33, chunk.toByteArray()));
  }

  /** An iCCP chunk body: name, NUL, method 0, zlib data. */
  static byte[] iccpChunk(byte[] icc) {
    Deflater d = new Deflater();
    d.setInput(icc);
    d.finish();
    byte[] buf = new byte[icc.length + 1024];
    int n = d.deflate(buf);
    d.end();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("test profile".getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.write(0);
    out.write(buf, 0, n);
    return out.toByteArray();
  }

  /** Inserts a segment right after SOI. */
  static void insertJpegSegment(Path jpg, int marker, byte[] data) throws IOException {
    byte[] seg = new byte[data.length + 4];
    seg[0] = (byte) 0xFF;
    seg[1] = (byte) marker;
    seg[2] = (byte) ((data.length + 2) >> 8);
    seg[3] = (byte) (data.length + 2);
    System.arraycopy(data, 0, seg, 4, data.length);
    Files.write(jpg, splice(Files.readAllBytes(jpg), 2, seg));
  }

  static byte[] withPrefix(String prefix, byte[] data) {
    byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
    return splice(data, 0, p);
  }

  static byte[] splice(byte[] file, int at, byte[] insert) {
    byte[] r = new byte[file.length + insert.length];
    System.arraycopy(file, 0, r, 0, at);
    System.arraycopy(insert, 0, r, at, insert.length);
    System.arraycopy(file, at, r, at + insert.length, file.length - at);
    return r;
  }

  /**
   * A minimal PSD (version 1, raw image data, no layers).
   *
   * @param mode 1 gray, 3 RGB, 4 CMYK
   * @param planes channel planes, each width*height samples of depth bits (big-endian if 16)
   * @param icc an ICC profile for image resource 1039, or null
   */
  static Path psd(Path file, int w, int h, int depth, int mode, int[][] planes, byte[] icc)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeBytes("8BPS");
    out.writeShort(1);
    out.write(new byte[6]);
    out.writeShort(planes.length);
    out.writeInt(h);
    out.writeInt(w);
    out.writeShort(depth);
    out.writeShort(mode);
    out.writeInt(0); // colour mode data
    if (icc == null) {
      out.writeInt(0);
    } else {
      int padded = icc.length + (icc.length & 1);
      out.writeInt(4 + 2 + 2 + 4 + padded);
      out.writeBytes("8BIM");
      out.writeShort(1039);
      out.writeShort(0); // empty Pascal name, padded to even
      out.writeInt(icc.length);
      out.write(icc);
      if ((icc.length & 1) == 1) {
        out.write(0);
      }
    }
    out.writeInt(0); // layer and mask info
    out.writeShort(0); // raw
    for (int[] plane : planes) {
      for (int v : plane) {
        if (depth == 16) {
          out.writeShort(v);
        } else {
          out.write(v);
        }
      }
    }
    Files.write(file, bytes.toByteArray());
    return file;
  }
}
