package dev.wbsr.ui;

import static dev.wbsr.ui.FxTestSupport.await;
import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.fake.MemoryPreferences;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioModel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * "Open with" / {@code wbsr FILE...}: the real {@link StudioApp} launched with file arguments (as
 * {@code StudioLauncher} passes them) opens the first file instead of the sample photo and puts the
 * others in Open Recent.
 */
class StartupFilesTest {

  static final String NODE = "dev/wbsr/studio-test-startup";

  @TempDir Path tmp;
  Application app;
  final AtomicReference<StudioModel> model = new AtomicReference<>();
  final AtomicReference<Stage> stage = new AtomicReference<>();

  @AfterEach
  void tearDown() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
    FxToolkit.cleanupStages();
    StudioApp.setOnStarted(null);
    StudioApp.setCoreFactory(null);
    StudioApp.setSettingsFactory(null);
  }

  private StudioModel launch(String... args) throws Exception {
    FxToolkit.registerPrimaryStage();
    Settings settings = new Settings(MemoryPreferences.root().node(NODE));
    StudioApp.setSettingsFactory(() -> settings);
    StudioApp.setCoreFactory(FakeCore::create);
    StudioApp.setOnStarted(
        (s, m) -> {
          stage.set(s);
          model.set(m);
        });
    app = FxToolkit.setupApplication(StudioApp.class, args);
    await(10, () -> model.get() != null);
    return model.get();
  }

  @Test
  void opensTheFirstFileAndListsTheOthersInOpenRecent() throws Exception {
    Path a = FxTestSupport.writePng(FxTestSupport.testImage(120, 80), tmp.resolve("first.png"));
    Path b = FxTestSupport.writePng(FxTestSupport.testImage(64, 64), tmp.resolve("second.png"));
    StudioModel m = launch(a.toString(), b.toString(), tmp.resolve("gone.png").toString());
    awaitIdle(m, 20);
    assertThat(m.source().documentProperty().get().name()).isEqualTo("first.png");
    assertThat(m.source().recentFiles())
        .startsWith(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize());
    assertThat(m.noticeProperty().get())
        .isEqualTo("1 more file is in File › Open Recent; not found: gone.png");
    FxRobot robot = new FxRobot();
    await(
        5,
        () -> robot.lookup("#statusText").queryAs(Label.class).getText().contains("Open Recent"));
    Menu recent =
        onFx(
            () ->
                robot
                    .lookup("#menuBar")
                    .queryAs(MenuBar.class)
                    .getMenus()
                    .get(0)
                    .getItems()
                    .stream()
                    .filter(i -> "Open Recent".equals(i.getText()))
                    .map(Menu.class::cast)
                    .findFirst()
                    .orElseThrow());
    assertThat(onFx(() -> recent.getItems().get(1).getText())).startsWith("second.png");
    assertThat(stage.get().getTitle()).contains("first.png");
  }

  @Test
  void anUnreadableFirstFileIsAMessageNotACrash() throws Exception {
    Path bad = java.nio.file.Files.writeString(tmp.resolve("broken.png"), "not an image");
    StudioModel m = launch("--", bad.toString());
    FxRobot robot = new FxRobot();
    await(10, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
    assertThat(
            robot
                .lookup("#errorDialog")
                .queryAs(javafx.scene.control.DialogPane.class)
                .getContentText())
        .contains("broken.png");
    assertThat(m.source().documentProperty().get()).isNull();
    onFx(() -> ((Stage) robot.lookup("#errorDialog").query().getScene().getWindow()).close());
  }
}
