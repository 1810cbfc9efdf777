package dev.wbsr.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Nothing in this project may open a network connection. DJL needs offline model loading and no
 * usage tracking; ONNX Runtime's Linux build sends usage telemetry unless the environment variable
 * {@code ORT_DISABLE_TELEMETRY} is set before its native library loads ({@code
 * OrtEnvironment.setTelemetry(false)} afterwards does not stop it). Called by {@code Main} first
 * thing and by {@link OnnxEngine} before it touches DJL, so the app, the CLI and the tests are
 * covered even without command-line flags or a launcher script.
 */
public final class Offline {

  static final String ORT_TELEMETRY_VARIABLE = "ORT_DISABLE_TELEMETRY";

  private Offline() {}

  public static synchronized void ensure() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    setProcessEnvironment(ORT_TELEMETRY_VARIABLE, "1");
  }

  /** The variable as the C runtime sees it (Java's own view of the environment is a snapshot). */
  static String processEnvironment(String name) {
    return Platform.isWindows() ? MsvcRt.INSTANCE.getenv(name) : LibC.INSTANCE.getenv(name);
  }

  private static void setProcessEnvironment(String name, String value) {
    if (value.equals(processEnvironment(name))) {
      return;
    }
    int rc =
        Platform.isWindows()
            ? MsvcRt.INSTANCE._putenv(name + "=" + value)
            : LibC.INSTANCE.setenv(name, value, 1);
    if (rc != 0) {
      throw new IllegalStateException(
          "could not set " + name + " for ONNX Runtime (rc " + rc + ")");
    }
  }

  private interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int setenv(String name, String value, int overwrite);

    String getenv(String name);
  }

  private interface MsvcRt extends Library {
    MsvcRt INSTANCE = Native.load("msvcrt", MsvcRt.class);

    int _putenv(String assignment);

    String getenv(String name);
  }
}
