package dev.wbsr.ui.view;

import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.TestBundles;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.timing.SubnetTimes;
import dev.wbsr.timing.SubnetTimesCache;
import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.model.StudioModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Count time on this machine" (issue 17, the CLI's --cost time): the subnets are timed once per
 * bundle off the FX thread into the given cache folder (never the user's), and WBSR then routes
 * over the subnets ordered by measured time; the readouts say the time share and keep the FLOPs.
 * The engine double sleeps per subnet so that subnet 0, the cheapest in FLOPs, is one of the
 * slowest and subnet 1 the fastest. On each x2 bundle shape (issue 12: v2 has 6 subnets and a
 * calibrated front, over which subnet 0 also drops off the time front).
 */
@ExtendWith(ApplicationExtension.class)
class TimeBudgetTest {

  /**
   * Sleep per call of each subnet, ms: subnet 1 fastest, subnet 0 slower than all but the supernet
   * (the last subnet, whichever the bundle's count: {@link #sleepMs}). Wide gaps: on a loaded
   * machine a sleep overshoots by several ms, and the order must survive that.
   */
  private static final long[] SLEEP_MS = {80, 2, 40, 44, 48, 52, 56, 60};

  private static final long SUPERNET_SLEEP_MS = 90;

  private static long sleepMs(int subnet, int supernet) {
    return subnet == supernet ? SUPERNET_SLEEP_MS : SLEEP_MS[subnet];
  }

  @TempDir static Path tmp;
  StudioModel model;
  final FakeCore.Engines engines = new FakeCore.Engines();
  final AtomicInteger onFxThread = new AtomicInteger();

  @Start
  void start(Stage stage) {
    model =
        FxTestSupport.showApp(
            stage,
            "dev/wbsr/studio-test-time",
            FakeCore.create(engines, new SubnetTimesCache(tmp.resolve("times"))));
  }

  @AfterEach
  void stop() {
    engines.onRun = null;
    onFx(() -> model.shutdown());
  }

  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void theToggleTimesTheSubnetsOffTheFxThreadAndRoutesByTime(String fixture, FxRobot robot)
      throws Exception {
    FxTestSupport.selectBundle(model, fixture);
    int supernet = TestBundles.fixture(fixture).manifest().supernet();
    FxTestSupport.openPhoto(model, tmp);
    engines.onRun =
        (subnet, in) -> {
          if (Platform.isFxApplicationThread()) {
            onFxThread.incrementAndGet();
          }
          try {
            Thread.sleep(sleepMs(subnet, supernet));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    // the lowest budget: every patch on the cheapest subnet of what the budget counts
    onFx(() -> model.routingState().setBudget(0.01));
    awaitIdle(model, 20);
    assertThat(subnetsUsed()).containsExactly(0);
    CheckBox toggle = robot.lookup("#budgetByTime").queryAs(CheckBox.class);
    assertThat(toggle.isSelected()).isFalse();
    Label flops = robot.lookup("#flopsReadout").queryAs(Label.class);
    assertThat(flops.getText()).doesNotContain("time");

    onFx(
        () -> robot.lookup("#sidebar").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
    robot.clickOn("#budgetByTime");
    awaitIdle(model, 30);

    assertThat(model.routingState().budgetByTimeProperty().get()).isTrue();
    SubnetTimes times = model.routingState().timesProperty().get();
    assertThat(times).isNotNull();
    assertThat(times.secondsPerPatch().get(1)).isLessThan(times.secondsPerPatch().get(0));
    assertThat(onFxThread.get()).as("no timing or rendering on the FX thread").isZero();
    try (Stream<Path> files = Files.list(tmp.resolve("times"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("the times went to the given cache")
          .filteredOn(n -> n.startsWith(fixture + "@"))
          .hasSize(1);
    }
    assertThat(subnetsUsed()).as("the time front's cheapest subnet").containsExactly(1);
    assertThat(flops.getText()).contains("GFLOPs").contains("time");
    assertThat(robot.lookup("#budgetLabel").queryAs(Label.class).getText()).contains("time");
    Assignment r = model.routingState().routingProperty().get();
    assertThat(model.routingState().costRatio(r)).isLessThan(r.flopsRatio());

    // back to FLOPs: the paper's accounting routes again
    robot.clickOn("#budgetByTime");
    awaitIdle(model, 20);
    assertThat(subnetsUsed()).containsExactly(0);
    assertThat(flops.getText()).doesNotContain("time");
  }

  private int[] subnetsUsed() {
    return onFx(
        () ->
            Arrays.stream(model.routingState().routingProperty().get().subnetMap())
                .distinct()
                .sorted()
                .toArray());
  }
}
