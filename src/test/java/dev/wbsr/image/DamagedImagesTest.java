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
      throw new AssertionError(p.getFileName() + " decoded as " + img.rgb().width() + "x"
          + img.rgb().height() + " although it is damaged");
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
}
