package dev.wbsr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.image.GrayPlane;
import dev.wbsr.image.RgbImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BicubicTest {

  @Test
  void sizesFollowMatlab() {
    assertThat(Bicubic.outputLength(101, 0.5)).isEqualTo(51);
    assertThat(Bicubic.outputLength(99, 1.0 / 3)).isEqualTo(33);
    assertThat(Bicubic.downscale(RgbImage.allocate(64, 48), 4).width()).isEqualTo(16);
    RgbImage up = Bicubic.resize(RgbImage.allocate(5, 7), 2.0);
    assertThat(up.width()).isEqualTo(10);
    assertThat(up.height()).isEqualTo(14);
    assertThat(Bicubic.resize(RgbImage.allocate(5, 7), 3, 11).height()).isEqualTo(11);
    assertThatThrownBy(() -> Bicubic.resize(RgbImage.allocate(5, 7), 0.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flatImagesStayFlatUpAndDown() {
    byte[] px = new byte[31 * 17 * 3];
    Arrays.fill(px, (byte) 200);
    RgbImage flat = new RgbImage(31, 17, px);
    for (double s : new double[] {0.5, 0.25, 1.0 / 3, 2.0, 3.0, 4.0, 0.7}) {
      RgbImage r = Bicubic.resize(flat, s);
      for (byte b : r.rgb()) {
        assertThat(b & 0xFF).as("scale " + s).isEqualTo(200);
      }
    }
  }

  @Test
  void alphaPlaneResizesLikeAColourChannel() {
    Random rnd = new Random(7);
    byte[] rgb = new byte[9 * 6 * 3];
    rnd.nextBytes(rgb);
    byte[] a = new byte[9 * 6];
    for (int i = 0; i < a.length; i++) {
      a[i] = rgb[i * 3 + 1];
    }
    RgbImage up = Bicubic.resize(new RgbImage(9, 6, rgb), 2.0);
    GrayPlane upA = Bicubic.resize(new GrayPlane(9, 6, a), 2.0);
    GrayPlane sized = Bicubic.resize(new GrayPlane(9, 6, a), 18, 12);
    assertThat(upA.width()).isEqualTo(18);
    for (int i = 0; i < upA.data().length; i++) {
      assertThat(upA.data()[i]).isEqualTo(up.rgb()[i * 3 + 1]);
    }
    assertThat(sized.data()).isEqualTo(upA.data());
  }

  /** Parallel bands give the same bits as one band (large enough to go parallel). */
  @Test
  void largeImageIsDeterministicAndMatchesPerRowComputation() {
    Random rnd = new Random(3);
    byte[] px = new byte[301 * 203 * 3];
    rnd.nextBytes(px);
    RgbImage img = new RgbImage(301, 203, px);
    RgbImage a = Bicubic.resize(img, 0.5);
    RgbImage b = Bicubic.resize(img, 0.5);
    assertThat(a.rgb()).isEqualTo(b.rgb());
    byte[] row = Arrays.copyOfRange(px, 0, 301 * 3);
    double[] one = Bicubic.resizeToDouble(row, 301, 1, 3, 151, 1);
    assertThat(one).hasSize(151 * 3);
    assertThat(Bicubic.resize(img, 600, 400).width()).isEqualTo(600);
  }

  @Test
  void modcrop() {
    RgbImage img = RgbImage.allocate(10, 7);
    img.rgb()[(6 * 10 + 9) * 3] = 5;
    RgbImage c = ModCrop.apply(img, 4);
    assertThat(c.width()).isEqualTo(8);
    assertThat(c.height()).isEqualTo(4);
    assertThat(ModCrop.apply(img, 1)).isSameAs(img);
    assertThatThrownBy(() -> ModCrop.apply(img, 11)).isInstanceOf(IllegalArgumentException.class);
  }
}
