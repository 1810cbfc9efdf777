package dev.wbsr.image;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;

/** Turns file-system failures into the short reasons that follow a file name in a message. */
final class ErrorText {

  private ErrorText() {}

  static String name(Path file) {
    Path n = file.getFileName();
    return n == null ? file.toString() : n.toString();
  }

  /** The first line of a throwable's message (its class name if it has none), at most 120 chars. */
  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    m = m.strip().lines().findFirst().orElse(m);
    return m.length() > 120 ? m.substring(0, 117) + "..." : m;
  }

  /**
   * Why writing into {@code dir} failed, in words: the JDK's exceptions for these cases carry only
   * the path as their message.
   */
  static String writeReason(Throwable e, Path dir) {
    if (e instanceof AccessDeniedException || e instanceof ReadOnlyFileSystemException) {
      return "the folder "
          + dir
          + " is not writable (permission denied); choose another output"
          + " folder or change its permissions";
    }
    if (e instanceof NoSuchFileException) {
      return "the folder " + dir + " does not exist and could not be created";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().strip() + " (" + dir + ")";
    }
    return oneLine(e);
  }
}
