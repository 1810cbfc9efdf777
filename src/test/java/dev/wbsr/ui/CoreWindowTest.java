package dev.wbsr.ui;

import static dev.wbsr.ui.FxTestSupport.await;
import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.ui.model.OverlayKind;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioCore;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import dev.wbsr.ui.model.WorkMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window on the real core and the tiny fixture bundles ({@code
 * src/test/resources/bundles}, or the folder named by {@code -Dwbsr.test.bundles}): skipped when no
 * bundle exists yet.
 */
@ExtendWith(ApplicationExtension.class)
class CoreWindowTest {

  static List<Path> roots() {
    List<Path> r = new ArrayList<>();
    r.add(Path.of("src/test/resources/bundles"));
    String extra = System.getProperty("wbsr.test.bundles");
    if (extra != null && !extra.isBlank()) {
      r.add(Path.of(extra));
    }
    return r.stream().filter(Files::isDirectory).toList();
  }

  @TempDir Path tmp;
  StudioModel model;

  @Start
  void start(Stage stage) {
    Settings s = FxTestSupport.freshSettings("dev/wbsr/studio-test-core");
    model =
        StudioApp.create(
            stage,
            StudioCore.onnx(
                dev.wbsr.pipeline.PipelineOptions.interactive().withWorkers(1), List.of()),
            s);
    stage.show();
  }

  @AfterEach
  void stop() {
    onFx(() -> model.shutdown());
  }

  private ModelBundle pickX2() {
    List<ModelBundle> found =
        onFx(
            () -> {
              model.discoverBundles(roots());
              return List.copyOf(model.routingState().bundles());
            });
    // the tiny fixture first: real bundles from models/ are far slower on a CPU
    ModelBundle b =
        found.stream()
            .filter(x -> x.name().equals("tiny-x2"))
            .findFirst()
            .or(() -> found.stream().filter(x -> x.manifest().scale() == 2).findFirst())
            .orElse(null);
    Assumptions.assumeTrue(b != null, "no x2 test bundle yet");
    onFx(() -> model.routingState().setBundle(b));
    return b;
  }

  @Test
  void upscalesWithARealBundleAndTheSliderRemaps(FxRobot robot) throws Exception {
    pickX2();
    FxTestSupport.open(model, FxTestSupport.testImage(128, 96), tmp.resolve("real.png"), 120);
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
    assertThat(model.output(Variant.WBSR).width()).isEqualTo(256);
    onFx(() -> model.measureQuality());
    awaitIdle(model, 120);
    assertThat(model.readoutState().readoutsProperty().get().psnr()).isGreaterThan(15);
    onFx(() -> model.overlay().setKind(OverlayKind.SUBNET));
    String before = robot.lookup("#flopsReadout").queryAs(Label.class).getText();
    int[] mapBefore = model.overlay().mapProperty().get().colors().clone();
    robot.clickOn("#budgetSlider").type(KeyCode.END);
    assertThat(robot.lookup("#flopsReadout").queryAs(Label.class).getText())
        .isNotEqualTo(before)
        .contains("(100%)");
    assertThat(model.overlay().mapProperty().get().colors()).isNotEqualTo(mapBefore);
    awaitIdle(model, 120);
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
    onFx(() -> model.source().setWorkMode(WorkMode.EVALUATE));
    awaitIdle(model, 120);
    assertThat(model.readoutState().readoutsProperty().get().reference()).isEqualTo("ground truth");
    assertThat(model.readoutState().readoutsProperty().get().psnr()).isGreaterThan(15);
  }

  @Test
  void rapidSliderMovesStayResponsiveAndSettleOnTheExactImage(FxRobot robot) throws Exception {
    ModelBundle b = pickX2();
    FxTestSupport.open(model, FxTestSupport.testImage(160, 96), tmp.resolve("burst.png"), 120);
    // how long each event takes is not asserted: wall-clock limits fail on loaded machines (issue
    // 13)
    for (int i = 0; i < 25; i++) {
      double v = (i * 7 % 20 + 1) / 20.0;
      onFx(() -> model.routingState().setBudget(v));
      Thread.sleep(15);
    }
    onFx(() -> model.routingState().setBudget(0.35));
    awaitIdle(model, 120);
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
    // what the viewer shows equals a fresh one-shot render of the same routing
    try (var fresh =
        dev.wbsr.pipeline.UpscaleSession.create(
            model.source().documentProperty().get().lr(),
            b.manifest(),
            model.core().engine(b),
            dev.wbsr.pipeline.PipelineOptions.batch())) {
      fresh.render(dev.wbsr.pipeline.RoutingPolicy.Wbsr.budget(0.35), null).completion().get();
      assertThat(model.output(Variant.WBSR).rgb()).isEqualTo(fresh.image().rgb());
    }
  }

  @Test
  void batchWithARealBundle(FxRobot robot) throws Exception {
    pickX2();
    Path in = Files.createDirectories(tmp.resolve("in"));
    FxTestSupport.writePng(FxTestSupport.testImage(70, 50), in.resolve("a.png"));
    Files.writeString(in.resolve("b.png"), "broken");
    Path out = tmp.resolve("out");
    robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
    await(5, () -> robot.lookup("#batchDialog").tryQuery().isPresent());
    robot.lookup("#batchInput").queryTextInputControl().setText(in.toString());
    robot.lookup("#batchOutput").queryTextInputControl().setText(out.toString());
    robot.clickOn("#batchStart");
    await(
        120, () -> robot.lookup("#batchStatus").queryAs(Label.class).getText().contains("written"));
    assertThat(robot.lookup("#batchStatus").queryAs(Label.class).getText())
        .contains("1 written")
        .contains("1 failed");
    assertThat(out.resolve("a_x2.png")).exists();
    robot.clickOn("#batchClose");
  }
}
