package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsdExtraTest {

  @TempDir Path dir;

  @Test
  void cmykPsdIsConvertedWithInvertedInk() throws IOException {
    int[][] planes = new int[4][4 * 2];
    for (int[] p : planes) {
      Arrays.fill(p, 255); // PSD stores CMYK inverted: 255 = no ink
    }
    planes[0][0] = 0; // full cyan at (0, 0)
    LoadedImage img =
        new ImageLoader().load(TestImages.psd(dir.resolve("c.psd"), 4, 2, 8, 4, planes, null));
    assertThat(img.metadata().sourceColor()).isEqualTo(SourceColor.CMYK);
    assertThat(img.metadata().convertedToSrgb()).isTrue();
    assertThat(img.rgb().sample(0, 0, 0)).isLessThan(60);
    assertThat(img.rgb().sample(0, 0, 2)).isGreaterThan(200);
    assertThat(img.rgb().sample(1, 0, 0)).isGreaterThan(235);
    assertThat(img.rgb().sample(1, 0, 1)).isGreaterThan(235);
  }

  /** A flattened PSD's extra channel is a saved selection, not transparency. */
  @Test
  void extraChannelOfFlatRgbPsdIsNotAlpha() throws IOException {
    int[][] planes = new int[4][4 * 2];
    Arrays.fill(planes[0], 200);
    Arrays.fill(planes[3], 128);
    LoadedImage img =
        new ImageLoader().load(TestImages.psd(dir.resolve("a.psd"), 4, 2, 8, 3, planes, null));
    assertThat(img.alpha()).isNull();
    assertThat(img.rgb().sample(3, 1, 0)).isEqualTo(200);
    assertThat(img.rgb().sample(3, 1, 1)).isZero();
  }
}
