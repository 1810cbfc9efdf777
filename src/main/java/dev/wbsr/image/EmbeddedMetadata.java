package dev.wbsr.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * ICC profile and EXIF found in a file's container (PNG chunks, JPEG segments, WebP chunks, PSD
 * image resources, TIFF tags), read without decoding pixels. Damaged metadata is skipped, never
 * fatal: the pixels are what matter.
 *
 * @param icc the embedded ICC profile, or null
 * @param exif TIFF-structured EXIF, or null
 * @param orientation the orientation to apply, 1..8 (1 for formats whose pixels are already upright
 *     by convention, e.g. PSD)
 * @param colorHint how the container says colour is stored, when a reader hides it (a CMYK JPEG
 *     decodes to RGB), or null
 */
record EmbeddedMetadata(byte[] icc, byte[] exif, int orientation, SourceColor colorHint) {

  static final EmbeddedMetadata NONE = new EmbeddedMetadata(null, null, 1, null);

  /** Nothing a sane file embeds is larger; a bigger length means a corrupt file. */
  private static final int MAX_BLOCK = 16 << 20;

  static EmbeddedMetadata scan(ImageFormat format, Path file) {
    try {
      return switch (format) {
        case PNG -> withExif(scanPng(file));
        case JPEG -> withExif(scanJpeg(file));
        case WEBP -> withExif(scanWebp(file));
        case PSD -> scanPsd(file);
        case TIFF -> scanTiff(file);
        case BMP -> NONE;
      };
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }

  private static EmbeddedMetadata withExif(EmbeddedMetadata m) {
    byte[] exif = Exif.normalize(m.exif);
    return new EmbeddedMetadata(m.icc, exif, Exif.orientation(exif), m.colorHint);
  }

  private static EmbeddedMetadata scanPng(Path file) throws IOException {
    byte[] icc = null;
    byte[] exif = null;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(8);
      while (in.getFilePointer() + 8 <= in.length()) {
        long len = in.readInt() & 0xFFFFFFFFL;
        String type = readAscii(in, 4);
        if (type.equals("iCCP") && icc == null) {
          byte[] data = readBlock(in, len);
          int nul = indexOf(data, (byte) 0);
          if (nul >= 0 && nul + 2 <= data.length) {
            icc = inflate(data, nul + 2, data.length - nul - 2);
          }
          in.skipBytes(4);
        } else if (type.equals("eXIf") && exif == null) {
          exif = readBlock(in, len);
          in.skipBytes(4);
        } else if (type.equals("IEND")) {
          break;
        } else {
          in.seek(in.getFilePointer() + len + 4);
        }
      }
    }
    return new EmbeddedMetadata(icc, exif, 1, null);
  }

