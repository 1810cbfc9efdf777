package dev.wbsr.ui;

import dev.wbsr.ui.batch.BatchDialog;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.model.OverlayKind;
import dev.wbsr.ui.model.StudioModel;
import dev.wbsr.ui.model.Variant;
import dev.wbsr.ui.model.WorkMode;
import dev.wbsr.ui.viewer.CompareMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Takes the README screenshots of the real app: run under Xvfb with {@code -Dtour.out=DIR} ({@code
 * -Dtour.fake=true} uses the test doubles, for layout work without bundles; {@code -Dtour.only=x4}
 * takes only the x4 shots).
 */
public final class ScreenshotTour {

  static Path out;

  public static void main(String[] args) throws Exception {
    out = Path.of(System.getProperty("tour.out", "docs/screenshots"));
    Files.createDirectories(out);
    if (Boolean.getBoolean("tour.fake")) {
      StudioApp.setCoreFactory(FakeCore::create);
    }
    StudioApp.setOnStarted((stage, model) -> new Thread(() -> run(stage, model), "tour").start());
    StudioLauncher.main(args);
  }

  static void run(Stage stage, StudioModel m) {
    try {
      // explicit: the app reopens the bundle it had last, which is wbsr-x4 after a full tour
      String want = System.getProperty("tour.bundle", "wbsr-x2");
      if (!"x4".equals(System.getProperty("tour.only"))) {
        fx(
            () -> {
              m.routingState().bundles().stream()
                  .filter(b -> b.name().equals(want))
                  .findFirst()
                  .ifPresent(b -> m.routingState().setBundle(b));
              return null;
            });
      }
      if ("x4".equals(System.getProperty("tour.only"))) {
        fx(
            () -> {
              stage.setWidth(Double.parseDouble(System.getProperty("tour.w", "1280")));
              stage.setHeight(Double.parseDouble(System.getProperty("tour.h", "800")));
              m.setDark(false);
              m.overlay().setOpacity(0.45);
              return null;
            });
        x4(stage, m);
        return;
      }
      fx(
          () -> {
            stage.setWidth(Double.parseDouble(System.getProperty("tour.w", "1280")));
            stage.setHeight(Double.parseDouble(System.getProperty("tour.h", "800")));
            m.source().setWorkMode(WorkMode.UPSCALE);
            m.overlay().setKind(OverlayKind.CLASS);
            m.compare().setMode(CompareMode.SINGLE);
            m.routingState().setBudget(0); // remembered from the last run otherwise
            m.setDark(false);
            m.overlay().setOpacity(0.45);
            return null;
          });
      idle(m);
      shot(stage.getScene(), "app-heatmap.png");
      if (Boolean.getBoolean("tour.first")) {
        return;
      }
      fx(
          () -> {
            m.overlay().setKind(OverlayKind.SUBNET);
            m.routingState().setBudget(0.5);
            return null;
          });
      idle(m);
      shot(stage.getScene(), "app-subnet-budget.png");
      splitAgainstBicubic(m);
      zoom(stage, m, 3);
      shot(stage.getScene(), "compare-split.png");
      fx(
          () -> {
            var v = (dev.wbsr.ui.viewer.CompareView) stage.getScene().lookup("#compareView");
            v.lensProperty().set(true);
            var b = v.localToScene(v.getLayoutBounds());
            v.moveLens(b.getMinX() + b.getWidth() * 0.42, b.getMinY() + b.getHeight() * 0.6);
            return null;
          });
      Thread.sleep(500);
      shot(stage.getScene(), "compare-lens.png");
      fx(
          () -> {
            ((dev.wbsr.ui.viewer.CompareView) stage.getScene().lookup("#compareView"))
                .lensProperty()
                .set(false);
            return null;
          });
      fx(
          () -> {
            m.compare().setMode(CompareMode.SIDE_BY_SIDE);
            m.source().setWorkMode(WorkMode.EVALUATE);
            m.compare().setRightVariant(Variant.GROUND_TRUTH);
            m.setDark(true);
            m.readoutState().setSweepWanted(true);
            return null;
          });
      idle(m);
      zoom(stage, m, 2.5);
      shot(stage.getScene(), "compare-side-by-side-dark.png");
      fx(
          () -> {
            m.readoutState().setSweepWanted(false);
            m.setDark(false);
            m.compare().setMode(CompareMode.SINGLE);
            m.source().setWorkMode(WorkMode.UPSCALE);
            m.overlay().setKind(OverlayKind.CLASS);
            return null;
          });
      idle(m);
      Path in = AppPaths.asset("samples/coffee.png").orElseThrow().getParent();
      Path bout = Files.createTempDirectory("wbsr-batch-shot");
      BatchDialog d = fx(() -> BatchDialog.show(stage, m));
      fx(
          () -> {
            Scene s = d.stage().getScene();
            ((TextField) s.lookup("#batchInput")).setText(in.toString());
            ((TextField) s.lookup("#batchOutput")).setText(bout.toString());
            @SuppressWarnings("unchecked")
            var format = (javafx.scene.control.ComboBox<String>) s.lookup("#batchFormat");
            format.setValue("webp"); // shows the quality setting
            ((Button) s.lookup("#batchStart")).fire();
            return null;
          });
      for (int i = 0; i < 600; i++) {
        String st =
            fx(
                () ->
                    ((javafx.scene.control.Label) d.stage().getScene().lookup("#batchStatus"))
                        .getText());
        if (st.contains("written")) {
          break;
        }
        Thread.sleep(200);
      }
      shot(d.stage().getScene(), "batch-dialog.png");
      fx(
          () -> {
            d.stage().close();
            return null;
          });
      x4(stage, m);
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      Platform.runLater(
          () -> {
            for (Window w : Window.getWindows().toArray(new Window[0])) {
              w.hide();
            }
            Platform.exit();
            System.exit(0);
          });
    }
  }

