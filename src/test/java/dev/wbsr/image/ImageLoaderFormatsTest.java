package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderFormatsTest {

  @TempDir Path dir;
  private final ImageLoader loader = new ImageLoader();

  @Test
  void pngRgbIsExact() throws IOException {
    RgbImage src = TestImages.pattern(13, 7);
    LoadedImage img =
        loader.load(TestImages.write(TestImages.toBuffered(src), "png", dir.resolve("a.png")));
    TestImages.assertSameBytes(img.rgb().rgb(), src.rgb());
    assertThat(img.alpha()).isNull();
    assertThat(img.metadata().format()).isEqualTo(ImageFormat.PNG);
    assertThat(img.metadata().bitsPerSample()).isEqualTo(8);
    assertThat(img.metadata().sourceColor()).isEqualTo(SourceColor.RGB);
  }

  @Test
  void formatComesFromBytesNotName() throws IOException {
    RgbImage src = TestImages.pattern(5, 4);
    Path misnamed =
        TestImages.write(TestImages.toBuffered(src), "png", dir.resolve("really-png.jpg"));
    LoadedImage img = loader.load(misnamed);
    assertThat(img.metadata().format()).isEqualTo(ImageFormat.PNG);
    TestImages.assertSameBytes(img.rgb().rgb(), src.rgb());
  }

  @Test
  void pngRgbaKeepsAlphaAsSeparatePlane() throws IOException {
    BufferedImage bi = new BufferedImage(6, 5, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 6; x++) {
        bi.setRGB(x, y, (x * 40 + y) << 24 | (x * 30) << 16 | (y * 50) << 8 | 77);
      }
    }
    LoadedImage img = loader.load(TestImages.write(bi, "png", dir.resolve("a.png")));
    assertThat(img.hasAlpha()).isTrue();
    assertThat(img.metadata().hadAlpha()).isTrue();
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 6; x++) {
        assertThat(img.alpha().sample(x, y)).isEqualTo(x * 40 + y);
        assertThat(img.rgb().sample(x, y, 0)).isEqualTo(x * 30);
        assertThat(img.rgb().sample(x, y, 1)).isEqualTo(y * 50);
        assertThat(img.rgb().sample(x, y, 2)).isEqualTo(77);
      }
    }
  }

  @Test
  void opaqueAlphaIsDroppedButReported() throws IOException {
    BufferedImage bi = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        bi.setRGB(x, y, 0xFF102030);
      }
    }
    LoadedImage img = loader.load(TestImages.write(bi, "png", dir.resolve("a.png")));
    assertThat(img.alpha()).isNull();
    assertThat(img.metadata().hadAlpha()).isTrue();
    assertThat(img.rgb().sample(3, 3, 2)).isEqualTo(0x30);
  }

  @Test
  void grayIsTakenAsSrgbGrayWithoutGammaShift() throws IOException {
    BufferedImage bi = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster r = bi.getRaster();
    for (int i = 0; i < 256; i++) {
      r.setSample(i % 16, i / 16, 0, i);
    }
    for (String format : new String[] {"png", "tiff", "bmp"}) {
      LoadedImage img = loader.load(TestImages.write(bi, format, dir.resolve("g." + format)));
      for (int i = 0; i < 256; i++) {
        for (int c = 0; c < 3; c++) {
          assertThat(img.rgb().sample(i % 16, i / 16, c)).as(format + " gray " + i).isEqualTo(i);
        }
      }
      assertThat(img.metadata().sourceColor())
          .as(format)
          .isIn(SourceColor.GRAY, SourceColor.PALETTE);
    }
  }

  @Test
  void grayAlphaPng() throws IOException {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            true,
            false,
            Transparency.TRANSLUCENT,
            DataBuffer.TYPE_BYTE);
    WritableRaster r = cm.createCompatibleWritableRaster(5, 3);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 5; x++) {
        r.setSample(x, y, 0, 50 * x);
        r.setSample(x, y, 1, 255 - 60 * y);
      }
    }
    LoadedImage img =
        loader.load(
            TestImages.write(new BufferedImage(cm, r, false, null), "png", dir.resolve("ga.png")));
    assertThat(img.metadata().sourceColor()).isEqualTo(SourceColor.GRAY);
    assertThat(img.rgb().sample(4, 2, 1)).isEqualTo(200);
    assertThat(img.alpha().sample(4, 2)).isEqualTo(135);
    assertThat(img.alpha().sample(0, 0)).isEqualTo(255);
  }

  @Test
  void palettePngWithTransparency() throws IOException {
    byte[] reds = {(byte) 255, 0, 0, 10};
    byte[] greens = {0, (byte) 255, 0, 20};
    byte[] blues = {0, 0, (byte) 255, 30};
    byte[] alphas = {(byte) 255, (byte) 255, (byte) 128, 0};
    IndexColorModel icm = new IndexColorModel(8, 4, reds, greens, blues, alphas);
    BufferedImage bi = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_INDEXED, icm);
    for (int x = 0; x < 4; x++) {
      bi.getRaster().setSample(x, 0, 0, x);
      bi.getRaster().setSample(x, 1, 0, 3 - x);
    }
    LoadedImage img = loader.load(TestImages.write(bi, "png", dir.resolve("p.png")));
    assertThat(img.metadata().sourceColor()).isEqualTo(SourceColor.PALETTE);
    assertThat(img.rgb().sample(1, 0, 1)).isEqualTo(255);
    assertThat(img.rgb().sample(0, 1, 2)).isEqualTo(30);
    assertThat(img.alpha().sample(2, 0)).isEqualTo(128);
    assertThat(img.alpha().sample(3, 0)).isEqualTo(0);
    assertThat(img.alpha().sample(0, 0)).isEqualTo(255);
  }

  @Test
  void oneBitPngReportsBitDepth() throws IOException {
    BufferedImage bi = new BufferedImage(9, 2, BufferedImage.TYPE_BYTE_BINARY);
    bi.getRaster().setSample(3, 1, 0, 1);
    LoadedImage img = loader.load(TestImages.write(bi, "png", dir.resolve("b.png")));
    assertThat(img.metadata().bitsPerSample()).isEqualTo(1);
    assertThat(img.rgb().sample(3, 1, 0)).isEqualTo(255);
    assertThat(img.rgb().sample(2, 1, 0)).isEqualTo(0);
  }

  /** 16-bit samples become round(v * 255 / 65535); the original depth is reported. */
  @Test
  void sixteenBitPngAndTiffAreDownconvertedWithRounding() throws IOException {
    BufferedImage bi = rgb16(17, 3);
    for (String format : new String[] {"png", "tiff"}) {
      LoadedImage img =
          loader.load(TestImages.writeWithJdk(bi, format, dir.resolve("d16." + format)));
      assertThat(img.metadata().bitsPerSample()).as(format).isEqualTo(16);
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 17; x++) {
          for (int c = 0; c < 3; c++) {
            int v = bi.getRaster().getSample(x, y, c);
            assertThat(img.rgb().sample(x, y, c))
                .as(format + " v=" + v)
                .isEqualTo((int) Math.round(v * 255.0 / 65535));
          }
        }
      }
    }
  }

  @Test
  void sixteenBitGrayPng() throws IOException {
    BufferedImage bi = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
    int[] values = {0, 128, 32896, 65535};
    for (int x = 0; x < 4; x++) {
      bi.getRaster().setSample(x, 0, 0, values[x]);
    }
    LoadedImage img = loader.load(TestImages.write(bi, "png", dir.resolve("g16.png")));
    assertThat(img.metadata().bitsPerSample()).isEqualTo(16);
    assertThat(
            new int[] {
              img.rgb().sample(0, 0, 0),
              img.rgb().sample(1, 0, 1),
              img.rgb().sample(2, 0, 2),
              img.rgb().sample(3, 0, 0)
            })
        .containsExactly(0, 0, 128, 255);
  }

  @Test
  void jpegRgbAndGray() throws IOException {
    RgbImage src = TestImages.smooth(64, 48);
    LoadedImage img =
        loader.load(TestImages.write(TestImages.toBuffered(src), "jpg", dir.resolve("a.jpg")));
    assertThat(img.metadata().format()).isEqualTo(ImageFormat.JPEG);
    assertThat(TestImages.maxDiff(img.rgb(), src)).isLessThanOrEqualTo(6);
    BufferedImage gray = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
    gray.getRaster().setSample(1, 1, 0, 0);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        gray.getRaster().setSample(x, y, 0, 100);
      }
    }
    LoadedImage g = loader.load(TestImages.write(gray, "jpg", dir.resolve("g.jpg")));
    assertThat(g.metadata().sourceColor()).isEqualTo(SourceColor.GRAY);
    assertThat(g.rgb().sample(10, 10, 0)).isBetween(99, 101);
    assertThat(g.rgb().sample(10, 10, 2)).isEqualTo(g.rgb().sample(10, 10, 0));
  }

  /** Adobe CMYK JPEGs store inverted ink values; cyan ink must come out cyan, not red. */
  @Test
  void adobeCmykAndYcckJpeg() throws IOException {
    Path cmyk = dir.resolve("cmyk.jpg");
    Files.write(
        cmyk, fourChannelJpeg(new int[] {0, 255, 255, 255}, new int[] {255, 255, 255, 255}, 0));
    Path ycck = dir.resolve("ycck.jpg");
    // YCCK: Y, Cb, Cr encode the ink values C, M, Y as if they were R, G, B; K stays inverted.
    Files.write(
        ycck, fourChannelJpeg(new int[] {76, 85, 255, 255}, new int[] {0, 128, 128, 255}, 2));
    for (Path p : new Path[] {cmyk, ycck}) {
      LoadedImage img = loader.load(p);
      assertThat(img.metadata().sourceColor()).isEqualTo(SourceColor.CMYK);
      assertThat(img.metadata().convertedToSrgb()).isTrue();
      assertThat(img.rgb().sample(2, 2, 0)).as(p + " cyan R").isLessThan(60);
      assertThat(img.rgb().sample(2, 2, 1)).as(p + " cyan G").isGreaterThan(140);
      assertThat(img.rgb().sample(2, 2, 2)).as(p + " cyan B").isGreaterThan(200);
      for (int c = 0; c < 3; c++) {
        assertThat(img.rgb().sample(13, 2, c)).as(p + " paper white").isGreaterThan(235);
      }
    }
  }

  @Test
  void tiffEightBitWithAlphaAndFirstPageOfMultiPage() throws IOException {
    RgbImage page1 = TestImages.pattern(8, 6);
    RgbImage page2 = TestImages.pattern(3, 3);
    Path file = dir.resolve("multi.tif");
    ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      w.setOutput(out);
      w.prepareWriteSequence(null);
      w.writeToSequence(new IIOImage(TestImages.toBuffered(page1), null, null), null);
      w.writeToSequence(new IIOImage(TestImages.toBuffered(page2), null, null), null);
      w.endWriteSequence();
    }
    LoadedImage img = loader.load(file);
    TestImages.assertSameBytes(img.rgb().rgb(), page1.rgb());
    BufferedImage argb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(1, 1, 0x80FF0000);
    LoadedImage a = loader.load(TestImages.write(argb, "tiff", dir.resolve("a.tif")));
    assertThat(a.alpha().sample(1, 1)).isEqualTo(0x80);
    assertThat(a.alpha().sample(0, 0)).isEqualTo(0);
    assertThat(a.rgb().sample(1, 1, 0)).isEqualTo(255);
  }

  @Test
  void bmp() throws IOException {
    RgbImage src = TestImages.pattern(7, 5);
    LoadedImage img =
        loader.load(TestImages.write(TestImages.toBuffered(src), "bmp", dir.resolve("a.bmp")));
    assertThat(img.metadata().format()).isEqualTo(ImageFormat.BMP);
    TestImages.assertSameBytes(img.rgb().rgb(), src.rgb());
  }

  /** Fixture made with Pillow: lossless, R = 30x, G = 40y, B = 200, A = x == 0 ? 0 : 255 - 20y. */
  @Test
  void webpLosslessWithAlpha() throws Exception {
    LoadedImage img = loader.load(resource("rgba-lossless.webp"));
    assertThat(img.metadata().format()).isEqualTo(ImageFormat.WEBP);
    assertThat(img.width()).isEqualTo(7);
    assertThat(img.height()).isEqualTo(5);
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        assertThat(img.rgb().sample(x, y, 0)).isEqualTo(30 * x);
        assertThat(img.rgb().sample(x, y, 1)).isEqualTo(40 * y);
        assertThat(img.rgb().sample(x, y, 2)).isEqualTo(200);
        assertThat(img.alpha().sample(x, y)).isEqualTo(x == 0 ? 0 : 255 - 20 * y);
      }
    }
  }

  /** Fixture: lossy 16x8 gray 128 in linear-RGB ICC, EXIF "Exif\0\0"-prefixed, orientation 6. */
  @Test
  void webpWithIccAndExifOrientation() throws Exception {
    LoadedImage img = loader.load(resource("gray-linear-icc-orient6.webp"));
    assertThat(img.width()).isEqualTo(8);
    assertThat(img.height()).isEqualTo(16);
    assertThat(img.metadata().orientation()).isEqualTo(6);
    assertThat(img.metadata().exif()).startsWith((byte) 'M', (byte) 'M');
    TestImages.assertSameBytes(img.metadata().iccProfile(), linearProfileBytes());
    assertThat(img.metadata().convertedToSrgb()).isTrue();
    assertThat(img.rgb().sample(4, 8, 1)).isBetween(184, 191); // linear 128 is sRGB ~188
  }

  @Test
  void psdRgb8And16AndGray() throws IOException {
    int w = 5;
    int h = 3;
    int[][] rgb8 = new int[3][w * h];
    int[][] rgb16 = new int[3][w * h];
    for (int i = 0; i < w * h; i++) {
      rgb8[0][i] = i * 10;
      rgb8[1][i] = 255 - i * 10;
      rgb8[2][i] = 77;
      rgb16[0][i] = i * 4000;
      rgb16[1][i] = 65535 - i * 4000;
      rgb16[2][i] = 257 * 77;
    }
    LoadedImage a = loader.load(TestImages.psd(dir.resolve("a.psd"), w, h, 8, 3, rgb8, null));
    LoadedImage b = loader.load(TestImages.psd(dir.resolve("b.psd"), w, h, 16, 3, rgb16, null));
    LoadedImage g =
        loader.load(TestImages.psd(dir.resolve("g.psd"), w, h, 8, 1, new int[][] {rgb8[0]}, null));
    assertThat(a.metadata().format()).isEqualTo(ImageFormat.PSD);
    assertThat(b.metadata().bitsPerSample()).isEqualTo(16);
    for (int i = 0; i < w * h; i++) {
      int x = i % w;
      int y = i / w;
      assertThat(a.rgb().sample(x, y, 0)).isEqualTo(i * 10);
      assertThat(a.rgb().sample(x, y, 1)).isEqualTo(255 - i * 10);
      assertThat(b.rgb().sample(x, y, 0)).isEqualTo((int) Math.round(i * 4000 * 255.0 / 65535));
      assertThat(b.rgb().sample(x, y, 2)).isEqualTo(77);
      assertThat(g.rgb().sample(x, y, 1)).isEqualTo(i * 10);
    }
  }

  @Test
  void nonSrgbIccIsConvertedToSrgbForEveryContainer() throws IOException {
    ICC_Profile linear = linearProfile();
    byte[] linearBytes = linearProfileBytes();
    RgbImage flat = flat(16, 16, 128);
    Path png = TestImages.write(TestImages.toBuffered(flat), "png", dir.resolve("l.png"));
    TestImages.insertPngChunk(png, "iCCP", TestImages.iccpChunk(linearBytes));
    Path jpg = TestImages.write(TestImages.toBuffered(flat), "jpg", dir.resolve("l.jpg"));
    TestImages.insertJpegSegment(
        jpg, 0xE2, TestImages.withPrefix("ICC_PROFILE\0\1\1", linearBytes));
    Path tif =
        TestImages.write(
            inColorSpace(flat, new ICC_ColorSpace(linear)), "tiff", dir.resolve("l.tif"));
    int[][] planes = new int[3][16 * 16];
    for (int[] p : planes) {
      java.util.Arrays.fill(p, 128);
    }
    Path psd = TestImages.psd(dir.resolve("l.psd"), 16, 16, 8, 3, planes, linearBytes);
    for (Path p : new Path[] {png, jpg, tif, psd}) {
      LoadedImage img = loader.load(p);
      TestImages.assertSameBytes(img.metadata().iccProfile(), linearBytes);
      assertThat(img.metadata().convertedToSrgb()).as(p.toString()).isTrue();
      assertThat(img.rgb().sample(5, 5, 0)).as(p.toString()).isBetween(186, 190);
    }
  }

  @Test
  void srgbIccIsKeptButNotConverted() throws IOException {
    RgbImage src = TestImages.pattern(6, 6);
    Path png = TestImages.write(TestImages.toBuffered(src), "png", dir.resolve("s.png"));
    byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    TestImages.insertPngChunk(png, "iCCP", TestImages.iccpChunk(srgb));
    LoadedImage img = loader.load(png);
    TestImages.assertSameBytes(img.metadata().iccProfile(), srgb);
    assertThat(img.metadata().convertedToSrgb()).isFalse();
    TestImages.assertSameBytes(img.rgb().rgb(), src.rgb());
  }

  /**
   * Linear-light sRGB primaries: a non-sRGB RGB profile with an easy check (128 becomes ~188). Read
   * from a committed copy: the JDK's built-in instance can be patched in memory by profile
   * validation, so its bytes are not stable within one JVM.
   */
  static ICC_Profile linearProfile() {
    return ICC_Profile.getInstance(linearProfileBytes());
  }

  static byte[] linearProfileBytes() {
    try {
      return Files.readAllBytes(resource("linear-rgb.icc"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static RgbImage flat(int w, int h, int v) {
    byte[] px = new byte[w * h * 3];
    java.util.Arrays.fill(px, (byte) v);
    return new RgbImage(w, h, px);
  }

  static BufferedImage inColorSpace(RgbImage img, ColorSpace cs) {
    ComponentColorModel cm =
        new ComponentColorModel(cs, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    WritableRaster r = cm.createCompatibleWritableRaster(img.width(), img.height());
    r.setDataElements(0, 0, img.width(), img.height(), img.rgb());
    return new BufferedImage(cm, r, false, null);
  }

  static Path resource(String name) throws Exception {
    return Path.of(ImageLoaderFormatsTest.class.getResource("/images/" + name).toURI());
  }

  private static BufferedImage rgb16(int w, int h) {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    WritableRaster r = cm.createCompatibleWritableRaster(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        r.setSample(x, y, 0, x * 3855 + y);
        r.setSample(x, y, 1, 65535 - x * 3000 - y * 7);
        r.setSample(x, y, 2, (x * 131 + y * 12345) & 0xFFFF);
      }
    }
    return new BufferedImage(cm, r, false, null);
  }

  /** A 16x16 four-channel JPEG, left half {@code left}, right half {@code right}, + APP14. */
  static byte[] fourChannelJpeg(int[] left, int[] right, int adobeTransform) throws IOException {
    ImageWriter writer = null;
    for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
      ImageWriter w = it.next();
      if (w.getClass().getName().startsWith("com.sun.")) {
        writer = w;
      }
    }
    WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        r.setPixel(x, y, x < 8 ? left : right);
      }
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(r, null, null), writer.getDefaultWriteParam());
    }
    byte[] app14 = {
      (byte) 0xFF,
      (byte) 0xEE,
      0,
      14,
      'A',
      'd',
      'o',
      'b',
      'e',
      0,
      100,
      0,
      0,
      0,
      0,
      (byte) adobeTransform
    };
    return TestImages.splice(bytes.toByteArray(), 2, app14);
  }
}
