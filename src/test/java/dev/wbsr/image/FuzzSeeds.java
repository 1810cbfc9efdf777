package dev.wbsr.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * The valid files the image fuzzer mutates: a few small images of every format {@link ImageLoader}
 * reads, in the encodings whose readers behave differently (raw, LZW and Deflate TIFF; palette, RLE
 * and 24-bit BMP; baseline and progressive JPEG; lossless and lossy WebP), with the byte ranges
 * that hold each file's structure (headers, chunk and segment lengths, IFDs).
 */
public final class FuzzSeeds {

  /** One seed file: its bytes, the pixels it decodes to, and where its structure lies. */
  public record Seed(
      String name, ImageFormat format, byte[] bytes, RgbImage pixels, List<int[]> structure) {}

  private FuzzSeeds() {}

  /** Writes the seeds into {@code dir} and decodes each once with {@code loader}. */
  public static List<Seed> make(Path dir, ImageLoader loader) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    BufferedImage rgb = TestImages.toBuffered(TestImages.pattern(48, 40));
    BufferedImage argb = new BufferedImage(40, 32, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 40; x++) {
        argb.setRGB(x, y, (x * 6) << 24 | (x * 5) << 16 | (y * 7) << 8 | (x ^ y));
      }
    }
    files.add(TestImages.write(rgb, "png", dir.resolve("rgb.png")));
    files.add(TestImages.write(argb, "png", dir.resolve("argb.png")));
    files.add(TestImages.write(palette8(36, 28), "png", dir.resolve("palette.png")));
    BufferedImage smooth = TestImages.toBuffered(TestImages.smooth(64, 48));
    files.add(TestImages.write(smooth, "jpeg", dir.resolve("baseline.jpg")));
    files.add(writeWith(smooth, "jpeg", null, true, dir.resolve("progressive.jpg")));
    files.add(TestImages.writeWithJdk(rgb, "tiff", dir.resolve("raw.tif")));
    files.add(writeWith(rgb, "tiff", "LZW", false, dir.resolve("lzw.tif")));
    files.add(writeWith(rgb, "tiff", "Deflate", false, dir.resolve("deflate.tif")));
    for (String webp : new String[] {"rgba-lossless.webp", "gray-linear-icc-orient6.webp"}) {
      Path copy = dir.resolve(webp);
      Files.write(copy, Files.readAllBytes(Path.of("src/test/resources/images", webp)));
      files.add(copy);
    }
    files.add(TestImages.writeWithJdk(rgb, "bmp", dir.resolve("rgb24.bmp")));
    files.add(TestImages.writeWithJdk(palette8(36, 28), "bmp", dir.resolve("palette8.bmp")));
    files.add(writeWith(palette8(36, 28), "bmp", "BI_RLE8", false, dir.resolve("rle8.bmp")));
    int[][] planes = new int[3][32 * 24];
    for (int i = 0; i < planes[0].length; i++) {
      planes[0][i] = (i * 7) & 0xFF;
      planes[1][i] = (i / 32 * 9) & 0xFF;
      planes[2][i] = (i * 3 + 40) & 0xFF;
    }
    files.add(TestImages.psd(dir.resolve("rgb.psd"), 32, 24, 8, 3, planes, null));
    List<Seed> seeds = new ArrayList<>();
    for (Path f : files) {
      LoadedImage img = loader.load(f);
      byte[] bytes = Files.readAllBytes(f);
      ImageFormat format = img.metadata().format();
      seeds.add(
          new Seed(f.getFileName().toString(), format, bytes, img.rgb(), structure(format, bytes)));
    }
    return seeds;
  }

  private static BufferedImage palette8(int w, int h) {
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] b = new byte[256];
    for (int i = 0; i < 256; i++) {
      r[i] = (byte) i;
      g[i] = (byte) (255 - i);
      b[i] = (byte) (i * 3);
    }
    BufferedImage img =
        new BufferedImage(
            w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, b));
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.getRaster().setSample(x, y, 0, ((x / 4) * 11 + y * 5) & 0xFF);
      }
    }
    return img;
  }

  /** Writes with the JDK's plugin, with a compression type and/or progressive mode. */
  private static Path writeWith(
      BufferedImage img, String format, String compression, boolean progressive, Path file)
      throws IOException {
    ImageWriter w = null;
    for (var it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
      ImageWriter candidate = it.next();
      if (w == null || candidate.getClass().getName().startsWith("com.sun.")) {
        w = candidate;
      }
    }
    try (var out = ImageIO.createImageOutputStream(file.toFile())) {
      w.setOutput(out);
      ImageWriteParam p = w.getDefaultWriteParam();
      if (compression != null) {
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionType(compression);
      }
      if (progressive) {
        p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      w.write(null, new IIOImage(img, null, null), p);
    } finally {
      w.dispose();
    }
    return file;
  }

  /** Byte ranges {start, end} holding the file's structure, where a corrupted field hurts most. */
  static List<int[]> structure(ImageFormat format, byte[] b) {
    List<int[]> r = new ArrayList<>();
    switch (format) {
      case PNG -> {
        r.add(new int[] {0, 8});
        for (int p = 8; p + 8 <= b.length; ) {
          int len = ByteBuffer.wrap(b, p, 4).getInt();
          boolean ihdr = b[p + 4] == 'I' && b[p + 5] == 'H';
          r.add(new int[] {p, p + 8 + (ihdr ? 13 : 0)});
          if (len < 0 || p + 12L + len > b.length) {
            break;
          }
          p += 12 + len;
        }
      }
      case JPEG -> {
        for (int p = 2; p + 4 <= b.length && (b[p] & 0xFF) == 0xFF; ) {
          int marker = b[p + 1] & 0xFF;
          int len = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
          boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xCC;
          r.add(new int[] {p, Math.min(b.length, p + (frame || marker == 0xDA ? 2 + len : 4))});
          if (marker == 0xDA) {
            break;
          }
          p += 2 + len;
        }
      }
      case TIFF -> {
        ByteBuffer h =
            ByteBuffer.wrap(b).order(b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = h.getInt(4);
        int n = h.getShort(ifd) & 0xFFFF;
        r.add(new int[] {0, 8});
        r.add(new int[] {ifd, Math.min(b.length, ifd + 2 + 12 * n + 4)});
      }
      case WEBP -> {
        r.add(new int[] {0, 12});
        for (int p = 12; p + 8 <= b.length; ) {
          int len = ByteBuffer.wrap(b, p + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
          r.add(new int[] {p, Math.min(b.length, p + 8 + 10)});
          if (len < 0 || p + 8L + len > b.length) {
            break;
          }
          p += 8 + len + (len & 1);
        }
      }
      case BMP -> r.add(new int[] {0, Math.min(b.length, 54)});
      case PSD -> r.add(new int[] {0, Math.min(b.length, 40)});
      default -> r.add(new int[] {0, Math.min(b.length, 64)});
    }
    return r;
  }
}
