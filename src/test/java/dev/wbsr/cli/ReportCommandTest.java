package dev.wbsr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.wbsr.engine.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wbsr report} end to end on the tiny x2 fixture, checked against {@code wbsr eval}. */
class ReportCommandTest {

  @TempDir Path tmp;

  private Path models() throws Exception {
    Path dst = tmp.resolve("models/wbsr-x2");
    Files.createDirectories(dst);
    try (Stream<Path> files = Files.list(TestBundles.tiny(2).dir())) {
      for (Path f : files.toList()) {
        Files.copy(f, dst.resolve(f.getFileName()));
      }
    }
    return dst.getParent();
  }

  @Test
  void writesTheReportWhoseRowsEvalReproduces() throws Exception {
    Path data = tmp.resolve("data");
    CliTest.writePng(data.resolve("val-photo/one.png"), 80, 70, 1);
    CliTest.writePng(data.resolve("val-photo/two.png"), 66, 64, 2);
    Path models = models();
    Path out = tmp.resolve("docs");
    CliTest.Run r =
        CliTest.wbsr(
            "report",
            "--data",
            data.toString(),
            "--models",
            models.toString(),
            "--out",
            out.toString(),
            "--sets",
            "val-photo",
            "--scales",
            "2",
            "--budgets",
            "0.5,1",
            "--etas",
            "1,8",
            "--device",
            "cpu");
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("Wrote").contains("incomplete: 4 bundle(s) missing");
    String md = Files.readString(out.resolve("RESULTS.md"));
    assertThat(md).contains("| s / image |");
    assertThat(out.resolve("results/tradeoff-x2-val-photo.png")).exists();

    Path json = tmp.resolve("eval.json");
    CliTest.Run eval =
        CliTest.wbsr(
            "eval",
            "--hr",
            data.resolve("val-photo").toString(),
            "-m",
            models.resolve("wbsr-x2").toString(),
            "--mode",
            "wbsr",
            "--device",
            "cpu",
            "--json",
            json.toString());
    assertThat(eval.code()).as(eval.err()).isZero();
    double psnr =
        JsonParser.parseString(Files.readString(json))
            .getAsJsonObject()
            .getAsJsonObject("mean")
            .get("psnr_y")
            .getAsDouble();
    String row =
        md.lines().filter(l -> l.startsWith("| +WBSR | `wbsr-x2` |")).findFirst().orElseThrow();
    assertThat(row).contains(String.format(Locale.ROOT, "| %.3f |", psnr));
  }

  @Test
  void helpAndBadUsage() {
    CliTest.Run help = CliTest.wbsr("report", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: wbsr report", "--data", "--models", "--no-timing");
    assertThat(CliTest.wbsr("report", "--scales", "3").code()).isEqualTo(2);
  }

  @Test
  void missingDataFailsWithTheCommandThatMakesIt() throws Exception {
    CliTest.Run r =
        CliTest.wbsr(
            "report",
            "--data",
            tmp.resolve("nothing").toString(),
            "--models",
            models().toString(),
            "--out",
            tmp.resolve("docs").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("training.wbsr.valsets");
    assertThat(tmp.resolve("docs/RESULTS.md")).doesNotExist();
  }
}
