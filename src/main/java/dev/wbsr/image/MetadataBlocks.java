package dev.wbsr.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builds the container blocks that carry ICC and EXIF: PNG chunks and JPEG APPn segments. */
final class MetadataBlocks {

  /** Largest EXIF block a JPEG APP1 segment can hold (65533 minus "Exif\0\0"). */
  static final int JPEG_MAX_EXIF = 65533 - 6;

  private static final int JPEG_ICC_CHUNK = 65533 - 14;

  private MetadataBlocks() {}

  /** iCCP (before PLTE/IDAT) and eXIf chunks; either argument may be null. */
  static byte[] pngChunks(byte[] icc, String iccName, byte[] exif) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (icc != null) {
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      data.writeBytes(pngKeyword(iccName));
      data.write(0);
      data.write(0); // compression method: deflate
      data.writeBytes(deflate(icc));
      pngChunk(out, "iCCP", data.toByteArray());
    }
    if (exif != null) {
      pngChunk(out, "eXIf", exif);
    }
    return out.toByteArray();
  }

  /** APP1 Exif then APP2 ICC_PROFILE segments; EXIF too large for one segment is left out. */
  static byte[] jpegSegments(byte[] icc, byte[] exif) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (exif != null && exif.length <= JPEG_MAX_EXIF) {
      segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exif));
    }
    if (icc != null) {
      int count = (icc.length + JPEG_ICC_CHUNK - 1) / JPEG_ICC_CHUNK;
      for (int i = 0; i < count; i++) {
        int from = i * JPEG_ICC_CHUNK;
        int len = Math.min(JPEG_ICC_CHUNK, icc.length - from);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
        data.write(i + 1);
        data.write(count);
        data.write(icc, from, len);
        segment(out, 0xE2, data.toByteArray());
      }
    }
    return out.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
    out.write(0xFF);
    out.write(marker);
    int len = data.length + 2;
    out.write(len >>> 8);
    out.write(len & 0xFF);
    out.writeBytes(data);
  }

  private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
    writeInt(out, data.length);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    writeInt(out, (int) crc.getValue());
  }

  /** A PNG keyword: 1..79 printable Latin-1 characters. */
  private static byte[] pngKeyword(String name) {
    StringBuilder k = new StringBuilder();
    if (name != null) {
      for (char c : name.toCharArray()) {
        if (c >= 32 && c <= 126 && k.length() < 79) {
          k.append(c);
        }
      }
    }
    String s = k.toString().trim().replaceAll(" +", " ");
    return (s.isEmpty() ? "ICC profile" : s).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] deflate(byte[] data) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      d.setInput(data);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
      byte[] buf = new byte[8192];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write((v >>> 16) & 0xFF);
    out.write((v >>> 8) & 0xFF);
    out.write(v & 0xFF);
  }
}
