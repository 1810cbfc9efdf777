package dev.wbsr.ui.port;

import dev.wbsr.image.RgbImage;
import java.nio.file.Path;

/** Reading and writing images; errors carry a message fit for the user. */
public interface ImageStore {

  LoadedImage read(Path file) throws Exception;

  /** Writes {@code format} ("png", "jpg", "tif") keeping {@code metadata} where it can. */
  void write(RgbImage image, Object metadata, Path file, String format) throws Exception;
}
