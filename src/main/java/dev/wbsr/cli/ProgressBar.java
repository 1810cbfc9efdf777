package dev.wbsr.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar with ETA on stderr, drawn only on a terminal and at most ten times a
 * second. Thread-safe.
 */
final class ProgressBar {

  private final PrintStream out;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int lastWidth;

  ProgressBar(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  static ProgressBar forTerminal() {
    return new ProgressBar(System.err, System.console() != null);
  }

  /**
   * @param fraction overall progress in [0, 1]
   */
  synchronized void update(double fraction, String label) {
    long now = System.nanoTime();
    if (!enabled || now - lastDraw < 100_000_000L && fraction < 1) {
      return;
    }
    lastDraw = now;
    double elapsed = (now - start) / 1e9;
    double eta = fraction >= 0.02 ? elapsed * (1 - fraction) / fraction : Double.NaN;
    int width = 30;
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
    String line =
        "["
            + "#".repeat(filled)
            + "-".repeat(width - filled)
            + "] "
            + Units.f("%3.0f%%", fraction * 100)
            + "  ETA "
            + Units.duration(eta)
            + "  "
            + label;
    out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
    lastWidth = line.length();
    out.flush();
  }

  /** Clears the bar so that normal output can follow. */
  synchronized void clear() {
    if (enabled && lastWidth > 0) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      out.flush();
      lastWidth = 0;
    }
  }
}
