package dev.wbsr.job;

import java.nio.file.Path;
import java.util.List;

/**
 * What happened to one input: {@code output} is the file written (or the one that would have been),
 * {@code reason} one plain sentence for a skipped or failed file (no file name: the caller prints
 * the input next to it). Sizes and FLOPs are 0 when nothing was computed.
 *
 * @param flopsRatio paper-convention FLOPs over the supernet's on this image
 * @param warnings plain sentences about a file that was written all the same (a damaged colour
 *     profile dropped, a decoder's note), without the file name
 */
public record FileResult(
    Path input,
    Path output,
    Status status,
    Cause cause,
    String reason,
    int inWidth,
    int inHeight,
    int outWidth,
    int outHeight,
    double flopsRatio,
    double seconds,
    List<String> warnings) {

  public FileResult {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** How a file ended. */
  public enum Status {
    OK,
    SKIPPED,
    FAILED
  }

  /** Why a file was not written, so a front end can add its own hint (a flag, a button). */
  public enum Cause {
    NONE,
    OUTPUT_EXISTS,
    OUTPUT_IS_INPUT,
    DUPLICATE_OUTPUT,
    UNSUPPORTED,
    UNREADABLE_NAME,
    ERROR
  }

  static FileResult skipped(Path input, Path output, Cause cause, String reason) {
    return new FileResult(
        input, output, Status.SKIPPED, cause, reason, 0, 0, 0, 0, 0, 0, List.of());
  }

  static FileResult failed(Path input, Path output, Cause cause, String reason) {
    return new FileResult(input, output, Status.FAILED, cause, reason, 0, 0, 0, 0, 0, 0, List.of());
  }

  public boolean ok() {
    return status == Status.OK;
  }
}
