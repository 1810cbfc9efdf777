package dev.wbsr.ui.model;

import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.RgbImage;
import java.nio.file.Path;

/**
 * An image the user opened: the core's decoded {@link LoadedImage} (pixels, alpha, EXIF and ICC
 * that travel to the outputs) and the file it came from (null when pasted).
 */
public record SourceImage(LoadedImage image, Path source) {

  public static SourceImage pasted(RgbImage rgb) {
    return new SourceImage(LoadedImage.of(rgb), null);
  }

  public RgbImage rgb() {
    return image.rgb();
  }

  /** The file name, or "pasted image". */
  public String name() {
    return source == null ? "pasted image" : String.valueOf(source.getFileName());
  }
}
