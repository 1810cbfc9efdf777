package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebP output (libwebp from the jar, no network): lossless at quality 100, lossy below. */
class WebpWriteTest {

  @TempDir Path dir;
  private final ImageLoader loader = new ImageLoader();

  @Test
  void quality100IsLosslessAndReadsBackIdentically() throws IOException {
    RgbImage src = TestImages.pattern(37, 21);
    Path p =
        ImageSaver.save(src, dir.resolve("out.webp"), SaveOptions.defaults().withJpegQuality(100));
    byte[] head = Files.readAllBytes(p);
    assertThat(ImageFormat.sniff(head, head.length)).contains(ImageFormat.WEBP);
    assertThat(new String(head, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("VP8L");
    LoadedImage back = loader.load(p);
    assertThat(back.metadata().format()).isEqualTo(ImageFormat.WEBP);
    TestImages.assertSameBytes(back.rgb().rgb(), src.rgb());
  }

  @Test
  void lowerQualityIsLossyAndSmaller() throws IOException {
    RgbImage src = smooth(96, 64);
    Path low =
        ImageSaver.save(src, dir.resolve("low.webp"), SaveOptions.defaults().withJpegQuality(30));
    Path high =
        ImageSaver.save(src, dir.resolve("high.webp"), SaveOptions.defaults().withJpegQuality(90));
    byte[] b = Files.readAllBytes(low);
    assertThat(new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("VP8 ");
    assertThat(Files.size(low)).isLessThan(Files.size(high));
    LoadedImage back = loader.load(high);
    assertThat(back.rgb().width()).isEqualTo(96);
    assertThat(back.rgb().height()).isEqualTo(64);
    // lossy, but close: the mean absolute error of a q90 encode stays small
    double err = 0;
    for (int i = 0; i < src.rgb().length; i++) {
      err += Math.abs((back.rgb().rgb()[i] & 0xFF) - (src.rgb()[i] & 0xFF));
    }
    assertThat(err / src.rgb().length).isLessThan(12);
  }

  /** A photo-like gradient (lossy codecs are made for these, not for pixel noise). */
  private static RgbImage smooth(int w, int h) {
    byte[] px = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * 3;
        px[o] = (byte) (x * 255 / w);
        px[o + 1] = (byte) (y * 255 / h);
        px[o + 2] = (byte) ((x + y) * 255 / (w + h));
      }
    }
    return new RgbImage(w, h, px);
  }

  @Test
  void parsesAsAnOutputFormat() {
    assertThat(ImageFormat.parseWritable("webp")).isEqualTo(ImageFormat.WEBP);
    assertThat(ImageFormat.parseWritable("WEBP").writable()).isTrue();
  }
}
