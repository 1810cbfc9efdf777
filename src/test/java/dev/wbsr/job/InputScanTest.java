package dev.wbsr.job;

import static dev.wbsr.job.Jobs.png;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.image.GrayPlane;
import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.pipeline.RoutingPolicy;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScanTest {

  @TempDir Path tmp;

  private static UpscaleRequest named(String template, Path out) {
    return new UpscaleRequest(
        List.of(Path.of("x.png")),
        false,
        new ModelRef(Path.of("m"), "wbsr-x4", 4),
        new RoutingPolicy.Supernet(),
        OutputPolicy.of(out, ImageFormat.JPEG).withNameTemplate(template));
  }

  @Test
  void namesFollowTheTemplateAndNeverLeaveTheFolder() {
    Path out = Path.of("o");
    assertThat(InputScan.outputName(named(null, out), Path.of("cat.photo.jpeg")))
        .isEqualTo("cat.photo.jpg");
    assertThat(
            InputScan.outputName(named("{name}_x{scale}-{bundle}-{mode}", out), Path.of("a.png")))
        .isEqualTo("a_x4-wbsr-x4-supernet.jpg");
    assertThat(InputScan.outputName(named("a/b:{name}", out), Path.of("c.png")))
        .isEqualTo("a_b_c.jpg");
  }

  @Test
  void freeNamesAreNumbered() throws Exception {
    Path p = Files.writeString(tmp.resolve("a.png"), "x");
    Files.writeString(tmp.resolve("a (1).png"), "x");
    assertThat(InputScan.freeName(p, Files::exists).getFileName().toString())
        .isEqualTo("a (2).png");
  }

  @Test
  void foldersListImagesFilesAreTakenAsGivenMissingInputsFail() throws Exception {
    png(tmp.resolve("b.png"), 2, 2);
    png(tmp.resolve("a.jpg.png"), 2, 2);
    Files.writeString(tmp.resolve("c.txt"), "x");
    Files.writeString(tmp.resolve("d"), "x");
    assertThat(InputScan.imagesIn(tmp))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("a.jpg.png", "b.png");
    List<FileJob> jobs =
        InputScan.plan(
            Jobs.request(List.of(tmp.resolve("d")), false, tmp.resolve("o"), WhenExists.FAIL));
    assertThat(jobs.get(0).output().getFileName().toString()).isEqualTo("d.png");
    assertThatThrownBy(
            () ->
                InputScan.plan(
                    Jobs.request(List.of(tmp.resolve("nope")), false, tmp, WhenExists.FAIL)))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no such file or folder");
  }

  @Test
  void alphaIsResizedToTheResultAndMetadataKept() {
    byte[] a = new byte[4 * 3];
    Arrays.fill(a, (byte) 90);
    a[0] = 0;
    LoadedImage src =
        LoadedImage.of(RgbImage.allocate(4, 3))
            .withPixels(RgbImage.allocate(4, 3), new GrayPlane(4, 3, a));
    LoadedImage out = Alpha.reattach(src, RgbImage.allocate(8, 6));
    assertThat(out.alpha().width()).isEqualTo(8);
    assertThat(out.alpha().data()).isEqualTo(Bicubic.resize(src.alpha(), 2.0).data());
    assertThat(out.metadata()).isSameAs(src.metadata());
    assertThat(
            Alpha.reattach(LoadedImage.of(RgbImage.allocate(2, 2)), RgbImage.allocate(4, 4))
                .alpha())
        .isNull();
  }
}
