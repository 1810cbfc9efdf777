package dev.wbsr.ui.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.image.RgbImage;
import org.junit.jupiter.api.Test;

class ViewportRendererTest {

  static RgbImage solid(int w, int h, int rgb) {
    RgbImage img = RgbImage.allocate(w, h);
    for (int i = 0; i < w * h; i++) {
      img.rgb()[3 * i] = (byte) (rgb >> 16);
      img.rgb()[3 * i + 1] = (byte) (rgb >> 8);
      img.rgb()[3 * i + 2] = (byte) rgb;
    }
    return img;
  }

  static RgbImage ramp(int w, int h) {
    RgbImage img = RgbImage.allocate(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.rgb()[(y * w + x) * 3] = (byte) x;
        img.rgb()[(y * w + x) * 3 + 1] = (byte) y;
      }
    }
    return img;
  }

  @Test
  void oneToOneCopiesPixelsAndPaintsBackgroundOutside() {
    RgbImage img = ramp(8, 4);
    int[] dst = new int[10 * 6];
    ViewportRenderer.render(
        dst,
        10,
        6,
        new ViewportRenderer.Frame(PixelSource.of(img), null, -1, null, 0, 1, 4, 2, 0x123456));
    // image centred: x 1..8, y 1..4
    assertThat(dst[0]).isEqualTo(0xFF123456);
    assertThat(dst[1 * 10 + 1]).isEqualTo(0xFF000000);
    assertThat(dst[2 * 10 + 4]).isEqualTo(0xFF000000 | 3 << 16 | 1 << 8);
  }

  @Test
  void zoomInIsNearestNeighbour() {
    RgbImage img = ramp(2, 2);
    int[] dst = new int[8 * 8];
    ViewportRenderer.render(
        dst, 8, 8, new ViewportRenderer.Frame(PixelSource.of(img), null, -1, null, 0, 4, 1, 1, 0));
    assertThat(dst[0]).isEqualTo(dst[3]).isEqualTo(0xFF000000);
    assertThat(dst[4]).isEqualTo(0xFF010000);
    assertThat(dst[7 * 8 + 7]).isEqualTo(0xFF010100);
  }

  @Test
  void splitDrawsRightSourceRightOfTheLineAndOverlayBlends() {
    PixelSource a = PixelSource.of(solid(4, 4, 0x000000));
    PixelSource b = PixelSource.of(solid(4, 4, 0xFFFFFF));
    int[] dst = new int[4 * 4];
    OverlayMap map = new OverlayMap(1, 1, 4, new int[] {0xFF0000});
    ViewportRenderer.render(dst, 4, 4, new ViewportRenderer.Frame(a, b, 2, map, 0.5, 1, 2, 2, 0));
    assertThat(dst[0]).isEqualTo(0xFF7F0000);
    assertThat(dst[3]).isEqualTo(0xFFFF7F7F);
  }

  @Test
  void enlargedSourceRepeatsLrPixels() {
    PixelSource s = PixelSource.enlarged(ramp(3, 2), 2);
    assertThat(s.width()).isEqualTo(6);
    assertThat(s.rgb(5, 3)).isEqualTo(s.rgb(4, 2)).isEqualTo(2 << 16 | 1 << 8);
  }

  @Test
  void a24MegapixelImageRendersItsViewportAtEveryZoom() {
    // speed on big images is a benchmark matter (bench/app-memory.sh, StartupBenchmark), not a
    // test's: here every viewport pixel is written, at zooms below, at and above 1:1
    RgbImage big = RgbImage.allocate(6000, 4000);
    for (double zoom : new double[] {0.2, 1, 4}) {
      int[] dst = new int[1280 * 800];
      ViewportRenderer.render(
          dst,
          1280,
          800,
          new ViewportRenderer.Frame(
              PixelSource.of(big),
              null,
              -1,
              new OverlayMap(94, 63, 64, new int[94 * 63]),
              0.4,
              zoom,
              3000,
              2000,
              0));
      assertThat(java.util.Arrays.stream(dst).allMatch(argb -> (argb >>> 24) == 0xff)).isTrue();
    }
  }

  @Test
  void zoomKeepsThePointUnderTheCursor() {
    ViewTransform t = new ViewTransform();
    t.fit(1000, 500, 400, 300);
    double ix = t.imageX(100, 400);
    double iy = t.imageY(50, 300);
    t.zoomAt(3, 100, 50, 400, 300);
    assertThat(t.imageX(100, 400)).isCloseTo(ix, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(t.imageY(50, 300)).isCloseTo(iy, org.assertj.core.data.Offset.offset(1e-9));
    t.setZoom(1e9);
    assertThat(t.getZoom()).isEqualTo(ViewTransform.MAX_ZOOM);
  }

  @Test
  void colourMapsRunFromDarkToLight() {
    int first = ColorMaps.classColor(1, 10);
    int last = ColorMaps.classColor(10, 10);
    assertThat(first).isEqualTo(0x440154);
    assertThat(last).isEqualTo(0xfde725);
    assertThat(ColorMaps.subnetColor(-1, 9)).isEqualTo(ColorMaps.BICUBIC_GREY);
  }
}
