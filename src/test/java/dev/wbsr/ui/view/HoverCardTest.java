package dev.wbsr.ui.view;

import static dev.wbsr.ui.FxTestSupport.await;
import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.model.SourceImage;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.viewer.ImageViewport;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A hover card names a patch of the image and model shown; it goes when either is replaced. */
@ExtendWith(ApplicationExtension.class)
class HoverCardTest {

  @TempDir Path tmp;
  StudioModel model;

  @Start
  void start(Stage stage) {
    model = FxTestSupport.showApp(stage, "dev/wbsr/studio-test-hover", new FakeCore.Engines());
  }

  @AfterEach
  void stop() {
    onFx(() -> model.shutdown());
  }

  private ImageViewport cardOverTheImage(FxRobot robot) throws Exception {
    ImageViewport main = robot.lookup("#viewportMain").queryAs(ImageViewport.class);
    onFx(() -> main.showHover(main.getWidth() / 2, main.getHeight() / 2));
    await(5, () -> main.hoverTextShown() != null);
    return main;
  }

  @Test
  void openingAnotherImageClearsTheCard(FxRobot robot) throws Exception {
    FxTestSupport.open(model, FxTestSupport.testImage(512, 400), tmp.resolve("big.png"), 20);
    ImageViewport main = cardOverTheImage(robot);
    FxTestSupport.open(model, FxTestSupport.testImage(300, 200), tmp.resolve("small.png"), 20);
    assertThat(main.hoverTextShown()).isNull();
  }

  @Test
  void pastingClearsTheCard(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    ImageViewport main = cardOverTheImage(robot);
    onFx(() -> model.openLoaded(SourceImage.pasted(FxTestSupport.testImage(64, 64))));
    awaitIdle(model, 20);
    assertThat(main.hoverTextShown()).isNull();
  }

  @Test
  void changingTheModelClearsTheCard(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    ImageViewport main = cardOverTheImage(robot);
    ModelBundle other =
        model.routingState().bundles().stream()
            .filter(b -> b != model.routingState().bundleProperty().get())
            .findFirst()
            .orElseThrow();
    onFx(() -> model.routingState().setBundle(other));
    awaitIdle(model, 20);
    assertThat(main.hoverTextShown()).isNull();
  }
}
