package dev.wbsr.ui;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.fake.MemoryPreferences;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.model.StudioCore;
import dev.wbsr.ui.model.StudioModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for tests that need the FX toolkit (headless Monocle in surefire). */
public final class FxTestSupport {

  private FxTestSupport() {}

  public static void initToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  public static <T> T onFx(Callable<T> c) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
  }

  public static void onFx(Runnable r) {
    WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(r));
  }

  /**
   * Empty settings kept in memory under {@code node} (never the user's real preferences), but for
   * the bundle: {@link #DEFAULT_FIXTURE}. The app starts on the first x2 WBSR bundle by name, and
   * {@code tiny-v2-x2} sorts before {@code tiny-x2}; naming it keeps a new fixture from moving
   * every view test onto another bundle. Tests of another shape pick it ({@link #selectBundle}).
   */
  public static Settings freshSettings(String node) {
    Settings s = new Settings(MemoryPreferences.root().node(node));
    s.clear();
    s.put("bundle", DEFAULT_FIXTURE);
    return s;
  }

  /** The bundle view tests start on. */
  public static final String DEFAULT_FIXTURE = "tiny-x2";

  /** Selects the discovered bundle named {@code name} (on the FX thread); fails if absent. */
  public static void selectBundle(StudioModel model, String name) {
    onFx(
        () ->
            model
                .routingState()
                .setBundle(
                    model.routingState().bundles().stream()
                        .filter(b -> b.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no bundle " + name))));
  }

  /**
   * The whole app as it starts ({@link StudioApp#create}) on {@code stage}, over the fake engines,
   * with fresh settings under {@code node} and no bundle folders but the test bundles; shown. Call
   * from a TestFX {@code @Start} method; shut the model down after each test.
   */
  public static StudioModel showApp(Stage stage, String node, FakeCore.Engines engines) {
    return showApp(stage, node, FakeCore.create(engines));
  }

  /**
   * The same over a core of the test's own (e.g. {@link FakeCore#create(FakeCore.Engines,
   * dev.wbsr.timing.SubnetTimesCache)} with a temporary time cache).
   */
  public static StudioModel showApp(Stage stage, String node, StudioCore core) {
    StudioModel model = StudioApp.create(stage, core, freshSettings(node));
    model.discoverBundles(List.of());
    stage.show();
    return model;
  }

  /** Writes the 256x160 {@link #testImage} to {@code dir/photo.png}, opens it, waits until idle. */
  public static Path openPhoto(StudioModel model, Path dir) throws Exception {
    return open(model, testImage(256, 160), dir.resolve("photo.png"), 20);
  }

  /** Writes {@code img} to {@code png}, opens it and waits up to {@code seconds} until idle. */
  public static Path open(StudioModel model, RgbImage img, Path png, long seconds)
      throws Exception {
    writePng(img, png);
    onFx(() -> model.open(png));
    awaitIdle(model, seconds);
    return png;
  }

  /** Waits until the model has nothing running or queued (checked on the FX thread). */
  public static void awaitIdle(StudioModel m, long seconds) throws TimeoutException {
    WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(m::isIdle));
    WaitForAsyncUtils.waitForFxEvents();
  }

  public static void await(long seconds, Callable<Boolean> c) throws TimeoutException {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(c));
  }

  /** A synthetic photo-like test image: smooth gradient left, fine stripes right. */
  public static RgbImage testImage(int w, int h) {
    RgbImage img = RgbImage.allocate(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        int v = x < w / 2 ? (x * 255 / w) : ((x / 2 + y / 3) % 2 == 0 ? 230 : 30);
        img.rgb()[i] = (byte) v;
        img.rgb()[i + 1] = (byte) (y * 255 / h);
        img.rgb()[i + 2] = (byte) (255 - v);
      }
    }
    return img;
  }

  /**
   * Dark, mid and bright vertical thirds with a little texture (the fake classifier picks by
   * brightness).
   */
  public static RgbImage thirdsImage(int w, int h) {
    RgbImage img = RgbImage.allocate(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = (x < w / 3 ? 20 : x < 2 * w / 3 ? 128 : 235) + (x * 7 + y * 3) % 9;
        for (int c = 0; c < 3; c++) {
          img.rgb()[(y * w + x) * 3 + c] = (byte) v;
        }
      }
    }
    return img;
  }

  public static Path writePng(RgbImage img, Path file) throws Exception {
    javax.imageio.ImageIO.write(FakeCore.toAwt(img), "png", file.toFile());
    return file;
  }
}
