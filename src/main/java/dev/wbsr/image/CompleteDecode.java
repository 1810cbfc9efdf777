package dev.wbsr.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image so that a decoder that stops early is caught. Some decoders (TwelveMonkeys'
 * lossless WebP, LZW TIFF, BMP) return without an error when their data runs out, leaving the rest
 * of the image at whatever the destination held. So the image is decoded twice, into a destination
 * of all-zero samples and one of all-one bits: a pixel the decoder wrote is equal in both, a pixel
 * it never reached is not. This costs a second decode, for the formats whose readers are known to
 * stop silently only; the other readers report truncation themselves.
 */
final class CompleteDecode {

  private CompleteDecode() {}

  /** Whether {@code format}'s reader needs the second decode. */
  static boolean needed(ImageFormat format) {
    // not PSD: its reader flushes the stream, so it cannot be read a second time
    return format == ImageFormat.WEBP || format == ImageFormat.TIFF || format == ImageFormat.BMP;
  }

  /**
   * Reads image 0 of {@code in}; throws {@link Incomplete} if some pixels were never written. With
   * a reader that does not accept a destination, falls back to one plain read.
   */
  static BufferedImage read(ImageReader reader, ImageInputStream in) throws IOException {
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    ImageTypeSpecifier type = types != null && types.hasNext() ? types.next() : null;
    int w = reader.getWidth(0);
    int h = reader.getHeight(0);
    if (type == null) {
      return reader.read(0);
    }
    BufferedImage zeros;
    BufferedImage ones;
    try {
      zeros = type.createBufferedImage(w, h);
      ones = type.createBufferedImage(w, h);
    } catch (IllegalArgumentException e) {
      return reader.read(0);
    }
    if (!fill(ones.getRaster())) {
      return reader.read(0);
    }
    BufferedImage first = readInto(reader, zeros);
    if (first != zeros) {
      return first; // the reader chose its own destination: no way to tell, keep its result
    }
    in.seek(0);
    reader.setInput(in, false, false);
    BufferedImage second = readInto(reader, ones);
    if (second != ones || !sameData(zeros.getRaster(), ones.getRaster())) {
      throw new Incomplete();
    }
    return zeros;
  }

  /** The decoder left pixels unwritten: the file ends early or its data is damaged. */
  static final class Incomplete extends IOException {
    Incomplete() {
      super("the decoder stopped before the end of the image");
    }
  }

  private static BufferedImage readInto(ImageReader reader, BufferedImage dest) throws IOException {
    ImageReadParam p = reader.getDefaultReadParam();
    p.setDestination(dest);
    return reader.read(0, p);
  }

  /** Sets every bit of the raster's samples; false for data buffers this does not handle. */
  private static boolean fill(WritableRaster r) {
    DataBuffer b = r.getDataBuffer();
    for (int bank = 0; bank < b.getNumBanks(); bank++) {
      if (b instanceof DataBufferByte d) {
        Arrays.fill(d.getData(bank), (byte) 0xFF);
      } else if (b instanceof DataBufferUShort d) {
        Arrays.fill(d.getData(bank), (short) 0xFFFF);
      } else if (b instanceof DataBufferInt d) {
        Arrays.fill(d.getData(bank), -1);
      } else {
        return false;
      }
    }
    return true;
  }

  /** Compares samples, not buffer bits: padding and unused bits may legitimately differ. */
  private static boolean sameData(WritableRaster a, WritableRaster b) {
    int w = a.getWidth();
    int[] x = null;
    int[] y = null;
    for (int row = 0; row < a.getHeight(); row++) {
      x = a.getPixels(0, row, w, 1, x);
      y = b.getPixels(0, row, w, 1, y);
      if (!Arrays.equals(x, y)) {
        return false;
      }
    }
    return true;
  }
}
