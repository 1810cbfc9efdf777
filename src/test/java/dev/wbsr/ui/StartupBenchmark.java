package dev.wbsr.ui;

import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.ui.fake.MemoryPreferences;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.value.WritableValue;

/**
 * Not a test: the app's time to "WBSR shown" (the routing mode's image complete) and to "Ready"
 * (nothing running or queued) for one photo, on the real core and bundle, headless. Run by {@code
 * bench/app-startup.sh} (README, Performance), which also compiles this same file against an older
 * checkout (the code before issue 15) for a before/after pair measured in one run: it uses only
 * what both trees offer, and the two calls that differ go through {@link #newModel} and {@link
 * #chooseBundle}.
 *
 * <p>Arguments: PHOTO MODELS_DIR [BUNDLE [SOURCE]]; when PHOTO does not exist it is made from
 * SOURCE (resized with MATLAB bicubic to 1500 rows, cropped to 2000x1500). The line printed starts
 * with the system property {@code wbsr.bench.label} (default "after").
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
              StudioModel m = newModel(new Settings(MemoryPreferences.root()));
              m.setErrorSink(e -> System.err.println("error: " + e));
              m.discoverBundles(List.of(models));
              var b =
                  m.routingState().bundles().stream()
                      .filter(x -> x.name().equals(bundleName))
                      .findFirst()
                      .orElseThrow();
              chooseBundle(m.routingState(), b);
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
            "%s: %s %dx%d WBSR shown %.1f s, Ready %.1f s (%s)%n",
            System.getProperty("wbsr.bench.label", "after"),
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

  /**
   * The app's model over the ONNX core: {@code StudioCore.onnx} today, {@code
   * CoreAdapters.services()} before issue 13 gave the UI the core's own types.
   */
  private static StudioModel newModel(Settings settings) throws ReflectiveOperationException {
    Object core;
    try {
      Class<?> options = Class.forName("dev.wbsr.pipeline.PipelineOptions");
      core =
          Class.forName("dev.wbsr.ui.model.StudioCore")
              .getMethod("onnx", options, List.class)
              .invoke(null, options.getMethod("interactive").invoke(null), List.of());
    } catch (ClassNotFoundException e) {
      core = Class.forName("dev.wbsr.ui.core.CoreAdapters").getMethod("services").invoke(null);
    }
    for (Constructor<?> c : StudioModel.class.getConstructors()) {
      Class<?>[] p = c.getParameterTypes();
      if (p.length == 2 && p[0].isInstance(core) && p[1] == Settings.class) {
        return (StudioModel) c.newInstance(core, settings);
      }
    }
    throw new NoSuchMethodException("StudioModel(core, Settings)");
  }

  /**
   * Routes with {@code bundle}: {@code RoutingState.setBundle} today, a writable {@code
   * bundleProperty()} before the view-models became read-only outward.
   */
  @SuppressWarnings("unchecked")
  private static void chooseBundle(Object routing, Object bundle)
      throws ReflectiveOperationException {
    for (Method m : routing.getClass().getMethods()) {
      if (m.getName().equals("setBundle") && m.getParameterCount() == 1) {
        m.invoke(routing, bundle);
        return;
      }
    }
    ((WritableValue<Object>) routing.getClass().getMethod("bundleProperty").invoke(routing))
        .setValue(bundle);
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
