package dev.wbsr.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.SweepPoint;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RESULTS.md and the plots, from the measurements of {@link ReportRunnerTest}. */
class ReportOutputTest {

  @TempDir Path tmp;

  private static ReportData report() throws Exception {
    return ReportFixtures.measured().report();
  }

  private static String section(String md, String heading) {
    int from = md.indexOf(heading + "\n");
    assertThat(from).as(heading).isNotNegative();
    int to = md.indexOf("\n#", from + heading.length());
    return md.substring(from, to < 0 ? md.length() : to);
  }

  private static String line(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void tablesHoldThePipelinesNumbers() throws Exception {
    ReportData r = report();
    Path file = ReportFiles.write(r, tmp, "wbsr report --test");
    String md = Files.readString(file);
    String photo = section(md, "### x2 Val-Photo");
    Run wbsr = ReportRunnerTest.set(2, "val-photo").run(Role.WBSR, "wbsr").orElseThrow();
    String row = line(photo, "| +WBSR | `wbsr-x2` | wbsr |");
    assertThat(row)
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "| %.3f | %.4f | %.3f |",
                wbsr.mean().psnrY(),
                wbsr.mean().ssimY(),
                wbsr.gflops()));
    Run classsr = ReportRunnerTest.set(2, "val-photo").run(Role.CLASSSR, "classsr").orElseThrow();
    assertThat(line(photo, "| +ClassSR |"))
        .contains(String.format(java.util.Locale.ROOT, "| %.3f |", classsr.mean().psnrY()));
    assertThat(line(photo, "| +ARM | `base-x2` | arm (eta ")).doesNotContain("| - |");
    assertThat(md).contains("`wbsr report --test`").contains(ResultsMarkdown.REGENERATE);
    assertThat(line(section(md, "## Summary"), "| +WBSR |"))
        .contains(String.format(java.util.Locale.ROOT, "%.3f (", wbsr.mean().psnrY()));
    assertThat(md).doesNotContain("s / image").contains("`--no-timing`");
  }

  @Test
  void fairerRoutingSectionHoldsOrdersBudgetRulesArmAndTheFourCurves() throws Exception {
    ReportData r = report();
    String md = ResultsMarkdown.render(r, "wbsr report", List.of());
    int from = md.indexOf("## Fairer routing rules (issue 11)\n");
    String fair = md.substring(from, md.indexOf("\n## ", from + 3));
    SetData photo = ReportRunnerTest.set(2, "val-photo");
    SweepPoint pareto = photo.sweep("wbsr-orders").orElseThrow().points().get(0);
    assertThat(line(fair, "| Val-Photo | wbsr-x2 |"))
        .contains(String.format(java.util.Locale.ROOT, "| %.3f (", pareto.psnrY()));
    assertThat(fair)
        .contains("x2: budget rules", "wbsr-x2 Eq. 16, front", "base-x2 level, literal")
        .contains("| WBSR router on wbsr-x2 |", "| ARM router on base-x2 |")
        .contains("| ARM router on wbsr-x2 |", "| WBSR router on base-x2 |");
    assertThat(md).contains("## Recipe study (issue 11, item 4)");
    assertThat(ResultsMarkdown.headline(r)).contains("With issue 11's fairer rules");
  }

  @Test
  void missingBundlesLeaveEmptyRowsWithTheReason() throws Exception {
    String md = ResultsMarkdown.render(report(), "wbsr report", ReportPlots.render(report()));
    assertThat(md).contains("> **Incomplete.**");
    String x4 = section(md, "### x4 Val-Photo");
    assertThat(line(x4, "| base | `base-x4` | supernet |")).endsWith("| - | - | - | - | - | - |");
    assertThat(x4).contains("Not measured: base (`base-x4`): not in");
    assertThat(x4).contains("+ClassSR (`classsr-x4`): not in");
    String missing = section(md, "## Missing");
    assertThat(missing)
        .contains("`hes-x2` (HES, L1): has scale x4, expected x2")
        .contains("`bd-x2` (uniform sampling, BDLoss): broken bundle:")
        .contains("`base-x4`")
        .doesNotContain("`wbsr-x2`");
    String ablation = section(md, "### x2 Val-Photo, ablation");
    assertThat(line(ablation, "| +HES |")).contains("| - |");
    assertThat(ablation).contains("Not measured: +HES (`hes-x2`): has scale x4, expected x2");
  }

  @Test
  void plotsAreDrawnOrExplainedAndStaleOnesRemoved() throws Exception {
    Path dir = tmp.resolve(ReportFiles.PLOTS);
    Files.createDirectories(dir);
    Files.write(dir.resolve("gain-x4-val-photo.png"), new byte[] {1});
    Files.write(dir.resolve("keep-me.png"), new byte[] {1});
    ReportFiles.write(report(), tmp, "wbsr report");
    for (String f :
        List.of(
            "tradeoff-x2-val-photo.png",
            "tradeoff-x2-val-classic.png",
            "tradeoff-x4-val-photo.png",
            "classes-x2.png",
            "classes-x4.png",
            "gain-x2-val-photo.png")) {
      BufferedImage img = ImageIO.read(dir.resolve(f).toFile());
      assertThat(img.getWidth()).as(f).isEqualTo(Charts.WIDTH);
      assertThat(img.getHeight()).isEqualTo(Charts.HEIGHT);
    }
    assertThat(dir.resolve("gain-x4-val-photo.png")).doesNotExist();
    assertThat(dir.resolve("keep-me.png")).exists();
    String md = Files.readString(tmp.resolve(ReportFiles.MARKDOWN));
    assertThat(md)
        .contains("![PSNR-Y vs FLOPs, x2, Val-Photo](results/tradeoff-x2-val-photo.png)")
        .contains("(results/classes-x4.png)")
        .contains("PSNR-Y gain over base per class, x4, Val-Photo: not drawn, no base row.");
  }

  @Test
  void twoRunsWriteIdenticalFiles() throws Exception {
    ReportData again = ReportRunnerTest.run(ReportFixtures.measured().options());
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    ReportFiles.write(report(), a, "wbsr report");
    ReportFiles.write(again, b, "wbsr report");
    assertThat(Files.readString(b.resolve("RESULTS.md")))
        .isEqualTo(Files.readString(a.resolve("RESULTS.md")));
    try (var files = Files.list(a.resolve("results"))) {
      for (Path f : files.toList()) {
        assertThat(Files.readAllBytes(b.resolve("results").resolve(f.getFileName())))
            .as(f.getFileName().toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  void comparisonWordsFollowPsnrAndFlops() {
    Run w = run(30.00, 1);
    assertThat(ResultsMarkdown.compare(w, run(29.90, 2), "X").text()).startsWith("+WBSR is better");
    assertThat(ResultsMarkdown.compare(w, run(29.90, 2), "X").word()).isEqualTo("wins");
    assertThat(ResultsMarkdown.compare(w, run(30.005, 2), "X").text())
        .startsWith("+WBSR is as good");
    assertThat(ResultsMarkdown.compare(w, run(30.10, 0.5), "X").word()).isEqualTo("loses");
    assertThat(ResultsMarkdown.compare(w, run(29.90, 0.5), "X").word()).isEqualTo("trade-off");
  }

  @Test
  void readmeDocumentsTheCommandAndHoldsTheBlock() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains(ResultsMarkdown.REGENERATE, "docs/RESULTS.md");
    assertThat(ReadmeBlock.hasMarkers(Path.of("README.md"))).isTrue();
  }

  @Test
  void readmeBlockReplacesOnlyItsContent() throws Exception {
    Path f = tmp.resolve("R.md");
    Files.writeString(f, "a\n" + ReadmeBlock.BEGIN + "\nx\n" + ReadmeBlock.END + "\nb\n");
    assertThat(ReadmeBlock.update(f, "new\n")).isTrue();
    assertThat(Files.readString(f))
        .isEqualTo("a\n" + ReadmeBlock.BEGIN + "\nnew\n" + ReadmeBlock.END + "\nb\n");
    Path plain = tmp.resolve("P.md");
    Files.writeString(plain, "no markers");
    assertThat(ReadmeBlock.update(plain, "new")).isFalse();
    assertThat(Files.readString(plain)).isEqualTo("no markers");
  }

  private static Run run(double psnr, double gflops) {
    Evaluation.ImageScore s =
        new Evaluation.ImageScore(
            "x", psnr, 0.9, gflops * 1e9, gflops * 1e9, 1e9, 0, new int[1], 0);
    return new Run(
        Role.WBSR, "b", "wbsr", "wbsr", List.of(s), Evaluation.Mean.of(List.of(s)), 1e9, List.of());
  }

  /**
   * Issue 12: the report on a models folder of the v2 shape (every x2 bundle a copy of tiny-v2-x2:
   * 6 subnets, format 2 with a calibrated front) runs through, sweeps all 6 static subnets and
   * writes the front's table with one row per subnet.
   */
  @Test
  void aV2ShapedModelsFolderGivesSixStaticSubnetsAndTheFrontTable() throws Exception {
    Path data = ReportFixtures.dataDir(tmp);
    Path models = ReportFixtures.modelsOf(tmp, "tiny-v2-x2", "wbsr-x2", "base-x2");
    var manifest = dev.wbsr.model.ModelBundle.load(models.resolve("wbsr-x2")).manifest();
    ReportOptions o =
        ReportOptions.defaults(data)
            .withTiming(false)
            .withScales(List.of(2))
            .withSets(List.of("val-photo"))
            .withSweeps(List.of(0.3, 1.0), List.of(2.0));
    ReportData r = ReportFixtures.run(o, models);
    SetData photo = r.scales().get(0).sets().get(0);
    assertThat(photo.run(Role.WBSR, "wbsr")).isPresent();
    assertThat(photo.sweep("wbsr-subnets").orElseThrow().points())
        .extracting(SweepPoint::label)
        .containsExactlyInAnyOrderElementsOf(
            manifest.subnets().stream().map(dev.wbsr.model.SubnetSpec::name).toList());
    String md = Files.readString(ReportFiles.write(r, tmp.resolve("out"), "wbsr report --test"));
    int from = md.indexOf("### x2 wbsr-x2: the Pareto front on the calibration split");
    assertThat(from).isNotNegative();
    int to = md.indexOf("\n#", from + 1);
    String front = md.substring(from, to < 0 ? md.length() : to);
    assertThat(front.lines().filter(l -> l.startsWith("| w"))).hasSize(6);
    for (int id : manifest.front()) {
      assertThat(line(front, "| " + manifest.subnets().get(id).name() + " |")).endsWith("| yes |");
    }
  }
}
