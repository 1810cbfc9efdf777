package dev.wbsr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wbsr.image.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageQualityTest {

  @Test
  void identicalImagesScoreInfinityAndOne() {
    byte[] px = new byte[20 * 20 * 3];
    new Random(1).nextBytes(px);
    RgbImage img = new RgbImage(20, 20, px);
    assertThat(ImageQuality.psnrY(img, img, 2)).isInfinite();
    assertThat(ImageQuality.ssimY(img, img, 2)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void lumaUsesBt601WithoutRounding() {
    RgbImage px = new RgbImage(1, 1, new byte[] {(byte) 255, (byte) 255, (byte) 255});
    assertThat(ImageQuality.luma(px, 0)[0]).isCloseTo(235.0, within(1e-9));
    RgbImage red = new RgbImage(1, 1, new byte[] {(byte) 255, 0, 0});
    assertThat(ImageQuality.luma(red, 0)[0]).isCloseTo(16 + 65.481, within(1e-9));
  }

  @Test
  void shaveIgnoresBorders() {
    byte[] a = new byte[16 * 16 * 3];
    byte[] b = a.clone();
    b[0] = 100; // top-left pixel only
    RgbImage x = new RgbImage(16, 16, a);
    RgbImage y = new RgbImage(16, 16, b);
    assertThat(ImageQuality.psnrY(x, y, 0)).isFinite();
    assertThat(ImageQuality.psnrY(x, y, 1)).isInfinite();
  }

  @Test
  void rejectsMismatchedOrTinyInputs() {
    assertThatThrownBy(
            () -> ImageQuality.psnrY(RgbImage.allocate(4, 4), RgbImage.allocate(4, 5), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ImageQuality.ssimY(RgbImage.allocate(12, 12), RgbImage.allocate(12, 12), 1))
        .hasMessageContaining("11x11");
    assertThatThrownBy(() -> ImageQuality.luma(RgbImage.allocate(4, 4), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void psnrAgainstAReferenceLumaPlaneIsTheSameNumber() {
    // more than 4096 pixels: the partial sums are chunked
    Random rnd = new Random(3);
    RgbImage a = RgbImage.allocate(97, 83);
    RgbImage b = RgbImage.allocate(97, 83);
    rnd.nextBytes(a.rgb());
    rnd.nextBytes(b.rgb());
    for (int shave : new int[] {0, 4}) {
      double[] yb = ImageQuality.luma(b, shave);
      assertThat(ImageQuality.psnrY(a, yb, shave)).isEqualTo(ImageQuality.psnrY(a, b, shave));
    }
    assertThat(ImageQuality.psnrY(b, ImageQuality.luma(b, 2), 2)).isInfinite();
    assertThatThrownBy(() -> ImageQuality.psnrY(a, ImageQuality.luma(b, 2), 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stripsGiveTheWholeImageValueToTheLastBit() {
    Random rnd = new Random(15);
    RgbImage a = RgbImage.allocate(37, 61);
    RgbImage b = RgbImage.allocate(37, 61);
    rnd.nextBytes(a.rgb());
    for (int i = 0; i < b.rgb().length; i++) {
      b.rgb()[i] = (byte) ((a.rgb()[i] & 0xFF) + rnd.nextInt(21) - 10);
    }
    for (int shave : new int[] {0, 2}) {
      double[] ya = ImageQuality.luma(a, shave);
      double[] yb = ImageQuality.luma(b, shave);
      int w = 37 - 2 * shave;
      double whole = ImageQuality.ssim(ya, yb, w);
      assertThat(whole).isBetween(0.0, 0.999);
      for (int strip : new int[] {1, 7, 40, 256}) {
        assertThat(ImageQuality.ssimY(a, b, shave, strip)).as("strip %d", strip).isEqualTo(whole);
      }
      assertThat(ImageQuality.psnrY(a, b, shave)).isEqualTo(ImageQuality.psnr(ya, yb)).isFinite();
      assertThat(ImageQuality.psnrY(a, yb, shave)).isEqualTo(ImageQuality.psnrY(a, b, shave));
    }
  }
}
