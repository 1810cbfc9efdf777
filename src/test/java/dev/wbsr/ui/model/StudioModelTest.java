package dev.wbsr.ui.model;

import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeCore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StudioModelTest {

  @TempDir Path tmp;
  StudioModel model;
  Settings settings;
  final List<String> errors = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestSupport.initToolkit();
  }

  @BeforeEach
  void setUp() throws Exception {
    settings = FxTestSupport.freshSettings("dev/wbsr/studio-test-model");
    model = onFx(() -> new StudioModel(FakeCore.create(), settings));
    onFx(
        () -> {
          model.setErrorSink(errors::add);
          model.discoverBundles(List.of());
        });
  }

  @AfterEach
  void tearDown() {
    onFx(() -> model.shutdown());
  }

  private void openTestImage() throws Exception {
    Path png = FxTestSupport.writePng(FxTestSupport.testImage(200, 130), tmp.resolve("t.png"));
    onFx(() -> model.open(png));
    awaitIdle(model, 20);
  }

  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void opensUpscalesAndMeasuresAgainstSupernetOnlyWhenAsked(String fixture) throws Exception {
    FxTestSupport.selectBundle(model, fixture);
    openTestImage();
    assertThat(errors).isEmpty();
    Document d = model.source().documentProperty().get();
    assertThat(d.name()).isEqualTo("t.png");
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
    assertThat(model.output(Variant.WBSR).width()).isEqualTo(400);
    assertThat(model.routingState().classRows()).hasSize(10);
    // issue 15: the supernet never runs unasked; the readout says so
    assertThat(model.output(Variant.SUPERNET)).isNull();
    assertThat(model.readoutState().readoutsProperty().get().psnr()).isNaN();
    assertThat(model.readoutState().readoutsProperty().get().qualityText())
        .contains("not measured yet");
    onFx(() -> model.measureQuality());
    awaitIdle(model, 20);
    assertThat(model.isComplete(Variant.SUPERNET)).isTrue();
    Readouts r = model.readoutState().readoutsProperty().get();
    assertThat(r.reference()).isEqualTo("supernet");
    assertThat(r.psnr()).isGreaterThan(10);
    assertThat(r.gflopsSupernet()).isGreaterThan(r.gflops());
    assertThat(model.source().titleProperty().get()).startsWith("• t.png");
  }

  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void budgetRemapsAtOnceAndRendersAgain(String fixture) throws Exception {
    FxTestSupport.selectBundle(model, fixture);
    openTestImage();
    double before = model.readoutState().readoutsProperty().get().gflops();
    onFx(() -> model.routingState().setBudget(1.0));
    assertThat(model.readoutState().readoutsProperty().get().gflops()).isGreaterThan(before);
    assertThat(model.routingState().routingProperty().get().flopsRatio()).isEqualTo(1.0);
    awaitIdle(model, 20);
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
  }

  @Test
  void evaluateModeScoresAgainstGroundTruth() throws Exception {
    onFx(() -> model.source().setWorkMode(WorkMode.EVALUATE));
    openTestImage();
    Document d = model.source().documentProperty().get();
    assertThat(d.groundTruth()).isNotNull();
    assertThat(d.lr().width()).isEqualTo(100);
    assertThat(model.readoutState().readoutsProperty().get().reference()).isEqualTo("ground truth");
    assertThat(model.readoutState().readoutsProperty().get().psnr()).isFinite();
  }

  @Test
  void corruptFileIsReportedNotThrown() throws Exception {
    Path bad = tmp.resolve("bad.png");
    java.nio.file.Files.writeString(bad, "not a png");
    onFx(() -> model.open(bad));
    awaitIdle(model, 10);
    assertThat(errors).singleElement().asString().contains("bad.png");
  }

  @Test
  void settingsPersist() throws Exception {
    onFx(
        () -> {
          model.routingState().setMode(RoutingMode.SUPERNET);
          model.overlay().setKind(OverlayKind.SUBNET);
          model.saveSettings();
        });
    StudioModel again = onFx(() -> new StudioModel(FakeCore.create(), settings));
    assertThat(again.routingState().modeProperty().get()).isEqualTo(RoutingMode.SUPERNET);
    assertThat(again.overlay().kindProperty().get()).isEqualTo(OverlayKind.SUBNET);
    assertThat(again.compare().leftVariantProperty().get()).isEqualTo(Variant.SUPERNET);
  }

  @Test
  void askingForAGpuThatIsNotThereIsAMessage() throws Exception {
    openTestImage();
    onFx(() -> model.setDevice("gpu"));
    awaitIdle(model, 20);
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("CUDA is not available"));
    assertThat(model.source().documentProperty().get()).isNotNull();
  }

  @Test
  void sweepFillsTheChart() throws Exception {
    openTestImage();
    onFx(() -> model.readoutState().setSweepWanted(true));
    awaitIdle(model, 30);
    assertThat(model.readoutState().sweepPoints()).hasSizeGreaterThanOrEqualTo(12);
  }

  private dev.wbsr.model.ModelBundle bundleNamed(String name) {
    return onFx(
        () ->
            model.routingState().bundles().stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow());
  }

  @Test
  void classSrBundlesAreListedAndRouteByTheirClassifier() throws Exception {
    assertThat(model.routingState().bundles())
        .extracting(b -> b.name())
        .contains("tiny-classsr-x2");
    assertThat(model.routingState().bundleProperty().get().name()).isEqualTo("tiny-x2");
    Path png = FxTestSupport.writePng(FxTestSupport.thirdsImage(192, 96), tmp.resolve("t.png"));
    onFx(() -> model.open(png));
    awaitIdle(model, 20);
    onFx(() -> model.routingState().setMode(RoutingMode.ARM));
    onFx(() -> model.routingState().setBundle(bundleNamed("tiny-classsr-x2")));
    awaitIdle(model, 20);
    assertThat(errors).isEmpty();
    assertThat(model.routingState().modeProperty().get()).isEqualTo(RoutingMode.CLASSSR);
    assertThat(model.compare().leftVariantProperty().get()).isEqualTo(Variant.CLASSSR);
    assertThat(model.isComplete(Variant.CLASSSR)).isTrue();
    var r = model.routingState().routingProperty().get();
    assertThat(r.classTable()).isEmpty();
    assertThat(java.util.Arrays.stream(r.subnetMap()).distinct().count()).isGreaterThan(1);
    Readouts ro = model.readoutState().readoutsProperty().get();
    assertThat(ro.flopsText()).startsWith("ClassSR").contains("widest branch");
    assertThat(ro.reference()).isEqualTo("widest branch");
    onFx(() -> model.measureQuality());
    awaitIdle(model, 20);
    assertThat(model.readoutState().readoutsProperty().get().psnr()).isFinite();
    // classifier FLOPs are counted
    double branches = 0;
    for (int p : r.subnetMap()) {
      branches +=
          model.routingState().bundleProperty().get().manifest().subnets().get(p).flopsPerPatch();
    }
    assertThat(r.paperFlops()).isGreaterThan(branches);
    // the class table says which branch the classifier picks most in each class
    assertThat(model.routingState().classRows())
        .anySatisfy(
            row -> {
              assertThat(row.subnet()).matches("w\\d+-d1");
              assertThat(row.note()).contains("The classifier picked");
            });
    // subnet map: one colour per branch
    onFx(() -> model.overlay().setKind(OverlayKind.SUBNET));
    int[] colors = model.overlay().mapProperty().get().colors();
    assertThat(java.util.Arrays.stream(colors).distinct().count()).isGreaterThan(1);
    assertThat(model.hoverText(10, 10)).contains("Branch").contains("classifier");
    // no budget and no WBSR modes here: the keys say so instead
    double budgetBefore = model.routingState().budgetProperty().get();
    onFx(() -> model.nudgeBudget(0.05));
    onFx(() -> model.selectMode(RoutingMode.WBSR));
    assertThat(model.routingState().modeProperty().get()).isEqualTo(RoutingMode.CLASSSR);
    assertThat(model.routingState().budgetProperty().get()).isEqualTo(budgetBefore);
    assertThat(model.noticeProperty().get()).contains("offers ClassSR and Bicubic");
    onFx(() -> model.selectMode(RoutingMode.BICUBIC));
    assertThat(model.routingState().modeProperty().get()).isEqualTo(RoutingMode.BICUBIC);
    // back on a weight-sharing bundle: the last mode used there
    onFx(() -> model.routingState().setBundle(bundleNamed("tiny-x2")));
    awaitIdle(model, 20);
    assertThat(model.routingState().modeProperty().get()).isEqualTo(RoutingMode.BICUBIC);
    onFx(() -> model.routingState().setBundle(bundleNamed("tiny-classsr-x2")));
    onFx(() -> model.routingState().setMode(RoutingMode.CLASSSR));
    onFx(() -> model.routingState().setBundle(bundleNamed("tiny-x2")));
    awaitIdle(model, 20);
    assertThat(model.routingState().modeProperty().get()).isEqualTo(RoutingMode.BICUBIC);
    assertThat(errors).isEmpty();
  }

  @Test
  void aClassSrBundleOfTheSameScaleIsACompareChoiceAndAChartPoint() throws Exception {
    openTestImage();
    Document d = model.source().documentProperty().get();
    assertThat(d.companion().bundle().name()).isEqualTo("tiny-classsr-x2");
    assertThat(model.compare().variantChoices()).contains(Variant.CLASSSR, Variant.ARM);
    assertThat(model.variantName(Variant.CLASSSR)).isEqualTo("ClassSR (tiny-classsr-x2)");
    onFx(
        () -> {
          model.compare().setMode(dev.wbsr.ui.viewer.CompareMode.SIDE_BY_SIDE);
          model.compare().setRightVariant(Variant.CLASSSR);
        });
    awaitIdle(model, 20);
    assertThat(errors).isEmpty();
    assertThat(model.isComplete(Variant.CLASSSR)).isTrue();
    assertThat(model.output(Variant.CLASSSR).width()).isEqualTo(400);
    assertThat(model.compare().rightLabelProperty().get()).isEqualTo("ClassSR (tiny-classsr-x2)");
    assertThat(model.compare().rightSourceProperty().get()).isNotNull();
    onFx(() -> model.readoutState().setSweepWanted(true));
    awaitIdle(model, 30);
    assertThat(model.readoutState().sweepPoints())
        .anySatisfy(
            p -> {
              assertThat(p.series()).isEqualTo("ClassSR");
              assertThat(p.flopsRatio()).isBetween(0.0, 1.2);
            });
    // an x4 document has no ClassSR companion here
    onFx(() -> model.routingState().setBundle(bundleNamed("tiny-x4")));
    awaitIdle(model, 20);
    assertThat(model.source().documentProperty().get().companion()).isNull();
    assertThat(model.compare().variantChoices()).doesNotContain(Variant.CLASSSR);
    // the right side falls back to a choice that exists
    assertThat(model.compare().rightVariantProperty().get()).isEqualTo(Variant.BICUBIC);
    assertThat(model.compare().rightLabelProperty().get()).isEqualTo("Bicubic");
  }

  @Test
  void aClassSrDocumentComparesWithTheWbsrBundleAndSweepsItsOwnPoint() throws Exception {
    onFx(() -> model.routingState().setBundle(bundleNamed("tiny-classsr-x2")));
    openTestImage();
    assertThat(model.compare().variantChoices())
        .contains(Variant.CLASSSR, Variant.WBSR)
        .doesNotContain(Variant.ARM);
    assertThat(model.variantName(Variant.WBSR)).isEqualTo("WBSR (tiny-x2)");
    assertThat(model.variantName(Variant.SUPERNET)).isEqualTo("Widest branch");
    onFx(
        () -> {
          model.compare().setMode(dev.wbsr.ui.viewer.CompareMode.SPLIT);
          model.compare().setRightVariant(Variant.WBSR);
        });
    awaitIdle(model, 20);
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
    onFx(() -> model.readoutState().setSweepWanted(true));
    awaitIdle(model, 30);
    assertThat(model.readoutState().sweepPoints())
        .extracting(SweepPoint::series)
        .containsExactlyInAnyOrder("ClassSR", "Bicubic");
    assertThat(errors).isEmpty();
  }

  @Test
  void switchingEvaluateAndBackReusesWhatWasComputed() throws Exception {
    openTestImage();
    Document upscale = model.source().documentProperty().get();
    var wbsr = model.output(Variant.WBSR);
    onFx(() -> model.source().setWorkMode(WorkMode.EVALUATE));
    awaitIdle(model, 20);
    assertThat(model.source().documentProperty().get()).isNotSameAs(upscale);
    onFx(() -> model.source().setWorkMode(WorkMode.UPSCALE));
    // back at once, with its outputs: nothing queued to compute again
    assertThat(model.source().documentProperty().get()).isSameAs(upscale);
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
    assertThat(model.output(Variant.WBSR)).isSameAs(wbsr);
    awaitIdle(model, 20);
    assertThat(errors).isEmpty();
  }

  @Test
  void aRestartInUpscaleModeDoesNotShowAMissingGroundTruth() throws Exception {
    onFx(
        () -> {
          model.compare().setMode(dev.wbsr.ui.viewer.CompareMode.SIDE_BY_SIDE);
          model.compare().setRightVariant(Variant.GROUND_TRUTH);
          model.saveSettings();
          model.shutdown();
        });
    model = onFx(() -> new StudioModel(FakeCore.create(), settings));
    onFx(() -> model.discoverBundles(List.of()));
    openTestImage();
    assertThat(model.compare().rightVariantProperty().get()).isEqualTo(Variant.BICUBIC);
    assertThat(model.compare().rightLabelProperty().get()).doesNotContain("not available");
  }

  @Test
  void theSampleShowsItsHeatMapAndIsNeverUnsavedWork() throws Exception {
    Path png = FxTestSupport.writePng(FxTestSupport.testImage(200, 130), tmp.resolve("coffee.png"));
    onFx(() -> model.openSample(png));
    awaitIdle(model, 20);
    assertThat(model.overlay().kindProperty().get()).isEqualTo(OverlayKind.CLASS);
    assertThat(model.source().titleProperty().get()).isEqualTo("coffee.png — WBSR Studio");
    assertThat(model.hasUnsavedResult()).isFalse();
    assertThat(model.source().recentFiles()).isEmpty();
    // the user's own photo: heat-map off by default, and its result is unsaved work
    openTestImage();
    assertThat(model.overlay().kindProperty().get()).isEqualTo(OverlayKind.OFF);
    assertThat(model.hasUnsavedResult()).isTrue();
    assertThat(model.source().titleProperty().get()).startsWith("• t.png");
    // a pasted image too
    onFx(() -> model.openLoaded(SourceImage.pasted(FxTestSupport.testImage(64, 64))));
    awaitIdle(model, 20);
    assertThat(model.hasUnsavedResult()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void theBudgetScaleKnowsItsFloorAndWhereThePaperRuleFalls(String fixture) throws Exception {
    FxTestSupport.selectBundle(model, fixture);
    openTestImage();
    assertThat(model.routingState().bundleProperty().get().name()).isEqualTo(fixture);
    double floor = model.routingState().budgetFloorProperty().get();
    double paper = model.routingState().paperRulePointProperty().get();
    var m = model.routingState().bundleProperty().get().manifest();
    assertThat(floor)
        .isEqualTo(
            m.subnets().get(m.front()[0]).flopsPerPatch() / m.supernetSpec().flopsPerPatch());
    // the paper rule is a point inside the reachable range, not its left end
    assertThat(paper).isBetween(floor, 1.0);
    assertThat(paper).isEqualTo(model.routingState().routingProperty().get().flopsRatio());
  }

  /**
   * Issue 12: the budget from the floor to 1 on each bundle shape (v2: 6 subnets, a calibrated
   * front) routes only front members, never lowers the FLOPs, and reaches both ends: every patch on
   * the cheapest member at the floor, on the dearest at 1.
   */
  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void theBudgetFromFloorToOneIsMonotoneAndReachesBothEnds(String fixture) throws Exception {
    FxTestSupport.selectBundle(model, fixture);
    openTestImage();
    var m = model.routingState().bundleProperty().get().manifest();
    int[] front = m.front();
    double floor = model.routingState().budgetFloorProperty().get();
    double[] flops = m.flopsPerPatch();
    double previous = 0;
    int steps = 40;
    for (int i = 0; i <= steps; i++) {
      double v = floor + (1 - floor) * i / steps;
      onFx(() -> model.routingState().setBudget(v));
      var a = model.routingState().routingProperty().get();
      assertThat(java.util.Arrays.stream(front).boxed().toList())
          .as("%s at %.3f", fixture, v)
          .containsAll(java.util.Arrays.stream(a.subnetMap()).boxed().toList());
      assertThat(a.flopsRatio()).as("%s at %.3f", fixture, v).isGreaterThanOrEqualTo(previous);
      if (i == 0) {
        assertThat(a.subnetMap()).containsOnly(front[0]);
        assertThat(a.flopsRatio()).isCloseTo(floor, org.assertj.core.api.Assertions.within(1e-9));
      }
      previous = a.flopsRatio();
    }
    var top = model.routingState().routingProperty().get();
    assertThat(top.subnetMap()).containsOnly(front[front.length - 1]);
    assertThat(top.flopsRatio())
        .isCloseTo(
            flops[front[front.length - 1]] / flops[m.supernet()],
            org.assertj.core.api.Assertions.within(1e-9));
    awaitIdle(model, 20);
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
    assertThat(model.output(Variant.WBSR).width()).isEqualTo(400);
  }
}
