package dev.wbsr.job;

import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.RoutingPolicy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/** Requests, images and a nearest-neighbour "model" for the runner's tests. */
final class Jobs {

  private Jobs() {}

  /** Nearest-neighbour x2; counts its calls. */
  static final class NearestX2 implements FrameUpscaler {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public Upscaled upscale(
        RgbImage lr,
        java.util.function.DoubleConsumer progress,
        java.util.function.BooleanSupplier cancelled) {
      calls.incrementAndGet();
      RgbImage out = RgbImage.allocate(lr.width() * 2, lr.height() * 2);
      for (int y = 0; y < out.height(); y++) {
        for (int x = 0; x < out.width(); x++) {
          for (int c = 0; c < 3; c++) {
            out.rgb()[(y * out.width() + x) * 3 + c] = (byte) lr.sample(x / 2, y / 2, c);
          }
        }
      }
      progress.accept(0.5);
      return new Upscaled(out, 0.25);
    }
  }

  static UpscaleRequest request(List<Path> inputs, boolean recursive, Path out, WhenExists w) {
    return new UpscaleRequest(
        inputs,
        recursive,
        new ModelRef(Path.of("fake-x2"), "fake-x2", 2),
        RoutingPolicy.Wbsr.paper(),
        OutputPolicy.of(out, ImageFormat.PNG).withWhenExists(w));
  }

  static Path png(Path file, int w, int h) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (x * 7) << 16 | (y * 5) << 8 | (x + y));
      }
    }
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  static int width(Path png) throws IOException {
    return ImageIO.read(png.toFile()).getWidth();
  }
}
