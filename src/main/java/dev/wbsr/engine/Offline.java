package dev.wbsr.engine;

/**
 * DJL must never open a network connection: offline model loading and no usage tracking. Called by
 * {@code Main} first thing and by {@link OnnxEngine} before it touches DJL, so the app, the CLI and
 * the tests are covered even without the command-line flags.
 */
public final class Offline {

  private Offline() {}

  public static void ensure() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
  }
}
