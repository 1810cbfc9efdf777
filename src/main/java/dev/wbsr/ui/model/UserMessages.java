package dev.wbsr.ui.model;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into one clear sentence for the user (never a stack trace). */
public final class UserMessages {

  private UserMessages() {}

  public static String describe(Throwable t) {
    Throwable e = t;
    while (e.getCause() != null
        && (e.getMessage() == null
            || e instanceof java.util.concurrent.ExecutionException
            || e.getClass() == RuntimeException.class
                && e.getMessage().equals(e.getCause().toString()))) {
      e = e.getCause();
    }
    if (e instanceof OutOfMemoryError) {
      return "Not enough memory for this image. Try a smaller image or start the app with a larger -Xmx.";
    }
    if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
      return "File not found: " + e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied: " + e.getMessage();
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return "Unexpected error (" + e.getClass().getSimpleName() + ").";
    }
    return m;
  }
}
