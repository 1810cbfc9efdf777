package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.image.ImageException.Kind;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14.3: an image that did not decode completely is an error, never an output. */
class DamagedImagesTest {

  @TempDir Path dir;
  private final ImageLoader loader = new ImageLoader();

  private void assertRefusedAsCorrupt(Path p) {
    try {
      LoadedImage img = loader.load(p);
      throw new AssertionError(
          p.getFileName()
              + " decoded as "
              + img.rgb().width()
              + "x"
              + img.rgb().height()
              + " although it is damaged");
    } catch (ImageException e) {
      assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.CORRUPT);
      assertThat(e.getMessage()).startsWith(p.getFileName() + ": ").doesNotContain("Exception");
    }
  }

  private Path cut(Path full, int percent) throws Exception {
    byte[] b = Files.readAllBytes(full);
    Path out = dir.resolve(percent + "-" + full.getFileName());
    Files.write(out, Arrays.copyOf(b, b.length * percent / 100));
    return out;
  }

  @Test
  void truncatedLosslessWebpIsRefused() throws Exception {
    Path full = Path.of("src/test/resources/images/rgba-lossless.webp");
    assertThat(loader.load(full).rgb().width()).isPositive();
    for (int percent : new int[] {25, 50, 75, 90, 99}) {
      assertRefusedAsCorrupt(cut(full, percent));
    }
  }

  @Test
  void truncatedLzwTiffIsRefused() throws Exception {
    BufferedImage img = TestImages.toBuffered(TestImages.pattern(96, 80));
    Path full = dir.resolve("lzw.tif");
    ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
    try (var out = ImageIO.createImageOutputStream(full.toFile())) {
      w.setOutput(out);
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionType("LZW");
      w.write(null, new IIOImage(img, null, null), p);
    } finally {
      w.dispose();
    }
    assertThat(loader.load(full).rgb().width()).isEqualTo(96);
    for (int percent : new int[] {30, 60, 90, 99}) {
      assertRefusedAsCorrupt(cut(full, percent));
    }
  }

  @Test
  void aWebpWhoseChunkRunsPastItsContainerIsRefused() throws Exception {
    Path full = Path.of("src/test/resources/images/rgba-lossless.webp");
    byte[] b = Files.readAllBytes(full);
    b[16] = (byte) 0xFF; // the first chunk's size, low byte
    b[17] = (byte) 0xFF;
    assertRefusedAsCorrupt(Files.write(dir.resolve("chunk.webp"), b));
  }

  /** Issue 14.4: written by PIL with half of an sRGB profile in its APP2 segment. */
  @Test
  void aJpegWithATruncatedIccProfileLoadsAsSrgbWithAWarning() throws Exception {
    LoadedImage img = loader.load(Path.of("src/test/resources/images/damaged/truncated-icc.jpg"));
    assertThat(img.rgb().width()).isEqualTo(64);
    assertThat(img.rgb().height()).isEqualTo(48);
    assertThat(img.metadata().iccProfile()).isNull();
    assertThat(img.metadata().warnings()).anyMatch(w -> w.contains("colour profile is damaged"));
  }

  /** A palette image every pixel of which shows if it is decoded wrong. */
  private static BufferedImage palette(int w, int h, int type) {
    BufferedImage img = new BufferedImage(w, h, type);
    int levels = type == BufferedImage.TYPE_BYTE_BINARY ? 16 : 256;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // runs of equal pixels, so an RLE encoder has something to compress
        img.getRaster().setSample(x, y, 0, ((x / 3) * 7 + y * 3) % levels);
      }
    }
    return img;
  }

  private Path bmp(BufferedImage img, String compression, Path file) throws Exception {
    ImageWriter w = null;
    for (var it = ImageIO.getImageWritersByFormatName("bmp"); it.hasNext(); ) {
      ImageWriter candidate = it.next();
      if (candidate.getClass().getName().startsWith("com.sun.")) {
        w = candidate;
      }
    }
    try (var out = ImageIO.createImageOutputStream(file.toFile())) {
      w.setOutput(out);
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionType(compression);
      w.write(null, new IIOImage(img, null, null), p);
    } finally {
      w.dispose();
    }
    return file;
  }

  /** Issue 14.3: a BMP whose header says RLE8 over raw 8-bit pixels decoded into noise, "ok". */
  @Test
  void aBmpWhoseHeaderSaysRle8OnRawDataIsRefused() throws Exception {
    Path raw =
        bmp(palette(40, 30, BufferedImage.TYPE_BYTE_INDEXED), "BI_RGB", dir.resolve("raw.bmp"));
    byte[] b = Files.readAllBytes(raw);
    assertThat(b[28]).as("bits per pixel").isEqualTo((byte) 8);
    assertThat(b[30]).as("compression").isZero();
    b[30] = 1; // BI_RLE8, the data left raw
    Path lie = Files.write(dir.resolve("rle8-on-raw.bmp"), b);
    assertRefusedAsCorrupt(lie);
    try {
      loader.load(lie);
    } catch (ImageException e) {
      assertThat(e.getMessage()).contains("RLE8").contains("wrong compression");
    }
  }

  @Test
  void wellFormedRleBmpsStillLoadExactly() throws Exception {
    for (String[] c : new String[][] {{"BI_RLE8", "8"}, {"BI_RLE4", "4"}}) {
      BufferedImage img =
          palette(
              37,
              21,
              c[1].equals("8") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_BYTE_BINARY);
      if (c[1].equals("4")) {
        img =
            new BufferedImage(
                37,
                21,
                BufferedImage.TYPE_BYTE_BINARY,
                (java.awt.image.IndexColorModel) palette16());
        BufferedImage src = palette(37, 21, BufferedImage.TYPE_BYTE_BINARY);
        img.getRaster().setRect(src.getRaster());
      }
      Path file = bmp(img, c[0], dir.resolve(c[0] + ".bmp"));
      byte[] b = Files.readAllBytes(file);
      assertThat(b[30]).as(c[0]).isEqualTo((byte) (c[1].equals("8") ? 1 : 2));
      LoadedImage loaded = loader.load(file);
      for (int y = 0; y < 21; y++) {
        for (int x = 0; x < 37; x++) {
          int argb = img.getRGB(x, y);
          assertThat(loaded.rgb().sample(x, y, 0))
              .as(c[0] + " at %d,%d", x, y)
              .isEqualTo((argb >> 16) & 0xFF);
        }
      }
      // the same stream cut short is refused, not padded with background
      assertRefusedAsCorrupt(cut(file, 70));
    }
  }

  private static java.awt.image.ColorModel palette16() {
    byte[] r = new byte[16];
    byte[] g = new byte[16];
    byte[] bl = new byte[16];
    for (int i = 0; i < 16; i++) {
      r[i] = (byte) (i * 17);
      g[i] = (byte) (255 - i * 13);
      bl[i] = (byte) (i * 5);
    }
    return new java.awt.image.IndexColorModel(4, 16, r, g, bl);
  }

  /**
   * Found by the fuzzer: a lossy WebP whose VP8 frame header claims 16383 x 16383 inside a 64-pixel
   * canvas made the decoder allocate a gigabyte and run for a minute before failing.
   */
  @Test
  void aWebpWhoseBitstreamSizeDisagreesWithItsCanvasIsRefusedBeforeDecoding() throws Exception {
    byte[] b =
        Files.readAllBytes(Path.of("src/test/resources/images/gray-linear-icc-orient6.webp"));
    int vp8 = indexOf(b, "VP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(vp8).isPositive();
    int frame = vp8 + 8;
    assertThat(b[frame + 3] & 0xFF).isEqualTo(0x9D); // key frame start code
    b[frame + 6] = (byte) 0xFF;
    b[frame + 7] = (byte) 0x3F;
    b[frame + 8] = (byte) 0xFF;
    b[frame + 9] = (byte) 0x3F;
    Path p = Files.write(dir.resolve("vp8-size.webp"), b);
    assertRefusedAsCorrupt(p);
    try {
      loader.load(p);
    } catch (ImageException e) {
      assertThat(e.getMessage()).contains("16383 x 16383 pixels but its header says");
    }
  }

  /** Found by the fuzzer: the JDK PNG reader's "Caught exception during read:" reached users. */
  @Test
  void aPngWithAnUnknownCriticalChunkIsRefusedWithoutJavaText() throws Exception {
    BufferedImage img = new BufferedImage(40, 32, BufferedImage.TYPE_INT_ARGB);
    Path png = TestImages.write(img, "png", dir.resolve("argb.png"));
    byte[] b = Files.readAllBytes(png);
    b[39] ^= 1; // the second chunk's type: a critical chunk no reader knows
    Path p = Files.write(dir.resolve("chunk.png"), b);
    assertRefusedAsCorrupt(p);
    try {
      loader.load(p);
    } catch (ImageException e) {
      assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).doesNotContain("exception");
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (hay[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Found by the 10,000-case fuzz run: four damaged bytes in a lossless WebP's transform data made
   * the decoder read zero bits past the end of the file for minutes (a hang in the fuzzer).
   */
  @Test
  void aLosslessWebpWhoseDecoderRunsPastTheEndIsRefused() throws Exception {
    byte[] b = Files.readAllBytes(Path.of("src/test/resources/images/rgba-lossless.webp"));
    b[25] = 0x2c;
    b[26] = 0x66;
    b[27] = 0x57;
    b[28] = (byte) 0x86;
    Path p = Files.write(dir.resolve("runaway.webp"), b);
    assertRefusedAsCorrupt(p);
    try {
      loader.load(p);
    } catch (ImageException e) {
      assertThat(e.getMessage()).contains("past the end of the image data");
    }
  }
}
