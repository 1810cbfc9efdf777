package dev.wbsr.ui.core;

import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.job.Alpha;
import dev.wbsr.ui.port.ImageStore;
import dev.wbsr.ui.port.LoadedImage;
import java.nio.file.Path;

/**
 * Image I/O on {@code dev.wbsr.image}: every supported format, EXIF orientation, refusal of absurd
 * sizes before allocating; outputs carry the source's EXIF and ICC profile, and its alpha (bicubic
 * resized) where the format allows. The core's {@code LoadedImage} travels as the opaque metadata.
 */
final class CoreImages implements ImageStore {

  private final ImageLoader loader = new ImageLoader();

  @Override
  public LoadedImage read(Path file) throws Exception {
    dev.wbsr.image.LoadedImage img = loader.load(file);
    String ext = ImageFormat.extensionOf(file.getFileName().toString());
    return new LoadedImage(img.rgb(), img, ext, file);
  }

  @Override
  public void write(RgbImage image, Object metadata, Path file, String format) throws Exception {
    dev.wbsr.image.LoadedImage out = metadata instanceof dev.wbsr.image.LoadedImage src
        ? Alpha.reattach(src, image)
        : dev.wbsr.image.LoadedImage.of(image);
    ImageSaver.save(out, file,
        SaveOptions.defaults().withFormat(ImageFormat.parseWritable(format)).withOverwrite(true));
  }
}
