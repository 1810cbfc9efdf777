package dev.wbsr.ui.model;

import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.RgbImage;
import java.nio.file.Path;

/**
 * An image the user opened: the core's decoded {@link LoadedImage} (pixels, alpha, EXIF and ICC
 * that travel to the outputs), the file it came from (null when pasted), and whether it is the
 * bundled sample photo (its result is never "unsaved work", and its heat-map is on by default).
 */
public record SourceImage(LoadedImage image, Path source, boolean sample) {

  public SourceImage(LoadedImage image, Path source) {
    this(image, source, false);
  }

  public static SourceImage pasted(RgbImage rgb) {
    return new SourceImage(LoadedImage.of(rgb), null, false);
  }

  public SourceImage asSample() {
    return new SourceImage(image, source, true);
  }

  public RgbImage rgb() {
    return image.rgb();
  }

  /** The file name, or "pasted image". */
  public String name() {
    return source == null ? "pasted image" : String.valueOf(source.getFileName());
  }
}
