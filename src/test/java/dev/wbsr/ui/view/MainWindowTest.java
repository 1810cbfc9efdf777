package dev.wbsr.ui.view;

import static dev.wbsr.ui.FxTestSupport.await;
import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.model.OverlayKind;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import dev.wbsr.ui.viewer.CompareMode;
import dev.wbsr.ui.viewer.ImageViewport;
import dev.wbsr.ui.viewer.OverlayMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real window (on test doubles for the engine) with TestFX under headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  @TempDir Path tmp;
  StudioModel model;
  final FakeCore.Engines engines = new FakeCore.Engines();

  @Start
  void start(Stage stage) {
    model = FxTestSupport.showApp(stage, "dev/wbsr/studio-test-window", engines);
  }

  @AfterEach
  void stop() {
    onFx(() -> model.shutdown());
  }

  @Test
  void opensUpscalesAndShowsReadouts(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    assertThat(robot.lookup("#sourceName").queryAs(Label.class).getText()).isEqualTo("photo.png");
    assertThat(robot.lookup("#flopsReadout").queryAs(Label.class).getText()).contains("GFLOPs");
    assertThat(robot.lookup("#qualityReadout").queryAs(Label.class).getText())
        .contains("vs supernet");
    assertThat(robot.lookup("#classTable").queryAs(TableView.class).getItems()).hasSize(10);
    assertThat(robot.window("• photo.png — WBSR Studio")).isNotNull();
  }

  @Test
  void budgetSliderRemapsSubnetMapAndFlops(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    onFx(
        () -> robot.lookup("#sidebar").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
    robot.clickOn("#overlaySubnet");
    onFx(
        () -> robot.lookup("#sidebar").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
    assertThat(model.overlay().kindProperty().get()).isEqualTo(OverlayKind.SUBNET);
    // from the scale's left end (every patch on the cheapest subnet), as the paper rule is
    // mid-scale now
    javafx.scene.control.Slider slider =
        robot.lookup("#budgetSlider").queryAs(javafx.scene.control.Slider.class);
    onFx(() -> slider.setValue(slider.getMin()));
    awaitIdle(model, 20);
    String flopsBefore = robot.lookup("#flopsReadout").queryAs(Label.class).getText();
    OverlayMap mapBefore = model.overlay().mapProperty().get();
    engines.delayMs = 30;
    long revBefore = model.compare().revisionProperty().get();
    long paintsBefore = robot.lookup("#viewportMain").queryAs(ImageViewport.class).paintCount();
    robot
        .clickOn("#budgetSlider")
        .type(KeyCode.END); // two moves: to mid-scale, then to the supernet
    assertThat(model.routingState().budgetProperty().get()).isEqualTo(1.0);
    String flopsAfter = robot.lookup("#flopsReadout").queryAs(Label.class).getText();
    assertThat(flopsAfter).isNotEqualTo(flopsBefore).contains("(100%)");
    assertThat(model.overlay().mapProperty().get().colors()).isNotEqualTo(mapBefore.colors());
    assertThat(robot.lookup("#budgetLabel").queryAs(Label.class).getText()).isEqualTo("100 %");
    awaitIdle(model, 20);
    assertThat(model.isComplete(dev.wbsr.ui.model.Variant.WBSR)).isTrue();
    // the image refreshed progressively: several repaints while the changed patches came in
    assertThat(model.compare().revisionProperty().get() - revBefore).isGreaterThanOrEqualTo(3);
    assertThat(
            robot.lookup("#viewportMain").queryAs(ImageViewport.class).paintCount() - paintsBefore)
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void switchesCompareModes(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    robot.clickOn("#compareSideBySide");
    assertThat(model.compare().modeProperty().get()).isEqualTo(CompareMode.SIDE_BY_SIDE);
    ImageViewport second = robot.lookup("#viewportSecond").queryAs(ImageViewport.class);
    assertThat(second.getScene()).isNotNull();
    awaitIdle(model, 20);
    assertThat(second.leftProperty().get()).isNotNull();
    robot.clickOn("#compareSplit");
    ImageViewport main = robot.lookup("#viewportMain").queryAs(ImageViewport.class);
    assertThat(main.splitVisibleProperty().get()).isTrue();
    assertThat(second.getScene()).isNull();
    robot.clickOn("#compareFlip");
    robot.moveTo(main);
    robot.press(KeyCode.SPACE);
    await(5, () -> main.flippedProperty().get());
    robot.release(KeyCode.SPACE);
    await(5, () -> !main.flippedProperty().get());
  }

  @Test
  void hoverShowsPatchDetails(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    ImageViewport main = robot.lookup("#viewportMain").queryAs(ImageViewport.class);
    robot.moveTo(main);
    await(5, () -> main.hoverTextShown() != null);
    assertThat(main.hoverTextShown()).contains("Score").contains("class").contains("Subnet");
  }

  @Test
  void corruptFileShowsAnErrorDialog(FxRobot robot) throws Exception {
    Path bad = Files.writeString(tmp.resolve("broken.jpg"), "garbage");
    onFx(() -> model.open(bad));
    await(10, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
    javafx.scene.control.DialogPane pane =
        robot.lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class);
    assertThat(pane.getContentText()).contains("broken.jpg");
    robot.clickOn("OK");
  }

  @Test
  void pasteOpensTheClipboardImage(FxRobot robot) throws Exception {
    onFx(
        () -> {
          javafx.scene.image.WritableImage img = new javafx.scene.image.WritableImage(90, 70);
          javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
          c.putImage(img);
          javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
    robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
    awaitIdle(model, 20);
    assertThat(model.source().documentProperty().get()).isNotNull();
    assertThat(model.source().documentProperty().get().name()).isEqualTo("pasted image");
    assertThat(model.source().documentProperty().get().lr().width()).isEqualTo(90);
  }

  @Test
  void batchCancelStopsFastAndLeavesNoPartFile(FxRobot robot) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("many"));
    for (int i = 0; i < 6; i++) {
      FxTestSupport.writePng(FxTestSupport.testImage(400, 300), in.resolve("p" + i + ".png"));
    }
    engines.delayMs = 40;
    Path out = tmp.resolve("out");
    robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
    await(5, () -> robot.lookup("#batchDialog").tryQuery().isPresent());
    robot.lookup("#batchInput").queryTextInputControl().setText(in.toString());
    robot.lookup("#batchOutput").queryTextInputControl().setText(out.toString());
    robot.clickOn("#batchStart");
    await(10, () -> robot.lookup("#batchStatus").queryAs(Label.class).getText().contains("p1.png"));
    robot.clickOn("#batchCancel");
    // stopping within seconds, not minutes; how fast exactly is a benchmark's business
    await(
        10,
        () -> robot.lookup("#batchStatus").queryAs(Label.class).getText().startsWith("Cancelled."));
    try (Stream<Path> s = Files.walk(out)) {
      assertThat(s.filter(p -> p.toString().contains(".part")).toList()).isEmpty();
    }
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.count()).isLessThan(6);
    }
    robot.clickOn("#batchClose");
  }

  @Test
  void batchOverATempFolder(FxRobot robot) throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in/sub"));
    FxTestSupport.writePng(FxTestSupport.testImage(96, 64), tmp.resolve("in/a.png"));
    FxTestSupport.writePng(FxTestSupport.testImage(64, 64), in.resolve("b.png"));
    Files.writeString(tmp.resolve("in/c.png"), "not an image");
    Path out = tmp.resolve("out");
    robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
    await(5, () -> robot.lookup("#batchDialog").tryQuery().isPresent());
    robot.lookup("#batchInput").queryTextInputControl().setText(tmp.resolve("in").toString());
    robot.lookup("#batchOutput").queryTextInputControl().setText(out.toString());
    onFx(
        () ->
            robot
                .lookup("#batchRecursive")
                .queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
    robot.clickOn("#batchStart");
    await(
        30, () -> robot.lookup("#batchStatus").queryAs(Label.class).getText().contains("written"));
    String status = robot.lookup("#batchStatus").queryAs(Label.class).getText();
    assertThat(status).contains("2 written").contains("1 failed");
    assertThat(out.resolve("a_x2.png")).exists();
    assertThat(out.resolve("sub/b_x2.png")).exists();
    try (Stream<Path> s = Files.walk(out)) {
      assertThat(s.filter(p -> p.toString().contains(".part"))).isEmpty();
    }
    assertThat(robot.lookup("#batchFailures").queryListView().getItems()).hasSize(1);
    robot.clickOn("#batchClose");
  }

  @Test
  void aClassSrBundleOffersItsModeAndDisablesTheBudget(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    @SuppressWarnings("unchecked")
    javafx.scene.control.ComboBox<Variant> right =
        robot.lookup("#rightVariant").queryAs(javafx.scene.control.ComboBox.class);
    // a WBSR document with a ClassSR bundle of the same scale: ClassSR is a compare choice
    assertThat(right.getItems()).contains(Variant.CLASSSR);
    assertThat(right.getConverter().toString(Variant.CLASSSR))
        .isEqualTo("ClassSR (tiny-classsr-x2)");
    assertThat(robot.lookup("#budgetSlider").query().isDisabled()).isFalse();
    @SuppressWarnings("unchecked")
    javafx.scene.control.ComboBox<ModelBundle> bundles =
        robot.lookup("#bundleCombo").queryAs(javafx.scene.control.ComboBox.class);
    robot.clickOn(bundles);
    robot.clickOn("tiny-classsr-x2  (x2, ClassSR, 3 branches)");
    awaitIdle(model, 20);
    assertThat(model.routingState().bundleProperty().get().name()).isEqualTo("tiny-classsr-x2");
    assertThat(robot.lookup("#routeClasssr").queryAs(ToggleButton.class).isSelected()).isTrue();
    assertThat(robot.lookup("#routeClasssr").query().getParent().isVisible()).isTrue();
    assertThat(robot.lookup("#routeWbsr").query().getParent().isVisible()).isFalse();
    assertThat(robot.lookup("#budgetSlider").query().isDisabled()).isTrue();
    assertThat(robot.lookup("#budgetNote").queryAs(Label.class).isVisible()).isTrue();
    assertThat(robot.lookup("#budgetNote").queryAs(Label.class).getText())
        .contains("ClassSR has no compute budget");
    assertThat(robot.lookup("#flopsReadout").queryAs(Label.class).getText())
        .startsWith("ClassSR")
        .contains("widest branch");
    assertThat(robot.lookup("#qualityReadout").queryAs(Label.class).getText())
        .contains("vs widest branch");
    assertThat(robot.lookup("#patchesReadout").queryAs(Label.class).getText())
        .matches(".*w\\d-d1.*");
    assertThat(robot.lookup("#leftVariant").queryAs(javafx.scene.control.ComboBox.class).getValue())
        .isEqualTo(Variant.CLASSSR);
    assertThat(right.getItems()).contains(Variant.WBSR).doesNotContain(Variant.ARM);
    // the subnet map shows the classifier's branch per patch; hover names it
    onFx(
        () -> robot.lookup("#sidebar").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
    robot.clickOn("#overlaySubnet");
    assertThat(model.overlay().mapProperty().get()).isNotNull();
    ImageViewport main = robot.lookup("#viewportMain").queryAs(ImageViewport.class);
    robot.moveTo(main);
    await(5, () -> main.hoverTextShown() != null);
    assertThat(main.hoverTextShown()).contains("Branch");
    // the W key cannot leave ClassSR here; the status bar says why
    robot.type(KeyCode.W);
    assertThat(model.routingState().modeProperty().get())
        .isEqualTo(dev.wbsr.ui.model.RoutingMode.CLASSSR);
    await(
        5,
        () ->
            robot
                .lookup("#statusText")
                .queryAs(Label.class)
                .getText()
                .contains("offers ClassSR and Bicubic"));
    robot.clickOn("#routeBicubicClassSr");
    assertThat(model.routingState().modeProperty().get())
        .isEqualTo(dev.wbsr.ui.model.RoutingMode.BICUBIC);
    assertThat(robot.lookup("#budgetSlider").query().isVisible()).isTrue();
    awaitIdle(model, 20);
  }

  @Test
  void aboutShowsTheVersionBundlesAndTheThirdPartyNotices(FxRobot robot) throws Exception {
    onFx(
        () ->
            robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> "menuAbout".equals(i.getId()))
                .findFirst()
                .orElseThrow()
                .fire());
    await(20, () -> robot.lookup("#aboutTabs").tryQuery().isPresent());
    TabPane tabs = robot.lookup("#aboutTabs").queryAs(TabPane.class);
    DialogPane dialog = (DialogPane) tabs.getScene().getRoot();
    assertThat(dialog.getHeaderText()).isEqualTo("WBSR Studio " + AboutPane.version());
    assertThat(robot.lookup("#aboutPane .label").queryAs(Label.class).getText())
        .contains("tiny-x2 v1.0.0 (x2, wbsr), weights licence CC-BY-SA-4.0");

    Tab third = tabs.getTabs().get(1);
    assertThat(third.getText()).isEqualTo("Third-party notices");
    onFx(() -> tabs.getSelectionModel().select(third));
    // the file is read off the FX thread; the tab shows a spinner until then
    await(20, () -> third.getContent() instanceof ScrollPane);
    // a ScrollPane's content joins the scene graph through its skin, one pulse after it is set
    await(20, () -> !robot.lookup("#thirdPartyNoticesContent .label").queryAll().isEmpty());
    List<String> labels =
        robot.lookup("#thirdPartyNoticesContent .label").queryAllAs(Label.class).stream()
            .map(Label::getText)
            .toList();
    assertThat(labels.get(0)).isEqualTo("Third-party notices");
    assertThat(labels).contains("Java libraries", "info.picocli:picocli");
    onFx(() -> ((Stage) tabs.getScene().getWindow()).close());
  }
}
