package dev.wbsr.ui.core;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.port.ImageStore;
import dev.wbsr.ui.port.LoadedImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Image reading and writing for the app. Interim: ImageIO with the TwelveMonkeys plug-ins, until
 * {@code dev.wbsr.image} (EXIF orientation, ICC, metadata carried to outputs) lands on main.
 */
final class CoreImages implements ImageStore {

  static final long MAX_PIXELS = 120_000_000L;

  @Override
  public LoadedImage read(Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file: " + file);
    }
    BufferedImage bi;
    try {
      bi = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new IOException(file.getFileName() + " is corrupt or not a supported image ("
          + e.getMessage() + ")", e);
    }
    if (bi == null) {
      throw new IOException(file.getFileName() + " is not an image in a supported format "
          + "(PNG, JPEG, TIFF, WebP, BMP, PSD)");
    }
    if ((long) bi.getWidth() * bi.getHeight() > MAX_PIXELS) {
      throw new IOException(file.getFileName() + " is too large (" + bi.getWidth() + "x" + bi.getHeight() + ")");
    }
    RgbImage img = RgbImage.allocate(bi.getWidth(), bi.getHeight());
    int w = bi.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < bi.getHeight(); y++) {
      bi.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        img.rgb()[i] = (byte) (row[x] >> 16);
        img.rgb()[i + 1] = (byte) (row[x] >> 8);
        img.rgb()[i + 2] = (byte) row[x];
      }
    }
    return new LoadedImage(img, null, ext(file), file);
  }

  @Override
  public void write(RgbImage image, Object metadata, Path file, String format) throws Exception {
    BufferedImage bi = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    int w = image.width();
    int[] row = new int[w];
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        row[x] = (image.rgb()[i] & 0xFF) << 16 | (image.rgb()[i + 1] & 0xFF) << 8 | image.rgb()[i + 2] & 0xFF;
      }
      bi.setRGB(0, y, w, 1, row, 0, w);
    }
    String f = switch (format) {
      case "jpg" -> "jpeg";
      case "tif" -> "tiff";
      default -> format;
    };
    if (!ImageIO.write(bi, f, file.toFile())) {
      throw new IOException("cannot write " + format + " files");
    }
  }

  private static String ext(Path p) {
    String n = p.getFileName().toString();
    return n.contains(".") ? n.substring(n.lastIndexOf('.') + 1).toLowerCase() : "";
  }
}
