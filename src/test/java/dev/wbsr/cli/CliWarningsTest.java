package dev.wbsr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14.4/14: an input used in spite of a problem (here a JPEG whose colour profile is damaged
 * and was dropped) is named on stderr with the problem in words, by {@code upscale} and {@code
 * eval}; a clean input gets no warning line.
 */
class CliWarningsTest {

  @TempDir Path tmp;

  @Test
  void upscaleAndEvalPrintEachInputsWarningsOnStderr() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path damaged = in.resolve("profile.jpg");
    Files.copy(Path.of("src/test/resources/images/damaged/truncated-icc.jpg"), damaged);
    Path clean = in.resolve("clean.png");
    CliTest.writePng(clean, 40, 30, 3);
    String model = TestBundles.tiny(2).dir().toString();

    CliTest.Run up =
        CliTest.wbsr(
            "upscale",
            "-m",
            model,
            "--device",
            "cpu",
            "-o",
            tmp.resolve("out").toString(),
            in.toString());
    assertThat(up.code()).as(up.err()).isZero();
    String expected =
        "warning  "
            + damaged
            + ": the embedded colour profile is damaged and was"
            + " ignored; colours are read as sRGB";
    assertThat(up.err().lines())
        .as(up.err())
        .contains(expected)
        .noneMatch(l -> l.contains("clean.png"))
        .allMatch(l -> !l.contains("Exception"));
    assertThat(tmp.resolve("out/profile.png")).exists();

    CliTest.Run eval = CliTest.wbsr("eval", "--hr", in.toString(), "-m", model, "--device", "cpu");
    assertThat(eval.code()).as(eval.err()).isZero();
    assertThat(eval.err().lines())
        .as(eval.err())
        .contains(expected)
        .noneMatch(l -> l.contains("clean.png"));
  }
}