  /**
   * The x4 shots, when a {@code wbsr-x4} bundle is there: the subnet map at 1:1 with the budget at
   * 60 % and the hover card over a patch of the spoon, then the split view WBSR vs bicubic.
   */
  static void x4(Stage stage, StudioModel m) throws Exception {
    boolean there =
        fx(
            () -> {
              var b =
                  m.routingState().bundles().stream()
                      .filter(x -> x.name().equals("wbsr-x4"))
                      .findFirst();
              b.ifPresent(x -> m.routingState().setBundle(x));
              return b.isPresent();
            });
    if (!there) {
      System.out.println("no wbsr-x4 bundle: x4 shots skipped");
      return;
    }
    fx(
        () -> {
          m.source().setWorkMode(WorkMode.UPSCALE);
          m.compare().setMode(CompareMode.SINGLE);
          m.overlay().setKind(OverlayKind.SUBNET);
          m.routingState().setBudget(0.6);
          return null;
        });
    idle(m);
    zoom(stage, m, 1);
    fx(
        () -> {
          var v = (dev.wbsr.ui.viewer.CompareView) stage.getScene().lookup("#compareView");
          var vp = v.mainViewport();
          // the middle of the patch at (12, 7), left of the spoon's bowl (zoom 1: 128 px a patch at
          // x4)
          var d = m.source().documentProperty().get();
          vp.showHover(
              vp.getWidth() / 2 + 12.5 * 128 - d.outWidth() * 0.72,
              vp.getHeight() / 2 + 7.5 * 128 - d.outHeight() * 0.66);
          return null;
        });
    Thread.sleep(300);
    shot(stage.getScene(), "x4-subnet-map-hover.png");
    splitAgainstBicubic(m);
    zoom(stage, m, 1.5);
    shot(stage.getScene(), "x4-compare-split.png");
  }

  /** Split view, WBSR at the paper rule (budget 0) against bicubic, no overlay. */
  static void splitAgainstBicubic(StudioModel m) throws Exception {
    fx(
        () -> {
          m.overlay().setKind(OverlayKind.OFF);
          m.compare().setMode(CompareMode.SPLIT);
          m.compare().setRightVariant(Variant.BICUBIC);
          m.routingState().setBudget(0);
          return null;
        });
    idle(m);
  }

  /** Zooms onto the spoon of the coffee sample (relative position, any scale). */
  static void zoom(Stage stage, StudioModel m, double z) throws Exception {
    fx(
        () -> {
          var v = (dev.wbsr.ui.viewer.CompareView) stage.getScene().lookup("#compareView");
          var d = m.source().documentProperty().get();
          v.transform().setZoom(z);
          v.transform().centerXProperty().set(d.outWidth() * 0.72);
          v.transform().centerYProperty().set(d.outHeight() * 0.66);
          return null;
        });
    Thread.sleep(700);
  }

  static void idle(StudioModel m) throws Exception {
    Thread.sleep(400);
    for (int i = 0; i < 1200 && !fx(m::isIdle); i++) {
      Thread.sleep(100);
    }
    Thread.sleep(600);
  }

  static <T> T fx(Callable<T> c) throws Exception {
    java.util.concurrent.FutureTask<T> t = new java.util.concurrent.FutureTask<>(c);
    Platform.runLater(t);
    return t.get();
  }

  static void shot(Scene scene, String name) throws Exception {
    var img = fx(() -> scene.snapshot(null));
    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve(name).toFile());
    System.out.println("wrote " + out.resolve(name));
  }
}
