package dev.wbsr.ui.view;

import static dev.wbsr.ui.FxTestSupport.await;
import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.viewer.CompareView;
import dev.wbsr.ui.viewer.ImageViewport;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window tells the model what is on screen (so a budget move computes it first) and says over
 * the image that it is being updated (issue 15).
 */
@ExtendWith(ApplicationExtension.class)
class RenderFeedbackTest {

  @TempDir Path tmp;
  StudioModel model;
  final FakeCore.Engines engines = new FakeCore.Engines();

  @Start
  void start(Stage stage) {
    model = FxTestSupport.showApp(stage, "dev/wbsr/studio-test-feedback", engines);
  }

  @AfterEach
  void stop() {
    engines.onRun = null;
    onFx(() -> model.shutdown());
  }

  @Test
  void theModelHearsWhatTheViewerShowsAsItZoomsAndPans(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    CompareView viewer = robot.lookup("#compareView").queryAs(CompareView.class);
    ImageViewport main = robot.lookup("#viewportMain").queryAs(ImageViewport.class);
    // fitted: the whole 512x320 output is on screen
    await(5, () -> contains(model.compare().shownRegionProperty().get(), 512, 320));
    onFx(
        () -> {
          viewer.transform().setZoom(4);
          viewer.transform().centerXProperty().set(100);
          viewer.transform().centerYProperty().set(60);
        });
    Rectangle2D r = onFx(() -> model.compare().shownRegionProperty().get());
    double w = onFx(main::getWidth);
    double h = onFx(main::getHeight);
    assertThat(r.getWidth()).isCloseTo(w / 4, offset(1e-6));
    assertThat(r.getHeight()).isCloseTo(h / 4, offset(1e-6));
    assertThat(r.getMinX() + r.getWidth() / 2).isCloseTo(100, offset(1e-6));
    assertThat(r.getMinY() + r.getHeight() / 2).isCloseTo(60, offset(1e-6));
    onFx(() -> viewer.transform().panBy(40, 0));
    assertThat(onFx(() -> model.compare().shownRegionProperty().get().getMinX()))
        .isCloseTo(r.getMinX() - 10, offset(1e-6));
  }

  @Test
  void theImageSaysItIsBeingUpdatedWhileTheBudgetMoveRenders(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    Label note = robot.lookup("#renderNote").queryAs(Label.class);
    assertThat(note.isVisible()).isFalse();
    CountDownLatch hold = new CountDownLatch(1); // the render's first call waits for the test
    engines.onRun =
        (subnet, in) -> {
          try {
            hold.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    onFx(() -> model.routingState().setBudget(1.0));
    await(10, () -> note.isVisible() && note.getText().startsWith("Updating WBSR"));
    hold.countDown();
    engines.onRun = null;
    awaitIdle(model, 20);
    assertThat(note.isVisible()).isFalse();
  }

  private static boolean contains(Rectangle2D r, double w, double h) {
    return r != null
        && r.getMinX() <= 0
        && r.getMinY() <= 0
        && r.getMaxX() >= w
        && r.getMaxY() >= h;
  }
}
