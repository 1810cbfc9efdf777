package dev.wbsr.ui;

import javafx.application.Application;

/**
 * Entry point of the desktop app. Sets DJL's offline switches before anything can load DJL, then
 * launches JavaFX (a plain class, so the jar can start JavaFX from the class path).
 */
public final class StudioLauncher {

  private StudioLauncher() {}

  public static void main(String[] args) {
    offline();
    if (StudioApp.servicesFactory() == null) {
      StudioApp.setServicesFactory(CoreServices::create);
    }
    Application.launch(StudioApp.class, args);
  }

  /** DJL must never touch the network: offline mode, no usage tracking. */
  public static void offline() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
  }
}
