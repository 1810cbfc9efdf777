package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.image.ImageException.Kind;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14.9: an image whose upscaled output cannot fit in the heap is refused before decoding. */
class UpscaleMemoryTest {

  @TempDir Path dir;

  @Test
  void aBombThatFitsThePixelLimitIsRefusedBeforeDecodingWhenItsOutputCannotFit() throws Exception {
    Path small =
        TestImages.write(
            TestImages.toBuffered(TestImages.pattern(8, 8)), "png", dir.resolve("small.png"));
    byte[] b = Files.readAllBytes(small);
    // IHDR says 10000 x 10000 (100 MP, under the 120 MP limit); the refusal comes before the data
    ByteBuffer.wrap(b).putInt(16, 10_000).putInt(20, 10_000);
    Path bomb = Files.write(dir.resolve("bomb.png"), b);
    long max = Runtime.getRuntime().maxMemory();
    long upscaleX4 = 100_000_000L * (4 + 16 * 8);
    assertThat(upscaleX4).as("the test needs a heap smaller than %d", upscaleX4).isGreaterThan(max);
    assertThatThrownBy(() -> new ImageLoader().forUpscale(4).load(bomb))
        .isInstanceOf(ImageException.class)
        .matches(e -> ((ImageException) e).kind() == Kind.TOO_LARGE)
        .hasMessageStartingWith("bomb.png: 10000 x 10000 pixels needs about")
        .hasMessageContaining("larger -Xmx")
        .hasMessageContaining("smaller image");
    assertThat(new ImageLoader().forUpscale(4).load(small).rgb().width()).isEqualTo(8);
  }
}
