package dev.wbsr.ui.view;

import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.StudioApp;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import dev.wbsr.ui.model.WorkMode;
import dev.wbsr.ui.viewer.CompareMode;
import dev.wbsr.ui.viewer.CompareView;
import dev.wbsr.ui.viewer.ImageViewport;
import dev.wbsr.ui.viewer.LensProbe;
import dev.wbsr.ui.viewer.PixelSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The photographer-facing rough edges of issue 15 on the real window (test doubles for the engine):
 * nothing truncated or pushed off the window at 1024x700, real key names, the zoom indicator, the
 * magnifier lens, drops that mean a batch.
 */
@ExtendWith(ApplicationExtension.class)
class RoughEdgesTest {

  @TempDir Path tmp;
  StudioModel model;
  MainWindow window;
  Stage stage;
  final List<List<Path>> batchDrops = new ArrayList<>();

  @Start
  void start(Stage stage) {
    this.stage = stage;
    model =
        new StudioModel(
            FakeCore.create(), FxTestSupport.freshSettings("dev/wbsr/studio-test-rough"));
    window = new MainWindow(model, stage);
    window.setDropBatchAction(batchDrops::add);
    stage.setScene(window.createScene(1024, 700));
    stage
        .getScene()
        .getStylesheets()
        .add(StudioApp.class.getResource("studio.css").toExternalForm());
    model.discoverBundles(List.of());
    stage.show();
  }

  @AfterEach
  void stop() {
    onFx(() -> model.shutdown());
  }

  /** What a label really shows: its skin's text node (ends in "…" when cut). */
  private static String shown(Labeled l) {
    Text t = (Text) l.lookup(".text");
    return t == null ? l.getText() : t.getText();
  }

