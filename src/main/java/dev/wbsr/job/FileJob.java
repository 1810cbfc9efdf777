package dev.wbsr.job;

import java.nio.file.Path;

/**
 * One listed input and the output it is named to. {@code refusal} is set when the scan already
 * knows the file will not be processed (a GIF, a name the JVM cannot open), so it is reported
 * instead of silently left out.
 */
public record FileJob(Path input, Path output, String display, FileResult refusal) {

  static FileJob of(Path input, Path output) {
    return new FileJob(input, output, input.toString(), null);
  }
}
