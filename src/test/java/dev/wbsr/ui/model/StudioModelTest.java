package dev.wbsr.ui.model;

import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeServices;
import dev.wbsr.ui.port.RoutingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    settings = new Settings(Preferences.userRoot().node("dev/wbsr/studio-test-model"));
    settings.clear();
    model = onFx(() -> new StudioModel(FakeServices.create(), settings));
    onFx(() -> {
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

  @Test
  void opensUpscalesAndMeasuresAgainstSupernet() throws Exception {
    openTestImage();
    assertThat(errors).isEmpty();
    Document d = model.documentProperty().get();
    assertThat(d.name()).isEqualTo("t.png");
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
    assertThat(model.output(Variant.WBSR).width()).isEqualTo(400);
    assertThat(model.classRows()).hasSize(5);
    Readouts r = model.readoutsProperty().get();
    assertThat(r.reference()).isEqualTo("supernet");
    assertThat(r.psnr()).isGreaterThan(10);
    assertThat(r.gflopsSupernet()).isGreaterThan(r.gflops());
    assertThat(model.titleProperty().get()).startsWith("• t.png");
  }

  @Test
  void budgetRemapsAtOnceAndRendersAgain() throws Exception {
    openTestImage();
    double before = model.readoutsProperty().get().gflops();
    onFx(() -> model.budgetProperty().set(1.0));
    assertThat(model.readoutsProperty().get().gflops()).isGreaterThan(before);
    assertThat(model.routingProperty().get().ratio()).isEqualTo(1.0);
    awaitIdle(model, 20);
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
  }

  @Test
  void evaluateModeScoresAgainstGroundTruth() throws Exception {
    onFx(() -> model.workModeProperty().set(WorkMode.EVALUATE));
    openTestImage();
    Document d = model.documentProperty().get();
    assertThat(d.groundTruth()).isNotNull();
    assertThat(d.lr().width()).isEqualTo(100);
    assertThat(model.readoutsProperty().get().reference()).isEqualTo("ground truth");
    assertThat(model.readoutsProperty().get().psnr()).isFinite();
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
    onFx(() -> {
      model.routingModeProperty().set(RoutingMode.SUPERNET);
      model.overlayKindProperty().set(OverlayKind.SUBNET);
      model.saveSettings();
    });
    StudioModel again = onFx(() -> new StudioModel(FakeServices.create(), settings));
    assertThat(again.routingModeProperty().get()).isEqualTo(RoutingMode.SUPERNET);
    assertThat(again.overlayKindProperty().get()).isEqualTo(OverlayKind.SUBNET);
    assertThat(again.leftVariantProperty().get()).isEqualTo(Variant.SUPERNET);
  }

  @Test
  void askingForAGpuThatIsNotThereIsAMessage() throws Exception {
    openTestImage();
    onFx(() -> model.deviceProperty().set("gpu"));
    awaitIdle(model, 20);
    assertThat(errors).anySatisfy(e -> assertThat(e).contains("CUDA is not available"));
    assertThat(model.documentProperty().get()).isNotNull();
  }

  @Test
  void sweepFillsTheChart() throws Exception {
    openTestImage();
    onFx(() -> model.sweepWantedProperty().set(true));
    awaitIdle(model, 30);
    assertThat(model.sweepPoints()).hasSizeGreaterThanOrEqualTo(12);
  }
}
