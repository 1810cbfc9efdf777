package dev.wbsr.ui.export;

import dev.wbsr.image.ImageFormat;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an export goes by default and what it is called: next to the photo (its own folder when
 * that can be written, as photographers expect), one tag for what made it ({@code
 * photo-wbsr-x2.png}, {@code photo-bicubic-x2.png}), never a tag twice.
 */
public final class ExportTarget {

  private ExportTarget() {}

  /**
   * The folder a save dialog opens in: the photo's own folder when it can be written, else the
   * folder of the last export, else the user's Pictures (or home) folder. Never the working
   * directory, which for an installed app is somewhere no one looks.
   */
  public static Path initialFolder(Path source, Path lastExport, Path home) {
    Path parent = source == null ? null : source.toAbsolutePath().getParent();
    if (parent != null && Files.isDirectory(parent) && Files.isWritable(parent)) {
      return parent;
    }
    if (lastExport != null && Files.isDirectory(lastExport)) {
      return lastExport;
    }
    Path pictures = home.resolve("Pictures");
    return Files.isDirectory(pictures) ? pictures : home;
  }

  /**
   * {@code photo.jpg} upscaled by the WBSR bundle {@code wbsr-x2} -> {@code photo-wbsr-x2.png}; by
   * another mode of it -> {@code photo-bicubic-x2.png}. {@code tag} is the mode's own word, or null
   * for the bundle's routing (then the bundle's name says it all).
   */
  public static String name(String source, String bundle, int scale, String tag, String ext) {
    String stem = ImageFormat.stem(source);
    String what = tag == null ? bundle : tag + "-x" + scale;
    if (stem.endsWith("-" + what)) {
      return stem + "." + ext;
    }
    return stem + "-" + what + "." + ext;
  }
}
