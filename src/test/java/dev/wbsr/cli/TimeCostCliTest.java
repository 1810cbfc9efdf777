package dev.wbsr.cli;

import static dev.wbsr.cli.CliTest.wbsr;
import static dev.wbsr.cli.CliTest.writePng;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wbsr.engine.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cost time} end to end on the tiny bundle, the load average and {@code bench --calls}.
 */
class TimeCostCliTest {

  @TempDir Path tmp;

  private static String model() {
    return TestBundles.tiny(2).dir().toString();
  }

  @Test
  void timeCostNeedsABudgetAndKnownCostsOnly() {
    assertThat(wbsr("upscale", "--cost", "time", "x.png").code()).isEqualTo(2);
    assertThat(wbsr("upscale", "--cost", "watts", "--budget", "0.5", "x.png").code()).isEqualTo(2);
    assertThat(wbsr("bench", "-m", model(), "--cost", "time", "x.png").code()).isEqualTo(2);
  }

  @Test
  void upscaleWithATimeBudgetMeasuresOnceIntoTheTestCache() throws Exception {
    Path img = tmp.resolve("a.png");
    writePng(img, 70, 40, 3);
    Path cacheDir = Path.of(System.getProperty("wbsr.cache.dir"), "subnet-times");
    CliTest.Run r =
        wbsr(
            "upscale",
            "-m",
            model(),
            "--budget",
            "0.6",
            "--cost",
            "time",
            "-o",
            tmp.resolve("o").toString(),
            img.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("of measured time");
    assertThat(tmp.resolve("o").resolve("a.png")).exists();
    try (var files = Files.list(cacheDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith(TestBundles.tiny(2).name()));
    }
  }

  @Test
  void benchReportsTheLoadAverageAndTimesSingleCalls() throws Exception {
    Path img = tmp.resolve("x.png");
    writePng(img, 64, 48, 4);
    Path json = tmp.resolve("bench.json");
    CliTest.Run r =
        wbsr(
            "bench",
            "-m",
            model(),
            "--runs",
            "1",
            "--device",
            "cpu",
            "--budget",
            "0.7",
            "--cost",
            "time",
            "--json",
            json.toString(),
            img.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("load average (1/5/15 min)", "wbsr (time 0.70)");
    JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertThat(o.keySet()).contains("load_average_start", "load_average_end", "idle");
    assertThat(o.getAsJsonArray("images").get(0).getAsJsonObject().keySet())
        .contains("load_average_start", "load_average_end");

    Path calls = tmp.resolve("calls.json");
    CliTest.Run c = wbsr("bench", "--calls", "-m", model(), "--json", calls.toString());
    assertThat(c.code()).as(c.err()).isZero();
    JsonObject co = JsonParser.parseString(Files.readString(calls)).getAsJsonObject();
    assertThat(co.getAsJsonArray("calls")).hasSize(TestBundles.tiny(2).manifest().subnets().size());
    assertThat(
            co.getAsJsonArray("calls")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("gflops_per_cpu_s")
                .keySet())
        .contains("1x34", "16x34", "1x258");
  }
}
