package dev.wbsr.ui.batch;

import static dev.wbsr.ui.FxTestSupport.await;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.export.OutputQuality;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The batch dialog as a photographer uses it: output next to the sources, WebP, quality. */
@ExtendWith(ApplicationExtension.class)
class BatchDialogUxTest {

  @TempDir Path tmp;
  StudioModel model;
  Stage stage;
  Settings settings;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    settings = FxTestSupport.freshSettings("dev/wbsr/studio-test-batchux");
    model = new StudioModel(FakeCore.create(), settings);
    model.discoverBundles(List.of());
    // an owner with a scene: Monocle fails to disable a scene-less owner under a modal dialog
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
    stage.show();
  }

  @AfterEach
  void stop() {
    onFx(() -> model.shutdown());
    settings.clear();
  }

  @Test
  void aFolderGoesToItsUpscaledSubfolderAsLosslessWebp(FxRobot robot) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("shoot"));
    FxTestSupport.writePng(FxTestSupport.testImage(64, 48), in.resolve("a.png"));
    Files.writeString(in.resolve("broken.png"), "no image");
    BatchDialog d = onFx(() -> BatchDialog.show(stage, model));
    robot.lookup("#batchInput").queryTextInputControl().setText(in.toString());
    assertThat(onFx(d::outputText)).isEqualTo(in.resolve("upscaled").toString());
    onFx(
        () -> {
          robot.lookup("#batchFormat").queryAs(ComboBox.class).setValue("webp");
          @SuppressWarnings("unchecked")
          Spinner<Integer> q = robot.lookup("#batchQuality").queryAs(Spinner.class);
          q.getValueFactory().setValue(100);
        });
    robot.clickOn("#batchStart");
    await(
        30, () -> robot.lookup("#batchStatus").queryAs(Label.class).getText().contains("written"));
    assertThat(robot.lookup("#batchStatus").queryAs(Label.class).getText())
        .contains("1 written", "1 failed");
    byte[] webp = Files.readAllBytes(in.resolve("upscaled").resolve("a_x2.webp"));
    assertThat(new String(webp, 8, 8, StandardCharsets.ISO_8859_1))
        .isEqualTo("WEBPVP8L"); // lossless
    assertThat(OutputQuality.get(settings)).isEqualTo(100); // shared with the export menu
    // the failure names the file once and wraps rather than scrolling sideways
    List<String> failures =
        robot.lookup("#batchFailures").queryListView().getItems().stream()
            .map(Object::toString)
            .toList();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).split("broken\\.png", -1)).hasSize(2);
    // a chosen output folder is kept, and not replaced when the input changes
    robot
        .lookup("#batchOutput")
        .queryTextInputControl()
        .setText(tmp.resolve("elsewhere").toString());
    robot.lookup("#batchInput").queryTextInputControl().setText(tmp.toString());
    assertThat(onFx(d::outputText)).isEqualTo(tmp.resolve("elsewhere").toString());
    onFx(() -> d.stage().close());
  }

  @Test
  void droppedFilesSuggestTheirFolderAndADroppedFolderItsSubfolder() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("shoot"));
    Path a = FxTestSupport.writePng(FxTestSupport.testImage(32, 32), in.resolve("a.png"));
    Path b = FxTestSupport.writePng(FxTestSupport.testImage(32, 32), in.resolve("b.png"));
    BatchDialog files = onFx(() -> BatchDialog.show(stage, model, List.of(a, b)));
    assertThat(onFx(files::outputText)).isEqualTo(in.resolve("upscaled").toString());
    onFx(() -> files.stage().close());
    BatchDialog folder = onFx(() -> BatchDialog.show(stage, model, List.of(in)));
    assertThat(onFx(folder::outputText)).isEqualTo(in.resolve("upscaled").toString());
    onFx(() -> folder.stage().close());
  }

  @Test
  void theBudgetIsOneScaleFromTheBundlesFloorWithThePaperRuleAsItsOwnChoice(FxRobot robot)
      throws Exception {
    BatchDialog d = onFx(() -> BatchDialog.show(stage, model));
    javafx.scene.control.Slider slider =
        robot.lookup("#batchBudget").queryAs(javafx.scene.control.Slider.class);
    javafx.scene.control.CheckBox paper =
        robot.lookup("#batchPaperRule").queryAs(javafx.scene.control.CheckBox.class);
    var bundle = model.routingState().bundleProperty().get();
    double floor = dev.wbsr.ui.model.Bundles.budgetFloor(bundle);
    assertThat(floor).isGreaterThan(0).isLessThan(1);
    // the app starts on the paper rule: a choice of its own, the slider is not at a sentinel
    assertThat(paper.isSelected()).isTrue();
    assertThat(onFx(d::batchBudget)).isInstanceOf(dev.wbsr.pipeline.Budget.PaperRule.class);
    assertThat(slider.getMin()).isEqualTo(Math.max(0.01, floor));
    assertThat(slider.isDisabled()).isTrue();
    onFx(() -> paper.setSelected(false));
    onFx(() -> slider.setValue(0)); // dragged to the left end: clamped to the floor, never 0
    assertThat(onFx(d::batchBudget))
        .isEqualTo(new dev.wbsr.pipeline.Budget.Fraction(Math.max(0.01, floor)));
    onFx(() -> slider.setValue(1));
    assertThat(onFx(d::batchBudget)).isEqualTo(new dev.wbsr.pipeline.Budget.Fraction(1));
    onFx(() -> d.stage().close());
  }
}
