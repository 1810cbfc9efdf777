package dev.wbsr.ui;

import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.ui.fake.MemoryPreferences;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioCore;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Not a test: starts the real app (window, real core, the bundles under {@code models/}) on one
 * photo and prints {@code READY seconds} once the routing mode's image is complete and nothing runs
 * (or {@code FAILED seconds} when the app goes idle without it); with {@code -Dbench.measure=true}
 * it then runs "Measure Quality" and prints {@code MEASURED seconds}, then the CPU time, GCs and
 * (with {@code -Dbench.count=true}) inference calls of its two steps ({@code PHASE supernet},
 * {@code PHASE quality}: the wall clock is noise on a loaded machine, CPU time and work are not);
 * {@code -Dbench.jfr=FILE} records the Measure phase with JFR's profile settings. It keeps running
 * so that {@code bench/app-memory.sh} can read the process's memory (jcmd, /proc) before it ends
 * it. Settings live in memory: the user's real preferences are never touched.
 *
 * <p>Arguments: {@code PHOTO} (run the app), or {@code make SOURCE PHOTO WIDTH HEIGHT} (write a
 * WIDTHxHEIGHT photo: SOURCE resized with MATLAB bicubic to HEIGHT rows, centre-cropped; run in its
 * own JVM so that making the photo does not count in the app's memory).
 */
public final class AppMemoryBenchmark {

  private AppMemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("make")) {
      makePhoto(
          Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      return;
    }
    System.out.println("PID " + ProcessHandle.current().pid());
    if (Boolean.getBoolean("bench.count")) {
      // the app's engine, wrapped to count the inference calls of each phase (no bundle probe)
      StudioApp.setCoreFactory(
          () ->
              new StudioCore(
                  (b, d) -> new CountingEngine(OnnxEngine.open(b, EngineOptions.defaults(d))),
                  PipelineOptions.interactive(),
                  BundleLocator.defaultRoots()));
    }
    StudioApp.setSettingsFactory(() -> new Settings(MemoryPreferences.root()));
    long t0 = System.nanoTime();
    StudioApp.setOnStarted(
        (stage, model) -> {
          Thread w = new Thread(() -> watch(model, t0), "memory-bench-watch");
          w.setDaemon(true);
          w.start();
        });
    StudioLauncher.main(new String[] {args[0]});
  }

  /** Polls the model from outside the FX thread, as the benchmark for time to Ready does. */
  private static void watch(StudioModel m, long t0) {
    try {
      long idleSince = 0;
      while (true) {
        Thread.sleep(200);
        boolean complete = onFx(() -> m.isComplete(Variant.WBSR));
        boolean idle = onFx(() -> m.isIdle() && m.source().documentProperty().get() != null);
        double now = (System.nanoTime() - t0) / 1e9;
        if (complete && idle) {
          System.out.printf(
              "READY %.1f %s%n",
              now,
              onFx(
                  () -> {
                    var d = m.source().documentProperty().get();
                    return d.lr().width()
                        + "x"
                        + d.lr().height()
                        + " "
                        + m.readoutState().readoutsProperty().get().qualityText();
                  }));
          if (Boolean.getBoolean("bench.measure")) {
            measure(m, t0);
          }
          return;
        }
        // idle with the document open but no result: the upscale failed (the app said why)
        idleSince = idle ? (idleSince == 0 ? System.nanoTime() : idleSince) : 0;
        if (idleSince != 0 && System.nanoTime() - idleSince > 10_000_000_000L) {
          System.out.printf("FAILED %.1f%n", now);
          return;
        }
      }
    } catch (Exception e) {
      System.out.println("FAILED " + e);
    }
  }

  /**
   * Then "Measure Quality" (the supernet over the whole image, the heaviest step the app offers).
   */
  private static void measure(StudioModel m, long t0) throws Exception {
    PhaseMeter.Snapshot start = PhaseMeter.snapshot();
    PhaseMeter.Snapshot rendered = null;
    Recording jfr = null;
    if (!System.getProperty("bench.jfr", "").isEmpty()) {
      jfr = new Recording(Configuration.getConfiguration("profile"));
      jfr.start();
    }
    onFx(
        () -> {
          m.measureQuality();
          return null;
        });
    long idleSince = 0;
    while (true) {
      Thread.sleep(200);
      boolean idle = onFx(m::isIdle);
      boolean supernet = onFx(() -> m.isComplete(Variant.SUPERNET));
      boolean done = supernet && idle;
      if (supernet && rendered == null) {
        rendered = PhaseMeter.snapshot();
      }
      idleSince = idle ? (idleSince == 0 ? System.nanoTime() : idleSince) : 0;
      if (!done && idleSince != 0 && System.nanoTime() - idleSince > 10_000_000_000L) {
        System.out.printf("FAILED %.1f (measure quality)%n", (System.nanoTime() - t0) / 1e9);
        return;
      }
      if (done) {
        System.out.printf(
            "MEASURED %.1f %s%n",
            (System.nanoTime() - t0) / 1e9,
            onFx(() -> m.readoutState().readoutsProperty().get().qualityText()));
        PhaseMeter.Snapshot end = PhaseMeter.snapshot();
        if (jfr != null) {
          jfr.stop();
          jfr.dump(Path.of(System.getProperty("bench.jfr")));
        }
        System.out.println(PhaseMeter.report("supernet", start, rendered, false));
        System.out.println(PhaseMeter.report("quality", rendered, end, false));
        System.out.println(PhaseMeter.report("measure", start, end, true));
        return;
      }
    }
  }

  static void makePhoto(Path source, Path photo, int width, int height) throws Exception {
    RgbImage src = new ImageLoader().load(source).rgb();
    int w = (int) Math.round(src.width() * (double) height / src.height());
    if (w < width) {
      throw new IllegalArgumentException("source too narrow for " + width + "x" + height);
    }
    RgbImage big = Bicubic.resize(src, w, height);
    RgbImage out = RgbImage.allocate(width, height);
    int x0 = (w - width) / 2;
    for (int y = 0; y < height; y++) {
      System.arraycopy(big.rgb(), (y * w + x0) * 3, out.rgb(), y * width * 3, width * 3);
    }
    ImageSaver.save(out, photo, SaveOptions.defaults());
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