  private static void collect(Node n, List<Labeled> out) {
    if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
      out.add(l);
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        collect(c, out);
      }
    }
  }

  @Test
  void evaluateModeAt1024x700CutsNoToolbarTextAndFitsTheWindow(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    onFx(
        () -> {
          model.source().setWorkMode(WorkMode.EVALUATE);
          model.compare().setMode(CompareMode.SIDE_BY_SIDE);
          model.compare().setRightVariant(Variant.GROUND_TRUTH);
          model.readoutState().setSweepWanted(true);
        });
    awaitIdle(model, 30);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    for (String id :
        new String[] {
          "#compareSingle",
          "#compareSideBySide",
          "#compareSplit",
          "#compareFlip",
          "#zoomLevel",
          "#qualityReadout",
          "#flopsReadout",
          "#patchesReadout"
        }) {
      Labeled l = robot.lookup(id).queryAs(Labeled.class);
      assertThat(shown(l)).as(id).isEqualTo(l.getText());
    }
    // the class table's cells: "13 (19%)", never "13 (1…"
    List<Labeled> cells = new ArrayList<>();
    collect(robot.lookup("#classTable").query(), cells);
    assertThat(cells).isNotEmpty();
    for (Labeled c : cells) {
      assertThat(shown(c)).as("class table cell").doesNotEndWith("…").doesNotEndWith("...");
    }
    // everything lies inside the window
    double w = stage.getScene().getWidth();
    for (String id : new String[] {"#viewerToolbar", "#statusBar", "#compareView"}) {
      Node n = robot.lookup(id).query();
      Bounds b = n.localToScene(n.getLayoutBounds());
      assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(w + 0.5);
    }
  }

  @Test
  void aLongStatusTextNeitherWidensTheContentNorIsLost(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    Label status = robot.lookup("#statusText").queryAs(Label.class);
    double before = onFx(() -> stage.getScene().getRoot().minWidth(-1));
    String longText =
        "Sweep: WBSR budget 35 % · ARM eta 4.0 · ClassSR on the same image · " + "x".repeat(300);
    onFx(
        () -> {
          status.textProperty().unbind();
          status.setText(longText);
          stage.getScene().getRoot().requestLayout();
        });
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    double after = onFx(() -> stage.getScene().getRoot().minWidth(-1));
    assertThat(after).isEqualTo(before);
    assertThat(after).isLessThanOrEqualTo(stage.getScene().getWidth());
    Bounds bar =
        onFx(
            () -> {
              Node n = robot.lookup("#statusBar").query();
              return n.localToScene(n.getLayoutBounds());
            });
    assertThat(bar.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth() + 0.5);
    assertThat(status.getTooltip().getText()).isEqualTo(longText);
  }

  @Test
  void zoomIndicatorFollowsTheView(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    CompareView v = window.viewer();
    onFx(() -> v.transform().setZoom(2));
    assertThat(robot.lookup("#zoomLevel").queryAs(Label.class).getText()).isEqualTo("200 %");
    onFx(() -> v.transform().setZoom(0.0625));
    assertThat(robot.lookup("#zoomLevel").queryAs(Label.class).getText()).isEqualTo("6.3 %");
  }

  @Test
  void menusAndHelpNameKeysAsPeopleDo(FxRobot robot) {
    MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
    List<String> shown = new ArrayList<>();
    for (Menu m : bar.getMenus()) {
      for (MenuItem i : m.getItems()) {
        if (i.getAccelerator() != null) {
          assertThat(i.getAccelerator()).as(i.getText()).isInstanceOf(KeyCodeCombination.class);
          shown.add(i.getAccelerator().getDisplayText());
        }
      }
    }
    assertThat(shown).contains("[", "]", "Escape", "L").noneMatch(s -> s.contains("_"));
    Alert help = onFx(() -> HelpPane.show(stage));
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    List<Labeled> keys = new ArrayList<>();
    onFx(() -> collect(help.getDialogPane(), keys));
    List<Labeled> kbd = keys.stream().filter(l -> l.getStyleClass().contains("kbd")).toList();
    assertThat(kbd).hasSize(HelpPane.SHORTCUTS.length);
    for (Labeled k : kbd) {
      assertThat(shown(k)).isEqualTo(k.getText()).doesNotContain("_");
    }
    assertThat(kbd.stream().map(Labeled::getText)).contains("Ctrl+Shift+S", "[  ]", "Escape");
    onFx(help::close);
  }

  @Test
  void theLensShowsBothSidesEnlargedUnderTheCursor(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    onFx(
        () -> {
          model.compare().setMode(CompareMode.SPLIT);
          model.compare().setRightVariant(Variant.BICUBIC);
        });
    awaitIdle(model, 20);
    CompareView v = window.viewer();
    robot.clickOn("#lensToggle");
    assertThat(v.lensProperty().get()).isTrue();
    ImageViewport main = v.mainViewport();
    Bounds b = onFx(() -> main.localToScene(main.getLayoutBounds()));
    double sx = b.getMinX() + b.getWidth() * 0.3;
    double sy = b.getMinY() + b.getHeight() * 0.5;
    onFx(() -> v.moveLens(sx, sy));
    assertThat(v.magnifier().isVisible()).isTrue();
    // the lens centre shows the pixel under the cursor, of the left side and of the right side
    javafx.geometry.Point2D p = onFx(() -> main.sceneToLocal(sx, sy));
    int ix = (int) Math.floor(v.transform().imageX(p.getX(), main.getWidth()));
    int iy = (int) Math.floor(v.transform().imageY(p.getY(), main.getHeight()));
    PixelSource l = v.leftProperty().get();
    PixelSource r = v.rightProperty().get();
    int half = LensProbe.side() / 2;
    int lensLeft = onFx(() -> LensProbe.rgb(v, half, half));
    int lensRight = onFx(() -> LensProbe.rgb(v, LensProbe.side() + 2 + half, half));
    assertThat(lensLeft).isEqualTo(l.rgb(ix, iy));
    assertThat(lensRight).isEqualTo(r.rgb(ix, iy));
    robot.type(javafx.scene.input.KeyCode.L); // the menu's key turns it off
    assertThat(v.lensProperty().get()).isFalse();
    assertThat(v.magnifier().isVisible()).isFalse();
  }

  @Test
  void aDroppedFolderOrSeveralFilesMeanABatchAndOneFileOpens() throws Exception {
    Path a = FxTestSupport.writePng(FxTestSupport.testImage(64, 48), tmp.resolve("a.png"));
    Path b = FxTestSupport.writePng(FxTestSupport.testImage(64, 48), tmp.resolve("b.png"));
    Path folder = Files.createDirectories(tmp.resolve("shoot"));
    onFx(() -> window.drop(List.of(folder)));
    onFx(() -> window.drop(List.of(a, b)));
    assertThat(batchDrops).containsExactly(List.of(folder), List.of(a, b));
    onFx(() -> window.drop(List.of(a)));
    awaitIdle(model, 20);
    assertThat(model.source().documentProperty().get().name()).isEqualTo("a.png");
    assertThat(batchDrops).hasSize(2);
  }
}
