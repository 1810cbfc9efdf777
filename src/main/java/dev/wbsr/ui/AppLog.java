package dev.wbsr.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The app's log: every error and warning the user sees (and the core's warnings) goes to stderr and
 * to rotating files {@code logs/wbsr-studio-N.log} in the data folder ({@link AppPaths#dataDir()}),
 * 1 MB each, 5 kept, so a bug report can include them. Installed once at start-up; a log folder
 * that cannot be written leaves stderr only.
 */
public final class AppLog {

  static final int LIMIT_BYTES = 1_000_000;
  static final int COUNT = 5;
  private static final Logger ROOT = Logger.getLogger("dev.wbsr");
  private static FileHandler file;

  private AppLog() {}

  /** Where the current log file lives (shown in About), e.g. {@code ~/.local/share/wbsr/logs}. */
  public static Path folder(Path dataDir) {
    return dataDir.resolve("logs");
  }

  /**
   * Installs the handlers (again: replaces the file handler, e.g. in tests with another folder).
   */
  public static synchronized Path install(Path dataDir) {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    close();
    Path dir = folder(dataDir);
    ROOT.setLevel(Level.INFO);
    ROOT.setUseParentHandlers(false);
    boolean hasConsole = false;
    for (Handler h : ROOT.getHandlers()) {
      hasConsole |= h instanceof ConsoleHandler;
    }
    if (!hasConsole) {
      ConsoleHandler console = new ConsoleHandler(); // stderr
      console.setLevel(Level.WARNING);
      ROOT.addHandler(console);
    }
    try {
      Files.createDirectories(dir);
      file =
          new FileHandler(dir.resolve("wbsr-studio-%g.log").toString(), LIMIT_BYTES, COUNT, true);
      file.setFormatter(new SimpleFormatter());
      file.setLevel(Level.INFO);
      ROOT.addHandler(file);
    } catch (IOException | SecurityException e) {
      ROOT.warning("cannot write the log folder " + dir + ": " + e.getMessage());
    }
    return dir;
  }

  /** Closes the log file (at exit; tests). */
  public static synchronized void close() {
    if (file != null) {
      ROOT.removeHandler(file);
      file.close();
      file = null;
    }
  }
}
