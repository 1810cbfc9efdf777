package dev.wbsr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints what a reader noticed about an input that was used all the same (a damaged colour profile
 * dropped, a decoder's note about stray bytes): one stderr line per warning, naming the file, so a
 * user learns why an output's colours or metadata differ from the input's.
 */
final class Warnings {

  private Warnings() {}

  static void print(PrintWriter err, Path input, List<String> warnings) {
    for (String w : warnings) {
      String line = w.strip().lines().findFirst().orElse("");
      if (!line.isEmpty()) {
        err.println("warning  " + input + ": " + line);
      }
    }
    err.flush();
  }
}
