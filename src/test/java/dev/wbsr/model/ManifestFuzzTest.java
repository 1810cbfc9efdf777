package dev.wbsr.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.job.PlainText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: seeded mutations of a real manifest (the tiny x2 fixture's): byte flips, truncation,
 * and JSON values replaced by absurd ones (negative, huge, zero, wrong type, null, a path out of
 * the bundle). Loading each must either succeed or fail with a {@link BundleException} of one plain
 * sentence; nothing else may escape.
 */
class ManifestFuzzTest {

  static final long SEED = 14;
  static final int CASES = 300;

  private static final Pattern VALUE =
      Pattern.compile(
          "(\"[a-z_]+\"\\s*:\\s*)(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|\"[^\"]*\"|true|false)");
  private static final String[] ABSURD = {
    "-1",
    "0",
    "1e308",
    "2000000",
    "-0.5",
    "NaN",
    "null",
    "\"\"",
    "\"../../etc/passwd\"",
    "\"/etc/passwd\"",
    "[]",
    "{}",
    "true",
    "99999999999999999999",
    "\"x\"",
    "1.5"
  };

  @TempDir Path tmp;

  @Test
  void mutatedManifestsLoadOrAreRefusedInOneSentence() throws Exception {
    Path fixture = Path.of("src/test/resources/bundles/tiny-x2");
    Path dir = Files.createDirectories(tmp.resolve("bundle"));
    try (Stream<Path> files = Files.list(fixture)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    byte[] original = Files.readAllBytes(fixture.resolve("manifest.json"));
    String text = new String(original, StandardCharsets.UTF_8);
    List<int[]> values = new ArrayList<>();
    Matcher m = VALUE.matcher(text);
    while (m.find()) {
      values.add(new int[] {m.start(2), m.end(2)});
    }
    assertThat(values).hasSizeGreaterThan(20);
    List<String> violations = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      Random r = new Random(SEED * 1_000_003L + i);
      byte[] b;
      String what;
      switch (i % 3) {
        case 0 -> {
          b = original.clone();
          int pos = r.nextInt(b.length);
          b[pos] ^= (byte) (1 << r.nextInt(8));
          what = "flip at " + pos;
        }
        case 1 -> {
          int len = r.nextInt(original.length);
          b = Arrays.copyOf(original, len);
          what = "cut to " + len;
        }
        default -> {
          int[] v = values.get(r.nextInt(values.size()));
          String absurd = ABSURD[r.nextInt(ABSURD.length)];
          b =
              (text.substring(0, v[0]) + absurd + text.substring(v[1]))
                  .getBytes(StandardCharsets.UTF_8);
          what = "value at " + v[0] + " = " + absurd;
        }
      }
      Files.write(dir.resolve("manifest.json"), b);
      try {
        ModelBundle.load(dir);
      } catch (BundleException e) {
        refused++;
        String problem = PlainText.reasonProblem(e.getMessage(), "manifest.json:");
        if (problem != null) {
          violations.add(what + ": " + problem + ": " + e.getMessage());
        }
      } catch (RuntimeException | Error e) {
        violations.add(what + ": escaped " + e);
      }
    }
    assertThat(refused).as("the mutations reach the checks").isGreaterThan(CASES / 2);
    assertThat(violations).isEmpty();
  }
}
