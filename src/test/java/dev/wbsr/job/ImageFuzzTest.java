package dev.wbsr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.image.ImageFormat;
import dev.wbsr.job.ImageFuzz.Outcome;
import dev.wbsr.job.ImageFuzz.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a few hundred seeded mutations of each supported format, loaded, and every fifth one
 * upscaled to a file. No crash, no hang, no output from a file that did not decode completely,
 * every refusal one plain sentence. The 10,000-case run is {@code bench/fuzz-images.sh}.
 */
class ImageFuzzTest {

  static final long SEED = 14;
  static final int CASES_PER_FORMAT = 200;

  @TempDir Path dir;

  @Test
  void mutatedImagesDecodeCleanlyOrAreRefusedInWordsAndNeverBecomeOutputs() throws Exception {
    var all = new ImageFuzz(dir, SEED).runAll(CASES_PER_FORMAT, 5);
    List<String> violations = new ArrayList<>();
    for (var e : all.entrySet()) {
      Map<Outcome, List<Result>> by = e.getValue();
      by.forEach(
          (o, list) -> {
            if (o.violation()) {
              list.forEach(r -> violations.add(o + "  " + r.c().what() + "  " + r.detail()));
            }
          });
      // the mutations reach the decoders: each format has files that load and files refused
      assertThat(by.getOrDefault(Outcome.REFUSED, List.of()))
          .as(e.getKey() + " refused")
          .hasSizeGreaterThan(CASES_PER_FORMAT / 10);
      assertThat(
              by.getOrDefault(Outcome.SAME_PIXELS, List.of()).size()
                  + by.getOrDefault(Outcome.CHANGED_PIXELS, List.of()).size())
          .as(e.getKey() + " decoded")
          .isPositive();
    }
    assertThat(all.keySet()).containsExactlyElementsOf(ImageFuzz.FORMATS);
    assertThat(violations).isEmpty();
  }

  @Test
  void casesAreReproducibleFromTheSeed() throws Exception {
    ImageFuzz a = new ImageFuzz(dir.resolve("a"), SEED);
    ImageFuzz b = new ImageFuzz(dir.resolve("b"), SEED);
    for (ImageFormat f : ImageFuzz.FORMATS) {
      for (int i = 0; i < 6; i++) {
        assertThat(a.make(f, i).bytes()).isEqualTo(b.make(f, i).bytes());
        assertThat(a.make(f, i).what()).isEqualTo(b.make(f, i).what());
      }
    }
  }
}
