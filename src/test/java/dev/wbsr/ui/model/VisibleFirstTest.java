package dev.wbsr.ui.model;

import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.Nchw;
import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeCore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A budget move updates the part of the image on screen first (issue 15): the engine double records
 * which patches each inference call computes, in order. The LR test image carries each pixel's
 * position in red (x) and green (y), so a call's input says where its tiles are. One worker, so the
 * order of calls is the order of picks.
 */
class VisibleFirstTest {

  private static final int PATCH = 32;

  @TempDir Path tmp;
  final FakeCore.Engines engines = new FakeCore.Engines();
  final List<String> errors = new CopyOnWriteArrayList<>();
  StudioModel model;

  /** Patch (col, row) of each tile of one inference call. */
  record Call(List<int[]> tiles) {
    boolean touches(Predicate<int[]> where) {
      return tiles.stream().anyMatch(where);
    }
  }

  final List<Call> calls = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestSupport.initToolkit();
  }

  @BeforeEach
  void setUp() throws Exception {
    Settings settings = FxTestSupport.freshSettings("dev/wbsr/studio-test-visible");
    StudioCore core =
        new StudioCore(
            engines,
            PipelineOptions.interactive().withWorkers(1).withMaxTileSide(1),
            List.of(FakeCore.BUNDLES));
    model = onFx(() -> new StudioModel(core, settings));
    onFx(
        () -> {
          model.setErrorSink(errors::add);
          model.discoverBundles(List.of());
        });
    Path png = FxTestSupport.writePng(positionImage(256, 192), tmp.resolve("grid.png"));
    onFx(() -> model.open(png));
    awaitIdle(model, 20);
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
  }

  @AfterEach
  void tearDown() {
    engines.onRun = null;
    onFx(() -> model.shutdown());
  }

  /** Red = x, green = y (each under 256), blue a texture that differs by region (classes vary). */
  static RgbImage positionImage(int w, int h) {
    RgbImage img = RgbImage.allocate(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        img.rgb()[i] = (byte) x;
        img.rgb()[i + 1] = (byte) y;
        int amp = (x / 64 + y / 48) % 4 * 60;
        img.rgb()[i + 2] = (byte) (((x + y) % 2 == 0 ? amp : 0) + 20);
      }
    }
    return img;
  }

  /** The patch under the centre of each tile's input window, read from its red and green. */
  static Call decode(Nchw in) {
    int plane = in.h() * in.w();
    List<int[]> tiles = new ArrayList<>();
    for (int n = 0; n < in.n(); n++) {
      int x = Math.round(in.data()[n * 3 * plane] * 255);
      int y = Math.round(in.data()[n * 3 * plane + plane] * 255);
      tiles.add(new int[] {(x + in.w() / 2) / PATCH, (y + in.h() / 2) / PATCH});
    }
    return new Call(tiles);
  }

  /** Grid columns c0..c1 and rows r0..r1 as an on-screen region in output pixels. */
  private Rectangle2D cells(int c0, int r0, int c1, int r1) {
    int p = PATCH * model.source().documentProperty().get().scale();
    return new Rectangle2D(c0 * p + 2, r0 * p + 2, (c1 - c0 + 1) * p - 4, (r1 - r0 + 1) * p - 4);
  }

  private static Predicate<int[]> in(int c0, int r0, int c1, int r1) {
    return t -> t[0] >= c0 && t[0] <= c1 && t[1] >= r0 && t[1] <= r1;
  }

  /** Index of the first call that does not touch {@code where}, from {@code from}. */
  private int firstOutside(int from, Predicate<int[]> where) {
    int i = from;
    while (i < calls.size() && calls.get(i).touches(where)) {
      i++;
    }
    return i;
  }

  @Test
  void aBudgetMoveComputesThePatchesOnScreenFirst() throws Exception {
    onFx(() -> model.showRegion(cells(3, 2, 4, 3)));
    engines.onRun = (s, in) -> calls.add(decode(in));
    onFx(() -> model.routingState().setBudget(1.0));
    awaitIdle(model, 20);
    assertThat(errors).isEmpty();
    Predicate<int[]> visible = in(3, 2, 4, 3);
    int split = firstOutside(0, visible);
    assertThat(split).as("calls on screen before the rest").isPositive();
    assertThat(calls.subList(split, calls.size()))
        .as("no call touches the screen after the first one elsewhere")
        .isNotEmpty()
        .noneMatch(c -> c.touches(visible));
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
  }

  @Test
  void aViewportMoveDuringTheRenderRePrioritisesAndTheImageSaysItIsUpdating() throws Exception {
    onFx(() -> model.showRegion(cells(0, 0, 1, 1)));
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    engines.onRun =
        (s, in) -> {
          calls.add(decode(in));
          entered.countDown();
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    onFx(() -> model.routingState().setBudget(1.0));
    assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
    FxTestSupport.await(
        5, () -> model.compare().renderNoteProperty().get().startsWith("Updating WBSR"));
    onFx(() -> model.showRegion(cells(5, 3, 7, 5))); // the user pans while the first call runs
    release.countDown();
    awaitIdle(model, 20);
    assertThat(errors).isEmpty();
    assertThat(model.compare().renderNoteProperty().get()).isEmpty();
    assertThat(calls.get(0).touches(in(0, 0, 1, 1))).isTrue();
    Predicate<int[]> moved = in(5, 3, 7, 5);
    int split = firstOutside(1, moved);
    assertThat(split)
        .as("the new region's calls come right after the call in flight")
        .isGreaterThan(1);
    assertThat(calls.subList(split, calls.size())).noneMatch(c -> c.touches(moved));
    assertThat(model.isComplete(Variant.WBSR)).isTrue();
  }
}
