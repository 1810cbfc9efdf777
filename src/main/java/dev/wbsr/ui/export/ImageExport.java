package dev.wbsr.ui.export;

import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.job.Alpha;
import java.nio.file.Path;

/**
 * Writes an exported image with the user's quality: the source's EXIF, ICC profile and alpha carried
 * where the format allows (the source travels as the opaque metadata of the document).
 */
public final class ImageExport {

  private ImageExport() {}

  public static void write(RgbImage image, Object source, Path file, String format, int quality)
      throws Exception {
    LoadedImage out = source instanceof LoadedImage src ? Alpha.reattach(src, image) : LoadedImage.of(image);
    ImageSaver.save(out, file, SaveOptions.defaults()
        .withFormat(ImageFormat.parseWritable(format))
        .withJpegQuality(OutputQuality.clamp(quality))
        .withOverwrite(true));
  }
}
