package dev.wbsr.cli;

import dev.wbsr.image.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.io.OutputStream;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Interim image reading and writing for the CLI (plain ImageIO + TwelveMonkeys plugins), the one
 * place that changes when {@code dev.wbsr.image} (orientation, alpha, 16-bit, CMYK, metadata, size
 * guard) is on main.
 */
final class ImageIo {

  private ImageIo() {}

  static RgbImage read(Path file) throws IOException {
    BufferedImage img = ImageIO.read(file.toFile());
    if (img == null) {
      throw new IOException("not a readable image");
    }
    RgbImage out = RgbImage.allocate(img.getWidth(), img.getHeight());
    byte[] rgb = out.rgb();
    int[] row = new int[img.getWidth()];
    for (int y = 0; y < img.getHeight(); y++) {
      img.getRGB(0, y, img.getWidth(), 1, row, 0, img.getWidth());
      for (int x = 0; x < row.length; x++) {
        int o = (y * img.getWidth() + x) * 3;
        rgb[o] = (byte) (row[x] >> 16);
        rgb[o + 1] = (byte) (row[x] >> 8);
        rgb[o + 2] = (byte) row[x];
      }
    }
    return out;
  }

  /** Writes to a temporary file beside {@code target}, then renames it over (atomic). */
  static void write(RgbImage img, Path target, String format, int jpegQuality, boolean overwrite) throws IOException {
    BufferedImage bi = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) bi.getRaster().getDataBuffer()).getData();
    byte[] rgb = img.rgb();
    for (int i = 0; i < rgb.length; i += 3) {
      bgr[i] = rgb[i + 2];
      bgr[i + 1] = rgb[i + 1];
      bgr[i + 2] = rgb[i];
    }
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // a fresh name in the same folder (so the rename is atomic), created with the usual permissions
    Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
    try {
      String name = format.toLowerCase(Locale.ROOT).equals("jpg") ? "jpeg" : format.toLowerCase(Locale.ROOT).equals("tif") ? "tiff" : format;
      ImageWriter writer = ImageIO.getImageWritersByFormatName(name).next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (name.equals("jpeg")) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(jpegQuality / 100f);
      }
      try (OutputStream file = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(bi, null, null), param);
      } finally {
        writer.dispose();
      }
      if (overwrite) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        // a same-folder rename that fails if the target appeared meanwhile
        Files.move(tmp, target);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
