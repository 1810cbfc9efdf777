package dev.wbsr.ui;

import dev.wbsr.ui.fake.FakeCore;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Starts the real window on test doubles (no model bundles needed) and, with {@code -Dshot=FILE},
 * writes a snapshot of it after {@code -Dshot.delay} ms and exits. For layout work under Xvfb.
 */
public final class DevLauncher {

  public static void main(String[] args) {
    StudioApp.setCoreFactory(FakeCore::create);
    String shot = System.getProperty("shot");
    if (shot != null) {
      new Thread(
              () -> {
                try {
                  Thread.sleep(Long.getLong("shot.delay", 4000));
                  Platform.runLater(
                      () -> {
                        try {
                          for (Window w : Window.getWindows()) {
                            if (w instanceof Stage s && s.getOwner() == null) {
                              Scene sc = s.getScene();
                              ImageIO.write(
                                  SwingFXUtils.fromFXImage(sc.snapshot(null), null),
                                  "png",
                                  Path.of(shot).toFile());
                            }
                          }
                        } catch (Exception e) {
                          e.printStackTrace();
                        }
                        Platform.exit();
                        System.exit(0);
                      });
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              })
          .start();
    }
    StudioLauncher.main(args);
  }
}
