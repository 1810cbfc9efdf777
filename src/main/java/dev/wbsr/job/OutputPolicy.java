package dev.wbsr.job;

import dev.wbsr.image.ImageFormat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how outputs are written: the folder (input folders are mirrored under it), the format
 * and JPEG quality, the file-name template ({@code {name}}, {@code {bundle}}, {@code {scale}},
 * {@code {mode}}) and the rule for outputs that exist.
 */
public record OutputPolicy(
    Path dir, ImageFormat format, int jpegQuality, String nameTemplate, WhenExists whenExists) {

  /** The input's own name: {@code photo.jpg} becomes {@code photo.png}. */
  public static final String SAME_NAME = "{name}";

  public OutputPolicy {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(whenExists, "whenExists");
    if (!format.writable()) {
      throw new IllegalArgumentException(format.displayName() + " cannot be written");
    }
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("JPEG quality must be 1..100, got " + jpegQuality);
    }
    nameTemplate = nameTemplate == null || nameTemplate.isBlank() ? SAME_NAME : nameTemplate;
  }

  public static OutputPolicy of(Path dir, ImageFormat format) {
    return new OutputPolicy(dir, format, 92, SAME_NAME, WhenExists.FAIL);
  }

  public OutputPolicy withWhenExists(WhenExists w) {
    return new OutputPolicy(dir, format, jpegQuality, nameTemplate, w);
  }

  public OutputPolicy withNameTemplate(String t) {
    return new OutputPolicy(dir, format, jpegQuality, t, whenExists);
  }

  public OutputPolicy withJpegQuality(int q) {
    return new OutputPolicy(dir, format, q, nameTemplate, whenExists);
  }
}
