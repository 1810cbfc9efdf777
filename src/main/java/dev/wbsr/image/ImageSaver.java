package dev.wbsr.image;

import dev.wbsr.image.ImageException.Kind;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes PNG, JPEG, WebP and TIFF atomically: the image is encoded into a hidden temp file in the
 * target folder, synced, then renamed onto the target. An existing file is never replaced unless
 * {@link SaveOptions#overwrite()} says so (and even then the old file stays intact until the new
 * one is complete). On any failure or cancellation (thread interrupt) the temp file is removed, so
 * no half-written file is left and the user's files are untouched.
 *
 * <p>Metadata (when {@link SaveOptions#keepMetadata()}): EXIF is carried with its orientation reset
 * to 1 (pixels are already upright) and its pixel dimensions updated; PNG gets it as eXIf, JPEG as
 * APP1 (left out if over 64 KB), TIFF as tags. The ICC policy is described on {@link
 * ImageMetadata}: a non-sRGB RGB source profile is restored (pixels converted back) and embedded;
 * an sRGB one is embedded as it was; CMYK/gray profiles are not carried (output is sRGB).
 */
public final class ImageSaver {

  private ImageSaver() {}

  /** Writes pixels made in memory (no source metadata). */
  public static Path save(RgbImage rgb, Path target, SaveOptions options) throws ImageException {
    return save(LoadedImage.of(rgb), target, options);
  }

  /**
   * Writes {@code image} to {@code target}, creating missing parent folders.
   *
   * @return the path written (the target)
   */
  public static Path save(LoadedImage image, Path target, SaveOptions options)
      throws ImageException {
    String name = ErrorText.name(target);
    ImageFormat format =
        options.format() != null
            ? options.format()
            : ImageFormat.fromFileName(name)
                .filter(ImageFormat::writable)
                .orElseThrow(
                    () ->
                        new ImageException(
                            Kind.UNSUPPORTED_FORMAT,
                            name
                                + ": cannot tell the output format from the name (use .png, .jpg, .webp or .tif)"));
    if (Files.isDirectory(target)) {
      throw new ImageException(Kind.NOT_A_FILE, name + ": is a folder");
    }
    if (!options.overwrite() && Files.exists(target)) {
      throw new ImageException(Kind.TARGET_EXISTS, name + ": already exists, not overwritten");
    }
    RgbImage rgb = image.rgb();
    GrayPlane alpha = image.alpha();
    if (format == ImageFormat.JPEG && alpha != null) {
      if (options.jpegAlpha() == SaveOptions.AlphaPolicy.REFUSE) {
        throw new ImageException(
            Kind.UNSUPPORTED_FORMAT,
            name + ": JPEG cannot store transparency; save as PNG or TIFF instead");
      }
      rgb = flattenOnWhite(rgb, alpha);
      alpha = null;
    }
    byte[] icc = null;
    byte[] exif = null;
    if (options.keepMetadata()) {
      ImageMetadata meta = image.metadata();
      ICC_Profile source = IccColor.parse(meta.iccProfile());
      if (IccColor.isRgb(source)) {
        icc = meta.iccProfile();
        if (meta.convertedToSrgb() && !IccColor.isSrgb(source)) {
          byte[] copy = rgb.rgb().clone();
          IccColor.convert(copy, rgb.width(), rgb.height(), IccColor.srgb(), source);
          rgb = new RgbImage(rgb.width(), rgb.height(), copy);
        }
      }
      exif = Exif.forOutput(meta.exif(), rgb.width(), rgb.height());
    }
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = PartFiles.create(dir);
      ImageEncoder.encode(format, rgb, alpha, icc, exif, options.jpegQuality(), temp);
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      commit(temp, target, options.overwrite(), name);
      return target;
    } catch (ImageException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw new ImageException(Kind.TOO_LARGE, name + ": not enough memory to encode the image");
    } catch (IOException | RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new ImageException(Kind.CANCELLED, name + ": writing was cancelled", e);
      }
      throw new ImageException(
          Kind.WRITE_FAILED, name + ": could not be written: " + ErrorText.writeReason(e, dir), e);
    } finally {
      if (temp != null) {
        PartFiles.release(temp);
      }
    }
  }

  private static void commit(Path temp, Path target, boolean overwrite, String name)
      throws IOException {
    if (overwrite) {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    try {
      // link() fails if the target exists: a check and create that no other writer can race.
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw new ImageException(Kind.TARGET_EXISTS, name + ": already exists, not overwritten");
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Files.move(temp, target); // file systems without hard links: fails if the target exists
      } catch (FileAlreadyExistsException e2) {
        throw new ImageException(Kind.TARGET_EXISTS, name + ": already exists, not overwritten");
      }
    }
  }

  /** Composites onto white: c' = round(c * a / 255 + 255 * (1 - a / 255)). */
  static RgbImage flattenOnWhite(RgbImage rgb, GrayPlane alpha) {
    byte[] src = rgb.rgb();
    byte[] a = alpha.data();
    byte[] out = new byte[src.length];
    for (int i = 0, p = 0; p < a.length; p++) {
      int av = a[p] & 0xFF;
      for (int c = 0; c < 3; c++, i++) {
        out[i] = (byte) (((src[i] & 0xFF) * av + 255 * (255 - av) + 127) / 255);
      }
    }
    return new RgbImage(rgb.width(), rgb.height(), out);
  }
}
