package dev.wbsr.job;

import java.nio.file.Path;

/** One plain sentence for a failure, without the file name the caller prints next to it. */
public final class Reasons {

  private Reasons() {}

  public static String of(Throwable e, Path file) {
    if (e instanceof OutOfMemoryError) {
      return "out of memory: run with a larger -Xmx, or use a smaller image";
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    m = m.strip().lines().findFirst().orElse(m);
    return withoutFileName(m, file);
  }

  /** Image errors start with the file's name; the caller already names it. */
  static String withoutFileName(String message, Path file) {
    if (file == null || file.getFileName() == null) {
      return message;
    }
    String m = message;
    for (String prefix : new String[] {file.toString() + ": ", file.getFileName() + ": "}) {
      while (m.startsWith(prefix)) {
        m = m.substring(prefix.length());
      }
    }
    return m;
  }
}
