package dev.wbsr.ui.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Daemon executors whose uncaught exceptions are logged, not lost (cryptomator's habit). */
public final class Executors2 {

  private static final Logger LOG = Logger.getLogger("dev.wbsr.ui");

  private Executors2() {}

  public static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          // a roomy stack: ONNX Runtime's native start-up overflows 1 MB when the class path is
          // long
          Thread t = new Thread(null, r, name, 16L << 20);
          t.setDaemon(true);
          t.setUncaughtExceptionHandler(
              (th, e) -> LOG.log(Level.WARNING, "uncaught in " + name, e));
          return t;
        });
  }
}