  private static EmbeddedMetadata scanJpeg(Path file) throws IOException {
    byte[] exif = null;
    SourceColor hint = null;
    TreeMap<Integer, byte[]> iccChunks = new TreeMap<>();
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(2);
      while (true) {
        int b = in.read();
        if (b != 0xFF) {
          break;
        }
        int marker = in.read();
        while (marker == 0xFF) {
          marker = in.read();
        }
        if (marker < 0 || marker == 0xDA || marker == 0xD9) {
          break;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
          continue;
        }
        int len = in.readUnsignedShort() - 2;
        if (len < 0) {
          break;
        }
        if (marker == 0xE1 && exif == null && len > 6) {
          byte[] data = readBlock(in, len);
          if (startsWith(data, "Exif\0\0")) {
            exif = data;
          }
        } else if (marker >= 0xC0
            && marker <= 0xCF
            && marker != 0xC4
            && marker != 0xC8
            && marker != 0xCC
            && len >= 6) {
          byte[] sof = readBlock(in, len);
          hint =
              switch (sof[5]) {
                case 1 -> SourceColor.GRAY;
                case 3 -> SourceColor.RGB;
                case 4 -> SourceColor.CMYK;
                default -> SourceColor.OTHER;
              };
        } else if (marker == 0xE2 && len > 14) {
          byte[] data = readBlock(in, len);
          if (startsWith(data, "ICC_PROFILE\0")) {
            iccChunks.putIfAbsent(data[12] & 0xFF, java.util.Arrays.copyOfRange(data, 14, len));
          }
        } else {
          in.seek(in.getFilePointer() + len);
        }
      }
    }
    return new EmbeddedMetadata(concat(iccChunks.values()), exif, 1, hint);
  }

  private static EmbeddedMetadata scanWebp(Path file) throws IOException {
    byte[] icc = null;
    byte[] exif = null;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(12);
      while (in.getFilePointer() + 8 <= in.length()) {
        String type = readAscii(in, 4);
        long len = Integer.reverseBytes(in.readInt()) & 0xFFFFFFFFL;
        long next = in.getFilePointer() + len + (len & 1);
        if (type.equals("ICCP")) {
          icc = readBlock(in, len);
        } else if (type.equals("EXIF")) {
          exif = readBlock(in, len);
        }
        in.seek(next);
      }
    }
    return new EmbeddedMetadata(icc, exif, 1, null);
  }

  /** PSD pixels are stored upright (Photoshop applies orientation on open): none is applied. */
  private static EmbeddedMetadata scanPsd(Path file) throws IOException {
    byte[] icc = null;
    byte[] exif = null;
    SourceColor hint;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(24);
      hint = in.readUnsignedShort() == 4 ? SourceColor.CMYK : null;
      long modeLen = in.readInt() & 0xFFFFFFFFL;
      in.seek(in.getFilePointer() + modeLen);
      long resLen = in.readInt() & 0xFFFFFFFFL;
      long end = in.getFilePointer() + resLen;
      while (in.getFilePointer() + 12 <= end) {
        in.skipBytes(4); // "8BIM"
        int id = in.readUnsignedShort();
        int nameLen = in.readUnsignedByte();
        in.skipBytes(nameLen + ((nameLen + 1) & 1));
        long len = in.readInt() & 0xFFFFFFFFL;
        long next = in.getFilePointer() + len + (len & 1);
        if (id == 1039) {
          icc = readBlock(in, len);
        } else if (id == 1058) {
          exif = Exif.normalize(readBlock(in, len));
        }
        in.seek(next);
      }
    }
    return new EmbeddedMetadata(icc, exif, 1, hint);
  }

  /**
   * TIFF keeps orientation and ICC as tags of the image itself. Its descriptive IFD0 tags and the
   * EXIF sub-IFD are re-packed into a standalone EXIF block so that outputs can carry them.
   */
  private static EmbeddedMetadata scanTiff(Path file) throws IOException {
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      Directory ifd0 = new TIFFReader().read(in);
      byte[] icc = null;
      Entry iccEntry = ifd0.getEntryById(TIFF.TAG_ICC_PROFILE);
      if (iccEntry != null && iccEntry.getValue() instanceof byte[] bytes) {
        icc = bytes;
      }
      int orientation = 1;
      Entry o = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
      if (o != null && o.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
        orientation = n.intValue();
      }
      return new EmbeddedMetadata(icc, repackExif(ifd0), orientation, null);
    }
  }

  private static final int[] DESCRIPTIVE_TAGS = {
    TIFF.TAG_IMAGE_DESCRIPTION,
    TIFF.TAG_MAKE,
    TIFF.TAG_MODEL,
    TIFF.TAG_SOFTWARE,
    TIFF.TAG_DATE_TIME,
    TIFF.TAG_ARTIST,
    TIFF.TAG_COPYRIGHT,
    TIFF.TAG_EXIF_IFD,
    TIFF.TAG_GPS_IFD
  };

  private static byte[] repackExif(Directory ifd0) throws IOException {
    List<Entry> kept = new ArrayList<>();
    for (int tag : DESCRIPTIVE_TAGS) {
      Entry e = ifd0.getEntryById(tag);
      if (e != null) {
        kept.add(e);
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      new TIFFWriter().write(kept, out);
    }
    return bytes.toByteArray();
  }

  private static String readAscii(RandomAccessFile in, int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private static byte[] readBlock(RandomAccessFile in, long len) throws IOException {
    if (len > MAX_BLOCK || in.getFilePointer() + len > in.length()) {
      throw new EOFException("metadata block runs past the end of the file");
    }
    byte[] b = new byte[(int) len];
    in.readFully(b);
    return b;
  }

  private static byte[] inflate(byte[] data, int off, int len) throws IOException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data, off, len);
      ByteArrayOutputStream out = new ByteArrayOutputStream(len * 3);
      byte[] buf = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buf);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new EOFException("truncated iCCP chunk");
        }
        out.write(buf, 0, n);
        if (out.size() > MAX_BLOCK) {
          throw new IOException("ICC profile too large");
        }
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IOException("damaged iCCP chunk", e);
    } finally {
      inflater.end();
    }
  }

  private static byte[] concat(Iterable<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.size() == 0 ? null : out.toByteArray();
  }

  private static int indexOf(byte[] data, byte value) {
    for (int i = 0; i < data.length; i++) {
      if (data[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] data, String prefix) {
    if (data.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (data[i] != (byte) prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
