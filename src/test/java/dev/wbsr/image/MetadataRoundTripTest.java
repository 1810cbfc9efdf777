package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ICC and EXIF survive load -> save -> load in every writable format. */
class MetadataRoundTripTest {

  @TempDir Path dir;
  private final ImageLoader loader = new ImageLoader();

  private LoadedImage sourceWithLinearIccAndRotation() throws IOException {
    RgbImage stored = TestImages.smooth(40, 24);
    Path png = TestImages.write(TestImages.toBuffered(stored), "png", dir.resolve("src.png"));
    TestImages.insertPngChunk(png, "eXIf", TestImages.exif(6, "WBSR-Cam", true));
    TestImages.insertPngChunk(
        png, "iCCP", TestImages.iccpChunk(ImageLoaderFormatsTest.linearProfileBytes()));
    LoadedImage img = loader.load(png);
    assertThat(img.width()).isEqualTo(24);
    assertThat(img.metadata().convertedToSrgb()).isTrue();
    return img;
  }

  @Test
  void iccAndExifAreCarriedWithOrientationReset() throws IOException {
    LoadedImage src = sourceWithLinearIccAndRotation();
    for (String ext : new String[] {"png", "jpg", "tif"}) {
      Path out = ImageSaver.save(src, dir.resolve("out." + ext), SaveOptions.defaults());
      LoadedImage back = loader.load(out);
      assertThat(back.width()).as(ext + " already upright").isEqualTo(24);
      assertThat(back.metadata().orientation()).as(ext).isEqualTo(1);
      TestImages.assertSameBytes(
          back.metadata().iccProfile(), ImageLoaderFormatsTest.linearProfileBytes());
      assertThat(back.metadata().convertedToSrgb()).as(ext).isTrue();
      assertThat(new String(back.metadata().exif(), StandardCharsets.ISO_8859_1))
          .as(ext)
          .contains("WBSR-Cam");
      assertThat(Exif.orientation(back.metadata().exif())).as(ext).isEqualTo(1);
      int tolerance = ext.equals("jpg") ? 12 : 3;
      assertThat(TestImages.maxDiff(back.rgb(), src.rgb())).as(ext).isLessThanOrEqualTo(tolerance);
    }
  }

  @Test
  void outputCarriesPixelsInTheSourceProfile() throws IOException {
    LoadedImage src = sourceWithLinearIccAndRotation();
    Path out = ImageSaver.save(src, dir.resolve("out.png"), SaveOptions.defaults());
    // Decoded without colour management, the stored samples are linear again: darker than sRGB.
    java.awt.image.BufferedImage raw = javax.imageio.ImageIO.read(out.toFile());
    int stored = raw.getRaster().getSample(5, 5, 1);
    assertThat(stored).isLessThan(src.rgb().sample(5, 5, 1) - 20);
  }

  /** A camera-style EXIF (IFD0 Make + Orientation, Exif sub-IFD with DateTimeOriginal). */
  static byte[] cameraExif() {
    byte[] date = "2024:05:06 07:08:09\0".getBytes(StandardCharsets.US_ASCII);
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(128).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'I', 'I', 42, 0}).putInt(8);
    b.putShort((short) 3);
    b.putShort((short) 0x010F).putShort((short) 2).putInt(4).put(new byte[] {'A', 'c', 'm', 0});
    b.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) 8)
        .putShort((short) 0);
    b.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(50);
    b.putInt(0);
    // Exif IFD at 50: one entry, then the date at 68
    b.putShort((short) 1);
    b.putShort((short) 0x9003).putShort((short) 2).putInt(date.length).putInt(68);
    b.putInt(0);
    b.put(date);
    return java.util.Arrays.copyOf(b.array(), b.position());
  }

  @Test
  void exifSubIfdSurvivesEveryFormat() throws IOException {
    Path jpg =
        TestImages.write(
            TestImages.toBuffered(TestImages.smooth(20, 10)), "jpg", dir.resolve("cam.jpg"));
    TestImages.insertJpegSegment(jpg, 0xE1, TestImages.withPrefix("Exif\0\0", cameraExif()));
    LoadedImage src = loader.load(jpg);
    assertThat(src.width()).isEqualTo(10);
    for (String ext : new String[] {"png", "jpg", "tif"}) {
      LoadedImage back =
          loader.load(ImageSaver.save(src, dir.resolve("o." + ext), SaveOptions.defaults()));
      String exif = new String(back.metadata().exif(), StandardCharsets.ISO_8859_1);
      assertThat(exif).as(ext).contains("Acm").contains("2024:05:06 07:08:09");
      assertThat(back.metadata().orientation()).as(ext).isEqualTo(1);
      assertThat(back.width()).as(ext).isEqualTo(10);
    }
  }

  @Test
  void metadataCanBeDropped() throws IOException {
    LoadedImage src = sourceWithLinearIccAndRotation();
    Path out =
        ImageSaver.save(
            src, dir.resolve("plain.png"), SaveOptions.defaults().withKeepMetadata(false));
    LoadedImage back = loader.load(out);
    assertThat(back.metadata().iccProfile()).isNull();
    assertThat(back.metadata().exif()).isNull();
    assertThat(TestImages.maxDiff(back.rgb(), src.rgb())).isZero();
  }

  @Test
  void cmykSourceIsWrittenAsUntaggedSrgb() throws IOException {
    Path cmyk =
        java.nio.file.Files.write(
            dir.resolve("c.jpg"),
            ImageLoaderFormatsTest.fourChannelJpeg(
                new int[] {0, 255, 255, 255}, new int[] {255, 255, 255, 255}, 0));
    LoadedImage src = loader.load(cmyk);
    LoadedImage back =
        loader.load(ImageSaver.save(src, dir.resolve("c.png"), SaveOptions.defaults()));
    assertThat(back.metadata().iccProfile()).isNull();
    TestImages.assertSameBytes(back.rgb().rgb(), src.rgb().rgb());
  }

  @Test
  void exifPixelDimensionsFollowTheOutput() {
    // IFD0 -> ExifIFD with PixelXDimension (LONG) and PixelYDimension (SHORT), big-endian.
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64);
    b.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    b.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(26);
    b.putInt(0);
    b.putShort((short) 2);
    b.putShort((short) 0xA002).putShort((short) 4).putInt(1).putInt(640);
    b.putShort((short) 0xA003)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) 480)
        .putShort((short) 0);
    b.putInt(0);
    byte[] out = Exif.forOutput(b.array(), 1280, 960);
    java.nio.ByteBuffer o = java.nio.ByteBuffer.wrap(out);
    assertThat(o.getInt(26 + 2 + 8)).isEqualTo(1280);
    assertThat(o.getShort(26 + 2 + 12 + 8)).isEqualTo((short) 960);
  }
}
