package dev.wbsr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.Upscaler;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.Sweep;
import dev.wbsr.report.ReportData.SweepPoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report's measurements on the tiny fixtures (real ONNX Runtime) and a fake ClassSR. */
class ReportRunnerTest {

  static Path data;
  static Path models;
  static ReportOptions options;
  static ReportData report;

  @BeforeAll
  static void measure() throws Exception {
    ReportFixtures.Measured m = ReportFixtures.measured();
    data = m.data();
    models = m.models();
    options = m.options();
    report = m.report();
  }

  static ReportData run(ReportOptions o) throws Exception {
    return ReportFixtures.run(o, ReportFixtures.measured().models());
  }

  static SetData set(int scale, String name) {
    return scale(ReportFixtures.report(), scale).sets().stream()
        .filter(s -> s.set().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static ScaleData scale(int scale) {
    return scale(ReportFixtures.report(), scale);
  }

  static ScaleData scale(ReportData report, int scale) {
    return report.scales().stream().filter(s -> s.scale() == scale).findFirst().orElseThrow();
  }

  @Test
  void rowsAreWhatEvalComputesForEachImage() throws Exception {
    ModelBundle wbsr = ModelBundle.load(models.resolve("wbsr-x2"));
    SetData photo = set(2, "val-photo");
    Run row = photo.run(Role.WBSR, "wbsr").orElseThrow();
    List<Evaluation.Sample> samples =
        ValidationSets.load(ValidationSets.files(data, "val-photo", 0), 2);
    assertThat(row.images())
        .extracting(Evaluation.ImageScore::name)
        .containsExactly("a.png", "b.png");
    try (OnnxEngine e = OnnxEngine.open(wbsr, new EngineOptions(DeviceChoice.CPU, 1, 2))) {
      for (int i = 0; i < samples.size(); i++) {
        Evaluation.Sample s = samples.get(i);
        UpscaleResult r =
            Upscaler.upscale(
                s.lr(), wbsr.manifest(), e, RoutingPolicy.Wbsr.paper(), options.pipeline(), null);
        Evaluation.ImageScore score = row.images().get(i);
        assertThat(score.psnrY()).isEqualTo(ImageQuality.psnrY(r.image(), s.hr(), 2));
        assertThat(score.ssimY()).isEqualTo(ImageQuality.ssimY(r.image(), s.hr(), 2));
        assertThat(score.paperFlops()).isEqualTo(r.assignment().paperFlops());
        assertThat(score.executedFlops()).isEqualTo(r.render().executedFlops());
      }
    }
    double mean = (row.images().get(0).psnrY() + row.images().get(1).psnrY()) / 2;
    assertThat(row.mean().psnrY()).isCloseTo(mean, within(1e-12));
    assertThat(row.gflops() * 1e9)
        .isCloseTo(
            row.mean().flopsRatio() * wbsr.manifest().supernetSpec().flopsPerPatch(), within(1.0));
  }

  @Test
  void perPatchErrorsPoolToTheImagePsnr() {
    Run row = set(2, "val-photo").run(Role.BASE, "supernet").orElseThrow();
    for (int i = 0; i < row.images().size(); i++) {
      PatchErrors e = row.errors().get(i);
      double sse = Arrays.stream(e.sse()).sum();
      long px = Arrays.stream(e.pixels()).sum();
      assertThat(PatchErrors.psnr(sse, px)).isCloseTo(row.images().get(i).psnrY(), within(1e-9));
    }
  }

  @Test
  void sweepsStartFromTheSupernetAndCoverEveryPoint() {
    SetData photo = set(2, "val-photo");
    Sweep budget = photo.sweep("wbsr-budget").orElseThrow();
    assertThat(budget.points()).extracting(SweepPoint::param).containsExactly(1.0, 0.6, 0.3);
    SweepPoint full = budget.points().get(0);
    Run supernet = photo.run(Role.WBSR, "supernet").orElseThrow();
    // budget 1 = supernet everywhere, rendered right after the session's first (supernet) render
    assertThat(full.psnrY()).isEqualTo(supernet.mean().psnrY());
    assertThat(full.gflops()).isCloseTo(supernet.gflops(), within(1e-12));
    assertThat(budget.points().get(2).gflops())
        .isLessThanOrEqualTo(0.3 * supernet.gflops() + 1e-12);
    assertThat(photo.sweep("wbsr-subnets").orElseThrow().points()).hasSize(9);
    assertThat(photo.sweep("arm-eta").orElseThrow().points())
        .extracting(SweepPoint::param)
        .containsExactly(32.0, 4.0, 0.5);
    assertThat(photo.sweep("base-budget")).isPresent();
  }

  @Test
  void armRowUsesTheChosenEta() {
    SetData photo = set(2, "val-photo");
    double eta = photo.arm().orElseThrow().eta();
    assertThat(List.of(0.5, 4.0, 32.0)).contains(eta);
    assertThat(photo.run(Role.BASE, "arm").orElseThrow().policyLabel())
        .isEqualTo(new RoutingPolicy.Arm(eta).label());
  }

  @Test
  void chooseEtaTakesTheCheapestThatReachesWbsrElseTheBest() {
    Sweep sweep =
        new Sweep(
            "arm-eta",
            "ARM",
            Role.BASE,
            "base-x2",
            List.of(
                new SweepPoint("eta 8", 8, 30.5, 3),
                new SweepPoint("eta 1", 1, 30.0, 1),
                new SweepPoint("eta 2", 2, 30.3, 2)));
    Run wbsr = run(30.2);
    assertThat(SweepPlans.chooseEta(sweep, Optional.of(wbsr)).eta()).isEqualTo(2);
    assertThat(SweepPlans.chooseEta(sweep, Optional.of(run(31))).eta()).isEqualTo(8);
    assertThat(SweepPlans.chooseEta(sweep, Optional.empty()).eta())
        .isEqualTo(RoutingPolicy.Arm.DEFAULT_ETA);
  }

  static Run run(double psnr) {
    Evaluation.ImageScore s = new Evaluation.ImageScore("x", psnr, 0.9, 1, 1, 2, 0, new int[1], 0);
    return new Run(
        Role.WBSR,
        "wbsr-x2",
        "wbsr",
        "wbsr",
        List.of(s),
        Evaluation.Mean.of(List.of(s)),
        2,
        List.of());
  }

  @Test
  void classsrRowCountsItsClassifierInBothConventions() {
    Run c = set(2, "val-classic").run(Role.CLASSSR, "classsr").orElseThrow();
    Evaluation.ImageScore s = c.images().get(0);
    // 90x75 HR -> 45x37 LR -> 2x2 patches, each classified at 0.5 MFLOPs
    assertThat(s.executedFlops()).isGreaterThanOrEqualTo(4 * 5e5);
    assertThat(s.paperFlops()).isGreaterThan(0);
    int[] perBranch = s.patchesPerSubnet();
    assertThat(Arrays.stream(perBranch).sum()).isEqualTo(4);
  }

  @Test
  void missingWrongAndBrokenBundlesSayWhy() {
    ScaleData x2 = scale(2);
    assertThat(x2.problem(Role.WBSR)).isEmpty();
    assertThat(x2.problem(Role.CLASSSR)).isEmpty();
    assertThat(x2.problem(Role.HES)).isEqualTo("has scale x4, expected x2");
    assertThat(x2.problem(Role.BD)).startsWith("broken bundle:");
    ScaleData x4 = scale(4);
    assertThat(x4.problem(Role.BASE)).contains("not trained or not exported yet");
    assertThat(x4.problem(Role.CLASSSR)).contains("not in");
    assertThat(x4.status(Role.HES)).isEmpty(); // the ablation is x2 only
    assertThat(x4.referenceFrom()).isEqualTo("wbsr-x4");
    assertThat(set(4, "val-photo").run(Role.WBSR, "wbsr")).isPresent();
    assertThat(set(4, "val-photo").run(Role.BASE, "supernet")).isEmpty();
    assertThat(x2.referenceFrom()).isEqualTo("base-x2");
  }

  @Test
  void aFailingBundleIsReportedAndTheRestGoesOn() throws Exception {
    ReportOptions o = options.withScales(List.of(2)).withSets(List.of("val-classic"));
    ReportData r =
        new ReportRunner(
                o,
                ReportFixtures.catalog(models),
                b -> {
                  if (b.name().equals("tiny-x2") && b.dir().endsWith("base-x2")) {
                    throw new IllegalStateException("cannot open");
                  }
                  return ReportFixtures.engines().open(b);
                },
                new PrintWriter(new StringWriter()))
            .run();
    ScaleData x2 = r.scales().get(0);
    assertThat(x2.problem(Role.BASE)).isEqualTo("evaluation failed: cannot open");
    assertThat(x2.sets().get(0).run(Role.WBSR, "wbsr")).isPresent();
    assertThat(x2.sets().get(0).runs()).noneMatch(run -> run.role() == Role.BASE);
  }

  @Test
  void classHistogramCountsEveryPatchOnce() {
    SetData photo = set(2, "val-photo");
    ReportData.ClassStats c = photo.classes().orElseThrow();
    // a: 130x90 -> LR 65x45 -> 3x2 patches; b: 70x66 -> 35x33 -> 2x2
    assertThat(Arrays.stream(c.counts()).sum()).isEqualTo(10);
    assertThat(photo.lrPatches()).isEqualTo(10);
    assertThat(c.psnrByRun()).containsKeys("base/supernet", "wbsr/wbsr", "wbsr/supernet");
  }

  @Test
  void missingDataIsAClearError() {
    ReportOptions o = options.withSets(List.of("val-nothing"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(o))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("training.wbsr.valsets");
  }
}
