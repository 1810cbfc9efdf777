package dev.wbsr.image;

import java.io.IOException;

/**
 * A failure to read or write an image, with a one-line message meant for the user (CLI output, an
 * error dialog). {@link #kind()} lets callers react without parsing text; the message never needs a
 * stack trace to be understood. The underlying library exception, if any, is the cause.
 */
public final class ImageException extends IOException {

  /** What went wrong, coarse enough for a UI to pick an icon or a CLI an exit path. */
  public enum Kind {
    NOT_FOUND,
    NOT_A_FILE,
    UNREADABLE,
    EMPTY,
    UNSUPPORTED_FORMAT,
    CORRUPT,
    TOO_LARGE,
    TARGET_EXISTS,
    WRITE_FAILED,
    CANCELLED
  }

  private final Kind kind;

  public ImageException(Kind kind, String message) {
    this(kind, message, null);
  }

  public ImageException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
