package dev.wbsr.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.image.ImageException.Kind;
import dev.wbsr.image.SaveOptions.AlphaPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSaverTest {

  @TempDir Path dir;
  private final ImageLoader loader = new ImageLoader();

  private ImageException failure(LoadedImage img, Path target, SaveOptions o) {
    try {
      ImageSaver.save(img, target, o);
    } catch (ImageException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e;
    }
    throw new AssertionError("expected saving " + target + " to fail");
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void pngAndTiffAreLossless() throws IOException {
    RgbImage src = TestImages.pattern(23, 11);
    for (String ext : new String[] {"png", "tif", "TIFF"}) {
      Path p = ImageSaver.save(src, dir.resolve("out." + ext), SaveOptions.defaults());
      LoadedImage back = loader.load(p);
      TestImages.assertSameBytes(back.rgb().rgb(), src.rgb());
      assertThat(back.alpha()).isNull();
    }
    assertThat(listing())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("out.TIFF", "out.png", "out.tif");
  }

  @Test
  void alphaIsWrittenToPngAndTiff() throws IOException {
    RgbImage src = TestImages.pattern(6, 4);
    byte[] a = new byte[24];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) (i * 10);
    }
    LoadedImage img = LoadedImage.of(src).withPixels(src, new GrayPlane(6, 4, a));
    for (String ext : new String[] {"png", "tif"}) {
      LoadedImage back =
          loader.load(ImageSaver.save(img, dir.resolve("a." + ext), SaveOptions.defaults()));
      assertThat(back.alpha().data()).as(ext).isEqualTo(a);
      TestImages.assertSameBytes(back.rgb().rgb(), src.rgb());
    }
  }

  @Test
  void jpegQualityAndAlphaPolicy() throws IOException {
    RgbImage src = TestImages.pattern(64, 64);
    Path low =
        ImageSaver.save(src, dir.resolve("low.jpg"), SaveOptions.defaults().withJpegQuality(20));
    Path high =
        ImageSaver.save(src, dir.resolve("high.jpeg"), SaveOptions.defaults().withJpegQuality(98));
    assertThat(Files.size(low)).isLessThan(Files.size(high));
    assertThat(loader.load(high).metadata().format()).isEqualTo(ImageFormat.JPEG);
    byte[] a = new byte[64 * 64]; // fully transparent
    LoadedImage transparent = LoadedImage.of(src).withPixels(src, new GrayPlane(64, 64, a));
    Path flat = ImageSaver.save(transparent, dir.resolve("flat.jpg"), SaveOptions.defaults());
    assertThat(loader.load(flat).rgb().sample(30, 30, 1)).isGreaterThan(250); // white
    ImageException e =
        failure(
            transparent,
            dir.resolve("refused.jpg"),
            SaveOptions.defaults().withJpegAlpha(AlphaPolicy.REFUSE));
    assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_FORMAT);
    assertThat(dir.resolve("refused.jpg")).doesNotExist();
  }

  /** SOF component sampling factors: 0x22 for luma means 4:2:0, 0x11 everywhere 4:4:4. */
  @Test
  void highQualityJpegKeepsFullChroma() throws IOException {
    RgbImage src = TestImages.pattern(32, 32);
    byte[] q95 =
        Files.readAllBytes(
            ImageSaver.save(
                src, dir.resolve("q95.jpg"), SaveOptions.defaults().withJpegQuality(95)));
    byte[] q80 =
        Files.readAllBytes(
            ImageSaver.save(
                src, dir.resolve("q80.jpg"), SaveOptions.defaults().withJpegQuality(80)));
    assertThat(lumaSampling(q95)).isEqualTo(0x11);
    assertThat(lumaSampling(q80)).isEqualTo(0x22);
  }

  private static int lumaSampling(byte[] jpg) {
    for (int i = 2; i < jpg.length - 12; i++) {
      if ((jpg[i] & 0xFF) == 0xFF && (jpg[i + 1] & 0xFF) == 0xC0) {
        return jpg[i + 11] & 0xFF; // FFC0 len(2) P(1) Y(2) X(2) Nf(1) C1 H1V1
      }
    }
    throw new AssertionError("no SOF0");
  }

  @Test
  void flatteningBlendsOnWhite() {
    RgbImage px = new RgbImage(1, 1, new byte[] {0, 100, (byte) 200});
    RgbImage f = ImageSaver.flattenOnWhite(px, new GrayPlane(1, 1, new byte[] {(byte) 128}));
    assertThat(f.sample(0, 0, 0)).isEqualTo(127); // 0 * 128/255 + 255 * 127/255 = 127.0
    assertThat(f.sample(0, 0, 1)).isEqualTo(177); // 100 * 128/255 + 127 = 177.2
  }

  @Test
  void neverOverwritesUnlessAskedAndKeepsTheOldFileIntact() throws IOException {
    Path target = Files.writeString(dir.resolve("keep.png"), "the user's file");
    RgbImage src = TestImages.pattern(8, 8);
    ImageException e = failure(LoadedImage.of(src), target, SaveOptions.defaults());
    assertThat(e.kind()).isEqualTo(Kind.TARGET_EXISTS);
    assertThat(e.getMessage()).startsWith("keep.png: ");
    assertThat(Files.readString(target)).isEqualTo("the user's file");
    ImageSaver.save(src, target, SaveOptions.defaults().withOverwrite(true));
    TestImages.assertSameBytes(loader.load(target).rgb().rgb(), src.rgb());
    assertThat(listing()).hasSize(1);
  }

  @Test
  void failureLeavesNothingBehind() throws IOException {
    Path notADir = Files.writeString(dir.resolve("file"), "x");
    ImageException e =
        failure(
            LoadedImage.of(TestImages.pattern(4, 4)),
            notADir.resolve("out.png"),
            SaveOptions.defaults());
    assertThat(e.kind()).isEqualTo(Kind.WRITE_FAILED);
    ImageException unknown =
        failure(
            LoadedImage.of(TestImages.pattern(4, 4)),
            dir.resolve("out.gif"),
            SaveOptions.defaults());
    assertThat(unknown.kind()).isEqualTo(Kind.UNSUPPORTED_FORMAT);
    Files.createDirectory(dir.resolve("folder.png"));
    assertThat(
            failure(
                    LoadedImage.of(TestImages.pattern(4, 4)),
                    dir.resolve("folder.png"),
                    SaveOptions.defaults().withOverwrite(true))
                .kind())
        .isEqualTo(Kind.NOT_A_FILE);
    assertThat(listing())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("file", "folder.png");
  }

  @Test
  void interruptCancelsAndLeavesNoFile() throws Exception {
    RgbImage big = TestImages.pattern(600, 400);
    for (String ext : new String[] {"png", "jpg", "tif"}) {
      Path target = dir.resolve("cancel." + ext);
      Thread.currentThread().interrupt();
      try {
        ImageException e = failure(LoadedImage.of(big), target, SaveOptions.defaults());
        assertThat(e.kind()).as(ext).isEqualTo(Kind.CANCELLED);
      } finally {
        Thread.interrupted();
      }
      assertThat(target).doesNotExist();
    }
    assertThat(listing()).isEmpty();
  }

  @Test
  void longFileNamesStillGetATempFile() throws IOException {
    Path target = dir.resolve("n".repeat(250) + ".png");
    ImageSaver.save(TestImages.pattern(4, 4), target, SaveOptions.defaults());
    assertThat(listing()).containsExactly(target);
  }

  @Test
  void createsMissingFoldersAndExplicitFormatWins() throws IOException {
    Path target = dir.resolve("a/b/out.data");
    ImageSaver.save(
        TestImages.pattern(4, 4), target, SaveOptions.defaults().withFormat(ImageFormat.PNG));
    assertThat(loader.load(target).metadata().format()).isEqualTo(ImageFormat.PNG);
  }
}
