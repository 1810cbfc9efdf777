package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrientationTest {

  @TempDir Path dir;

  /**
   * Builds the stored image from the upright one using the EXIF wording (where the stored 0th row
   * and 0th column appear when viewed), writes it with that orientation, and expects the upright
   * image back.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyExifOrientationInPng(int orientation) throws IOException {
    RgbImage upright = TestImages.pattern(5, 3);
    RgbImage stored = storedFor(upright, orientation);
    Path png = TestImages.write(TestImages.toBuffered(stored), "png", dir.resolve("o.png"));
    TestImages.insertPngChunk(
        png, "eXIf", TestImages.exif(orientation, "Cam", orientation % 2 == 0));
    LoadedImage img = new ImageLoader().load(png);
    assertThat(img.metadata().orientation()).isEqualTo(orientation);
    assertThat(img.metadata().storedWidth()).isEqualTo(stored.width());
    TestImages.assertSameBytes(img.rgb().rgb(), upright.rgb());
    ImageHeader header = new ImageLoader().probe(png);
    assertThat(header.width()).isEqualTo(5);
    assertThat(header.height()).isEqualTo(3);
  }

  @Test
  void alphaIsRotatedWithTheColour() {
    GrayPlane a = new GrayPlane(3, 2, new byte[] {1, 2, 3, 4, 5, 6});
    GrayPlane r = Orientation.apply(a, 6);
    assertThat(r.width()).isEqualTo(2);
    assertThat(r.data()).containsExactly(4, 1, 5, 2, 6, 3);
  }

  @Test
  void jpegApp1Orientation() throws IOException {
    RgbImage upright = TestImages.smooth(32, 16);
    RgbImage stored = storedFor(upright, 8);
    Path jpg = TestImages.write(TestImages.toBuffered(stored), "jpg", dir.resolve("o.jpg"));
    TestImages.insertJpegSegment(
        jpg, 0xE1, TestImages.withPrefix("Exif\0\0", TestImages.exif(8, "Cam", false)));
    LoadedImage img = new ImageLoader().load(jpg);
    assertThat(img.width()).isEqualTo(32);
    assertThat(img.height()).isEqualTo(16);
    assertThat(TestImages.maxDiff(img.rgb(), upright)).isLessThanOrEqualTo(16);
    assertThat(img.metadata().exif()).startsWith((byte) 'M');
  }

  @Test
  void tiffOrientationTag() throws IOException {
    RgbImage upright = TestImages.pattern(4, 3);
    RgbImage stored = storedFor(upright, 3);
    Path tif = dir.resolve("o.tif");
    var writer = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
    var entries =
        java.util.List.<com.twelvemonkeys.imageio.metadata.Entry>of(
            new com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry(274, (short) 3));
    try (var out = javax.imageio.ImageIO.createImageOutputStream(tif.toFile())) {
      writer.setOutput(out);
      writer.write(
          null,
          new javax.imageio.IIOImage(
              TestImages.toBuffered(stored),
              null,
              new com.twelvemonkeys.imageio.plugins.tiff.TIFFImageMetadata(entries)),
          null);
    }
    LoadedImage img = new ImageLoader().load(tif);
    assertThat(img.metadata().orientation()).isEqualTo(3);
    TestImages.assertSameBytes(img.rgb().rgb(), upright.rgb());
  }

  @Test
  void exifForOutputResetsOrientationOnly() {
    byte[] exif = TestImages.exif(6, "Cam", true);
    byte[] out = Exif.forOutput(exif, 100, 50);
    assertThat(Exif.orientation(exif)).isEqualTo(6);
    assertThat(Exif.orientation(out)).isEqualTo(1);
    assertThat(out.length).isEqualTo(exif.length);
    int diffs = 0;
    for (int i = 0; i < out.length; i++) {
      diffs += out[i] != exif[i] ? 1 : 0;
    }
    assertThat(diffs).isEqualTo(1);
    assertThat(Exif.orientation(new byte[] {1, 2, 3})).isEqualTo(1);
    assertThat(Exif.normalize(TestImages.withPrefix("Exif\0\0", exif))).isEqualTo(exif);
  }

  /** Stored pixel (x, y) is shown at the position EXIF describes for the stored 0th row/column. */
  static RgbImage storedFor(RgbImage upright, int o) {
    boolean swap = o >= 5;
    int w = swap ? upright.height() : upright.width();
    int h = swap ? upright.width() : upright.height();
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // (rowSide, colSide): where stored row 0 and column 0 end up when viewed.
        int vx;
        int vy;
        switch (o) {
          case 1 -> {
            vx = x;
            vy = y;
          } // row 0 top, column 0 left
          case 2 -> {
            vx = w - 1 - x;
            vy = y;
          } // row 0 top, column 0 right
          case 3 -> {
            vx = w - 1 - x;
            vy = h - 1 - y;
          } // row 0 bottom, column 0 right
          case 4 -> {
            vx = x;
            vy = h - 1 - y;
          } // row 0 bottom, column 0 left
          case 5 -> {
            vx = y;
            vy = x;
          } // row 0 left, column 0 top
          case 6 -> {
            vx = h - 1 - y;
            vy = x;
          } // row 0 right, column 0 top
          case 7 -> {
            vx = h - 1 - y;
            vy = w - 1 - x;
          } // row 0 right, column 0 bottom
          default -> {
            vx = y;
            vy = w - 1 - x;
          } // row 0 left, column 0 bottom
        }
        for (int c = 0; c < 3; c++) {
          px[(y * w + x) * 3 + c] = (byte) upright.sample(vx, vy, c);
        }
      }
    }
    return new RgbImage(w, h, px);
  }
}
