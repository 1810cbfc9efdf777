package dev.wbsr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.TestBundles;
import dev.wbsr.image.ImageFormat;
import dev.wbsr.job.ImageFuzz;
import dev.wbsr.job.PlainText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14.10: every decoder error reaches the user as one plain sentence. For each supported
 * format, damaged files that the decoders reject for different reasons (taken from the seeded
 * fuzzer, plus the cases found by it) are given to {@code upscale} and {@code eval}: each is named
 * once on stderr with a reason free of Java class names, exception text and stack frames.
 */
class DecoderErrorsInWordsTest {

  static final int PER_FORMAT = 6;

  @TempDir Path tmp;

  @Test
  void upscaleAndEvalSayWhatIsWrongWithEachDamagedFileInWords() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    ImageFuzz fuzz = new ImageFuzz(tmp.resolve("fuzz"), 14);
    List<Path> damaged = new ArrayList<>();
    for (ImageFormat format :
        List.of(
            ImageFormat.PNG,
            ImageFormat.JPEG,
            ImageFormat.TIFF,
            ImageFormat.WEBP,
            ImageFormat.BMP,
            ImageFormat.PSD)) {
      Set<String> reasons = new HashSet<>();
      for (int i = 0; i < 400 && reasons.size() < PER_FORMAT; i++) {
        ImageFuzz.Case c = fuzz.make(format, i);
        ImageFuzz.Result r = fuzz.run(c, false);
        // one file per distinct refusal, so each decoder's different errors are all seen
        String reason = r.detail().replaceFirst("^[^:]*: ", "").replaceAll("\\d+", "N");
        if (r.outcome() == ImageFuzz.Outcome.REFUSED && reasons.add(reason)) {
          Path f = in.resolve(format.extension() + "-" + i + "." + format.extension());
          damaged.add(Files.write(f, c.bytes()));
        }
      }
      assertThat(reasons).as(format + " refusals").hasSize(PER_FORMAT);
    }
    // found by the fuzzer: the PNG reader's "Caught exception during read:"
    byte[] png = Files.readAllBytes(tmp.resolve("fuzz/seeds/argb.png"));
    png[39] ^= 1;
    damaged.add(Files.write(in.resolve("critical-chunk.png"), png));

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
    CliTest.Run eval = CliTest.wbsr("eval", "--hr", in.toString(), "-m", model, "--device", "cpu");
    for (CliTest.Run run : List.of(up, eval)) {
      assertThat(run.code()).as(run.err()).isEqualTo(1);
      List<String> failed = run.err().lines().filter(l -> l.startsWith("failed  ")).toList();
      assertThat(failed).as(run.err()).hasSize(damaged.size());
      for (Path f : damaged) {
        String prefix = "failed  " + f + ": ";
        String line =
            failed.stream()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError(f + " not reported in\n" + run.err()));
        String reason = line.substring(prefix.length());
        assertThat(PlainText.reasonProblem(reason, f.getFileName().toString())).as(line).isNull();
      }
      assertThat(run.err() + run.out()).doesNotContain("\tat ").doesNotContain("Exception");
    }
    assertThat(tmp.resolve("out"))
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }
}
