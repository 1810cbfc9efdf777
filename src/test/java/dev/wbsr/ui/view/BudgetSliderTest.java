package dev.wbsr.ui.view;

import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.model.StudioModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The budget slider is one monotone scale from the reachable floor to the supernet (issue 15). */
@ExtendWith(ApplicationExtension.class)
class BudgetSliderTest {

  @TempDir Path tmp;
  StudioModel model;

  @Start
  void start(Stage stage) {
    model =
        FxTestSupport.showApp(stage, "dev/wbsr/studio-test-budget-slider", new FakeCore.Engines());
  }

  @AfterEach
  void stop() {
    onFx(() -> model.shutdown());
  }

  private double routedFlops() {
    return onFx(() -> model.routingState().routingProperty().get().flopsRatio());
  }

  /** On each x2 bundle shape (issue 12: v2 has 6 subnets and a calibrated front). */
  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void leftToRightNeverLowersTheFlopsAndStartsAtTheFloor(String fixture, FxRobot robot)
      throws Exception {
    FxTestSupport.selectBundle(model, fixture);
    FxTestSupport.openPhoto(model, tmp);
    Slider slider = robot.lookup("#budgetSlider").queryAs(Slider.class);
    double floor = model.routingState().budgetFloorProperty().get();
    double paper = model.routingState().paperRulePointProperty().get();
    assertThat(floor).isGreaterThan(0);
    assertThat(paper).isGreaterThan(floor);
    // the paper rule (the default budget) is a point inside the scale, not its left end
    assertThat(slider.getMin()).isCloseTo(floor, within(1e-9));
    assertThat(slider.getMax()).isEqualTo(1.0);
    assertThat(slider.getValue()).isCloseTo(paper, within(1e-9));
    assertThat(robot.lookup("#budgetLabel").queryAs(Label.class).getText())
        .isEqualTo(String.format("%.0f %% · paper rule", paper * 100));

    List<Double> flops = new ArrayList<>();
    int steps = 40;
    for (int i = 0; i <= steps; i++) {
      double v = floor + (1 - floor) * i / steps;
      onFx(() -> slider.setValue(v));
      flops.add(routedFlops());
      String label = robot.lookup("#budgetLabel").queryAs(Label.class).getText();
      assertThat(Double.parseDouble(label.replace(" %", "")))
          .isGreaterThanOrEqualTo(Math.floor(floor * 100));
    }
    assertThat(flops.get(0)).isCloseTo(floor, within(1e-9));
    for (int i = 1; i < flops.size(); i++) {
      assertThat(flops.get(i)).as("step %d", i).isGreaterThanOrEqualTo(flops.get(i - 1));
    }
    assertThat(flops.get(steps)).isCloseTo(1.0, within(1e-9));
    assertThat(robot.lookup("#budgetLabel").queryAs(Label.class).getText()).isEqualTo("100 %");
    awaitIdle(model, 20);
  }

  @Test
  void thePaperRuleIsAMarkedPointAndAButton(FxRobot robot) throws Exception {
    FxTestSupport.openPhoto(model, tmp);
    Slider slider = robot.lookup("#budgetSlider").queryAs(Slider.class);
    onFx(() -> slider.setValue(1.0));
    robot.clickOn("#paperRuleButton");
    double paper = model.routingState().paperRulePointProperty().get();
    assertThat(routedFlops()).isCloseTo(paper, within(1e-9));
    assertThat(slider.getValue()).isCloseTo(paper, within(1e-9));
    assertThat(robot.lookup("#budgetLabel").queryAs(Label.class).getText()).endsWith("paper rule");
    Region mark = robot.lookup("#paperRuleMark").queryAs(Region.class);
    assertThat(mark.isVisible()).isTrue();
    // the mark stands between the ends in proportion to the paper rule's place on the scale
    double t = (paper - slider.getMin()) / (slider.getMax() - slider.getMin());
    double x = mark.getBoundsInParent().getCenterX();
    assertThat(x / slider.getWidth()).isCloseTo(t, within(0.1));
    // ] from the paper rule moves up the scale, never down to a 5 % sentinel
    onFx(() -> model.nudgeBudget(0.05));
    assertThat(routedFlops()).isGreaterThanOrEqualTo(paper);
    onFx(() -> slider.setValue(slider.getMin()));
    onFx(() -> model.nudgeBudget(-0.05));
    assertThat(routedFlops())
        .isCloseTo(model.routingState().budgetFloorProperty().get(), within(1e-9));
    awaitIdle(model, 20);
  }
}
