package dev.wbsr.ui.export;

import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.job.Alpha;
import java.nio.file.Path;

/**
 * Writes an exported image with the user's quality: the source's EXIF, ICC profile and alpha
 * carried where the format allows.
 */
public final class ImageExport {

  private ImageExport() {}

  /** {@code source} is the decoded photo (null for pasted images and composites). */
  public static void write(
      RgbImage image, LoadedImage source, Path file, String format, int quality) throws Exception {
    LoadedImage out = source != null ? Alpha.reattach(source, image) : LoadedImage.of(image);
    ImageSaver.save(
        out,
        file,
        SaveOptions.defaults()
            .withFormat(ImageFormat.parseWritable(format))
            .withJpegQuality(OutputQuality.clamp(quality))
            .withOverwrite(true));
  }
}
