package dev.wbsr.ui;

import dev.wbsr.ui.model.StudioCore;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Entry point of the desktop app. Sets DJL's offline switches before anything can load DJL, then
 * launches JavaFX (a plain class, so the jar can start JavaFX from the class path).
 */
public final class StudioLauncher {

  /**
   * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"
   * (logger {@code javafx}) on every start from the class path (the jar, the packaged app): noise
   * for users. Only that record is dropped; held here so the filter sticks.
   */
  private static final Logger FX_LOG = Logger.getLogger("javafx");

  private StudioLauncher() {}

  /**
   * {@code FILE...} (optionally after {@code --}): the first opens, the others go to Open Recent.
   */
  public static void main(String[] args) {
    int rc = launch(LaunchPlan.files(List.of(args)));
    if (rc != 0) {
      System.exit(rc);
    }
  }

  /**
   * Runs the app until its window closes and returns 0; when JavaFX cannot start (no usable
   * display, missing natives) or the app's start fails, prints one line to stderr and returns 1.
   */
  public static int launch(List<Path> files) {
    offline();
    HeapGiveBack.apply();
    FX_LOG.setFilter(
        r ->
            r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    if (StudioApp.coreFactory() == null) {
      StudioApp.setCoreFactory(StudioCore::onnx);
    }
    String[] raw = files.stream().map(Path::toString).toArray(String[]::new);
    try {
      Application.launch(StudioApp.class, raw);
      return 0;
    } catch (RuntimeException | LinkageError e) {
      System.err.println(LaunchPlan.failureMessage(e));
      return 1;
    }
  }

  /** DJL must never touch the network: offline mode, no usage tracking. */
  public static void offline() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
  }
}
