package dev.wbsr.cli;

import java.util.Locale;

/** Number formatting shared by the commands. */
final class Units {

  private Units() {}

  static double giga(double flops) {
    return flops / 1e9;
  }

  static String f(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "--:--";
    }
    long s = Math.round(seconds);
    return s >= 3600
        ? f("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : f("%02d:%02d", s / 60, s % 60);
  }
}
