package dev.wbsr.ui.model;

import static dev.wbsr.ui.FxTestSupport.awaitIdle;
import static dev.wbsr.ui.FxTestSupport.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.pipeline.HeapNeed;
import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeCore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A photo the heap cannot hold is refused in plain words before anything starts (issue 15). */
class PhotoTooLargeTest {

  @TempDir Path tmp;
  StudioCore core;
  StudioModel model;
  final List<String> errors = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void toolkit() throws Exception {
    FxTestSupport.initToolkit();
  }

  @BeforeEach
  void setUp() throws Exception {
    Settings settings = FxTestSupport.freshSettings("dev/wbsr/studio-test-heap");
    core = FakeCore.create();
    model = onFx(() -> new StudioModel(core, settings));
    onFx(
        () -> {
          model.setErrorSink(errors::add);
          model.discoverBundles(List.of());
        });
  }

  @AfterEach
  void tearDown() {
    onFx(() -> model.shutdown());
  }

  @Test
  void aPhotoThatCannotFitIsRefusedWithWhatItNeedsAndTheShownOneStays() throws Exception {
    Path small = FxTestSupport.writePng(FxTestSupport.testImage(200, 130), tmp.resolve("s.png"));
    Path big = FxTestSupport.writePng(FxTestSupport.testImage(400, 260), tmp.resolve("big.png"));
    onFx(() -> model.open(small));
    awaitIdle(model, 20);
    Document shown = model.source().documentProperty().get();
    int scale = shown.scale();
    // a heap that holds the small photo's upscale, not the big one's
    core.setHeapLimit(HeapNeed.forApp(200, 130, scale, false).bytes() * 8 / 7 + (1 << 20));

    onFx(() -> model.open(big));
    awaitIdle(model, 20);

    assertThat(errors)
        .singleElement()
        .asString()
        .contains("big.png is too large to upscale ×" + scale)
        .contains("400 × 260 pixels")
        .contains("Start the app with more memory")
        .contains("-Xmx");
    assertThat(model.source().documentProperty().get()).isSameAs(shown);
    assertThat(model.source().loadingProperty().get()).isFalse();
    assertThat(model.isComplete(Variant.WBSR)).isTrue();

    errors.clear();
    onFx(() -> model.open(small));
    awaitIdle(model, 20);
    assertThat(errors).as("the small photo still fits").isEmpty();
  }
}
