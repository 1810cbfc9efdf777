package dev.wbsr.ui;

import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.ui.fake.MemoryPreferences;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioCore;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * Not a test: the app's time to "WBSR shown" (the routing mode's image complete) and to "Ready"
 * (nothing running or queued) for one photo, on the real core and bundle, headless. Run by {@code
 * bench/app-startup.sh} (README, Performance), which also runs the same steps on the code before
 * issue 15 for a before/after pair measured in one run.
 *
 * <p>Arguments: PHOTO MODELS_DIR [BUNDLE [SOURCE]]; when PHOTO does not exist it is made from
 * SOURCE (resized with MATLAB bicubic to 1500 rows, cropped to 2000x1500).
 */
public final class StartupBenchmark {

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path photo = Path.of(args[0]);
    Path models = Path.of(args[1]);
    String bundleName = args.length > 2 ? args[2] : "wbsr-x2";
    if (!Files.exists(photo)) {
      makePhoto(Path.of(args[3]), photo);
    }
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    AtomicReference<StudioModel> ref = new AtomicReference<>();
    long t0 =
        onFx(
            () -> {
              StudioModel m =
                  new StudioModel(
                      StudioCore.onnx(PipelineOptions.interactive(), List.of()),
                      new Settings(MemoryPreferences.root()));
              m.setErrorSink(e -> System.err.println("error: " + e));
              m.discoverBundles(List.of(models));
              ModelBundle b =
                  m.routingState().bundles().stream()
                      .filter(x -> x.name().equals(bundleName))
                      .findFirst()
                      .orElseThrow();
              m.routingState().bundleProperty().set(b);
              ref.set(m);
              long t = System.nanoTime();
              m.open(photo);
              return t;
            });
    StudioModel m = ref.get();
    double shown = Double.NaN;
    while (true) {
      Thread.sleep(50);
      boolean complete = onFx(() -> m.isComplete(Variant.WBSR));
      boolean idle = onFx(() -> m.isIdle() && m.source().documentProperty().get() != null);
      double now = (System.nanoTime() - t0) / 1e9;
      if (complete && Double.isNaN(shown)) {
        shown = now;
      }
      if (complete && idle) {
        System.out.printf(
            "after: %s %dx%d WBSR shown %.1f s, Ready %.1f s (%s)%n",
            photo.getFileName(),
            onFx(() -> m.source().documentProperty().get().lr().width()),
            onFx(() -> m.source().documentProperty().get().lr().height()),
            shown,
            now,
            onFx(() -> m.readoutState().readoutsProperty().get().qualityText()));
        break;
      }
    }
    onFx(
        () -> {
          m.shutdown();
          return null;
        });
    Platform.exit();
    System.exit(0);
  }

  static void makePhoto(Path source, Path photo) throws Exception {
    RgbImage src = new ImageLoader().load(source).rgb();
    int w = (int) Math.round(src.width() * 1500.0 / src.height());
    RgbImage big = Bicubic.resize(src, w, 1500);
    RgbImage out = RgbImage.allocate(2000, 1500);
    int x0 = Math.max(0, (w - 2000) / 2);
    for (int y = 0; y < 1500; y++) {
      System.arraycopy(big.rgb(), (y * w + x0) * 3, out.rgb(), y * 2000 * 3, Math.min(2000, w) * 3);
    }
    ImageSaver.save(out, photo, SaveOptions.defaults());
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(c.call());
          } catch (Exception e) {
            f.completeExceptionally(e);
          }
        });
    return f.get();
  }
}
