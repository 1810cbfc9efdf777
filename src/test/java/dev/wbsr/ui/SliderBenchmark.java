package dev.wbsr.ui;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.ui.fake.MemoryPreferences;
import dev.wbsr.ui.model.Document;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioCore;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;

/**
 * Not a test: the time from a budget move to the part of the image on screen being updated, and to
 * the whole image, on the real core and bundle, headless (issue 15; run by {@code
 * bench/app-slider.sh}, README, Performance). The screen is a 1280x800 viewport at 100 % zoom on
 * the image's centre. "before" never tells the model what is on screen, so the render goes in
 * planned order as it did before the change (same batches, same order); "after" does, as the window
 * does. Each measurement opens the photo afresh (empty patch cache), waits until it is Ready at the
 * paper rule, then moves the budget to {@code TO}; before and after alternate.
 *
 * <p>Arguments: PHOTO MODELS_DIR [BUNDLE [SOURCE [TO [PAIRS]]]]; PHOTO is made from SOURCE as in
 * {@link StartupBenchmark} when missing.
 */
public final class SliderBenchmark {

  private SliderBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path photo = Path.of(args[0]);
    Path models = Path.of(args[1]);
    String bundleName = args.length > 2 ? args[2] : "wbsr-x2";
    if (!Files.exists(photo)) {
      StartupBenchmark.makePhoto(Path.of(args[3]), photo);
    }
    double to = args.length > 4 ? Double.parseDouble(args[4]) : 0.8;
    int pairs = args.length > 5 ? Integer.parseInt(args[5]) : 2;
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    StudioCore core = StudioCore.onnx(PipelineOptions.interactive(), List.of());
    StudioModel m =
        onFx(
            () -> {
              StudioModel model = new StudioModel(core, new Settings(MemoryPreferences.root()));
              model.setErrorSink(e -> System.err.println("error: " + e));
              model.discoverBundles(List.of(models));
              ModelBundle b =
                  model.routingState().bundles().stream()
                      .filter(x -> x.name().equals(bundleName))
                      .findFirst()
                      .orElseThrow();
              model.routingState().setBundle(b);
              return model;
            });
    System.out.printf(
        Locale.ROOT,
        "photo %s, bundle %s, budget paper rule -> %.2f, screen 1280x800 at 100%% zoom;"
            + " %d cores, load %s%n",
        photo.getFileName(),
        bundleName,
        to,
        Runtime.getRuntime().availableProcessors(),
        load());
    for (int i = 0; i < pairs; i++) {
      measure(m, photo, to, false);
      measure(m, photo, to, true);
    }
    System.out.printf(Locale.ROOT, "load at end %s%n", load());
    onFx(
        () -> {
          m.shutdown();
          return null;
        });
    Platform.exit();
    System.exit(0);
  }

  private static void measure(StudioModel m, Path photo, double to, boolean focus)
      throws Exception {
    Document was = onFx(() -> m.source().documentProperty().get());
    onFx(
        () -> {
          m.showRegion(null);
          m.routingState().setBudget(0);
          m.open(photo);
          return null;
        });
    Document d;
    do {
      awaitReady(m);
      d = onFx(() -> m.source().documentProperty().get());
    } while (d == was);
    Rectangle2D screen =
        new Rectangle2D(d.outWidth() / 2.0 - 640, d.outHeight() / 2.0 - 400, 1280, 800);
    int[] visible = patchesIn(d, screen);
    long t0 =
        onFx(
            () -> {
              if (focus) {
                m.showRegion(screen);
              }
              long t = System.nanoTime();
              m.routingState().setBudget(to);
              return t;
            });
    Assignment target = onFx(() -> m.routingState().routingProperty().get());
    int changed = 0;
    for (int p = 0; p < target.size(); p++) {
      changed += d.session().renderedSubnets()[p] == target.subnetOf(p) ? 0 : 1;
    }
    double shown = Double.NaN;
    while (true) {
      Thread.sleep(10);
      double now = (System.nanoTime() - t0) / 1e9;
      if (Double.isNaN(shown) && updated(d, target, visible)) {
        shown = now;
      }
      if (!Double.isNaN(shown) && onFx(() -> m.isIdle() && m.isComplete(Variant.WBSR))) {
        System.out.printf(
            Locale.ROOT,
            "%-6s %d of %d patches change, %d on screen: screen updated %.2f s, whole image %.2f s%n",
            focus ? "after:" : "before:",
            changed,
            target.size(),
            visible.length,
            shown,
            now);
        return;
      }
    }
  }

  private static int[] patchesIn(Document d, Rectangle2D r) {
    return java.util.stream.IntStream.range(0, d.analysis().grid().size())
        .filter(
            p -> {
              var patch = d.analysis().grid().patch(p);
              int s = d.scale();
              return r.intersects(
                  patch.x() * s, patch.y() * s, patch.w() * (double) s, patch.h() * (double) s);
            })
        .toArray();
  }

  private static boolean updated(Document d, Assignment target, int[] visible) {
    int[] shown = d.session().renderedSubnets();
    for (int p : visible) {
      if (shown[p] != target.subnetOf(p)) {
        return false;
      }
    }
    return true;
  }

  private static void awaitReady(StudioModel m) throws Exception {
    while (true) {
      Thread.sleep(50);
      if (onFx(() -> m.isIdle() && m.isComplete(Variant.WBSR))) {
        return;
      }
    }
  }

  private static String load() throws Exception {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
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
