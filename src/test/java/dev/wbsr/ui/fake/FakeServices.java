package dev.wbsr.ui.fake;

import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.Budget;
import dev.wbsr.ui.port.BatchListener;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.Engine;
import dev.wbsr.ui.port.ImageStore;
import dev.wbsr.ui.port.LoadedImage;
import dev.wbsr.ui.port.Metrics;
import dev.wbsr.ui.port.PatchGrid;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.RoutingRequest;
import dev.wbsr.ui.port.Services;
import dev.wbsr.ui.port.SubnetInfo;
import dev.wbsr.ui.port.UpscaleSession;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;

/** Test doubles for view-model unit tests (nearest-neighbour "subnets", AWT image I/O). */
public final class FakeServices {

  private FakeServices() {}

  public static BundleInfo bundle(int scale) {
    List<SubnetInfo> subs = List.of(
        new SubnetInfo(0, "w8-d1", 1e8, 1000),
        new SubnetInfo(1, "w16-d2", 3e8, 4000),
        new SubnetInfo(2, "w32-d4", 9e8, 16000));
    return new BundleInfo("fake-x" + scale, "Fake x" + scale, "", "0.0.1", "MIT", "wbsr", scale, 32,
        5, subs, 2, true, Path.of("fake-x" + scale));
  }

  /** A ClassSR bundle: three independent branches, no ARM table, a classifier. */
  public static BundleInfo classSrBundle(int scale) {
    List<SubnetInfo> subs = List.of(
        new SubnetInfo(0, "w16-d4", 2e8, 3000),
        new SubnetInfo(1, "w32-d4", 5e8, 9000),
        new SubnetInfo(2, "w48-d4", 9e8, 20000));
    return new BundleInfo("fake-classsr-x" + scale, "Fake ClassSR x" + scale, "", "0.0.1", "MIT", "classsr",
        scale, 32, 5, subs, 2, false, Path.of("fake-classsr-x" + scale));
  }

  /** FLOPs of the fake ClassSR classifier per patch. */
  public static final double CLASSIFIER_FLOPS = 1e7;

  public static Services create() {
    return new Services(new FakeEngine(), new AwtImages(), new SimpleMetrics());
  }

  public static final class FakeEngine implements Engine {
    public volatile long batchDelayMs = 1;

    @Override
    public List<BundleInfo> discover(List<Path> roots) {
      return List.of(bundle(2), bundle(4), classSrBundle(2));
    }

    @Override
    public BundleInfo load(Path dir) throws Exception {
      throw new IOException("no manifest.json in " + dir);
    }

    @Override
    public UpscaleSession open(BundleInfo b, RgbImage lr) {
      return new Session(b, lr, this);
    }

    @Override
    public String device() {
      return "CPU";
    }
  }

  static final class Session implements UpscaleSession {
    final BundleInfo b;
    final RgbImage lr;
    final PatchGrid grid;
    final FakeEngine engine;
    final double[] meanRed;

    Session(BundleInfo b, RgbImage lr, FakeEngine engine) {
      this.b = b;
      this.lr = lr;
      this.engine = engine;
      int cols = (lr.width() + 31) / 32;
      int rows = (lr.height() + 31) / 32;
      double[] scores = new double[cols * rows];
      int[] classes = new int[cols * rows];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          double s = 0;
          for (int y = r * 32; y < Math.min(lr.height(), r * 32 + 32); y++) {
            for (int x = c * 32 + 1; x < Math.min(lr.width(), c * 32 + 32); x++) {
              s += Math.abs(lr.sample(x, y, 1) - lr.sample(x - 1, y, 1));
            }
          }
          scores[r * cols + c] = s / 1024;
          classes[r * cols + c] = 1 + Math.min(4, (int) (s / 1024 / 3));
        }
      }
      grid = new PatchGrid(cols, rows, 32, b.scale(), 5, scores, classes);
      meanRed = new double[cols * rows];
      for (int i = 0; i < meanRed.length; i++) {
        int c0 = i % cols * 32;
        int r0 = i / cols * 32;
        double sum = 0;
        int n = 0;
        for (int y = r0; y < Math.min(lr.height(), r0 + 32); y++) {
          for (int x = c0; x < Math.min(lr.width(), c0 + 32); x++) {
            sum += lr.sample(x, y, 0);
            n++;
          }
        }
        meanRed[i] = sum / n;
      }
    }

    @Override
    public PatchGrid grid() {
      return grid;
    }

    @Override
    public Routing route(RoutingRequest req) {
      int m = b.subnets().size();
      if (req.mode() == RoutingMode.CLASSSR) {
        return classSr(req, m);
      }
      int[] ofClass = new int[5];
      for (int k = 1; k <= 5; k++) {
        int sub = switch (req.mode()) {
          case SUPERNET -> m - 1;
          case BICUBIC -> -1;
          case ARM -> Math.min(m - 1, (int) (k * req.eta() / 16));
          case CLASSSR -> throw new AssertionError();
          case WBSR -> !(req.budget() instanceof Budget.Fraction f) ? (int) Math.ceil(k * m / 5.0) - 1
              : Math.min(m - 1, (int) Math.floor(k * f.value() * m / 5.0 + f.value() * 1.5));
        };
        ofClass[k - 1] = sub;
      }
      int[] ofPatch = new int[grid.count()];
      int[] per = new int[m];
      int bic = 0;
      double flops = 0;
      for (int i = 0; i < ofPatch.length; i++) {
        ofPatch[i] = ofClass[grid.classes()[i] - 1];
        if (ofPatch[i] < 0) {
          bic++;
        } else {
          per[ofPatch[i]]++;
          flops += b.subnets().get(ofPatch[i]).flopsPerPatch();
        }
      }
      return new Routing(req, ofPatch, req.mode() == RoutingMode.ARM ? null : ofClass, flops,
          grid.count() * b.supernetInfo().flopsPerPatch(), per, bic);
    }

    /** The "classifier": a branch per patch from its mean red (not its class), like the real one. */
    private Routing classSr(RoutingRequest req, int m) {
      if (!b.isClassSr()) {
        throw new IllegalStateException("bundle " + b.name() + " is not a ClassSR bundle (no classifier)");
      }
      int[] ofPatch = new int[grid.count()];
      int[] per = new int[m];
      double flops = 0;
      for (int i = 0; i < ofPatch.length; i++) {
        ofPatch[i] = Math.min(m - 1, (int) (meanRed[i] * m / 256));
        per[ofPatch[i]]++;
        flops += b.subnets().get(ofPatch[i]).flopsPerPatch() + CLASSIFIER_FLOPS;
      }
      return new Routing(req, ofPatch, null, flops, grid.count() * b.supernetInfo().flopsPerPatch(), per, 0);
    }

    @Override
    public RgbImage run(Routing r, RgbImage target, BatchListener l, BooleanSupplier cancelled)
        throws Exception {
      int s = b.scale();
      RgbImage out = target != null ? target : RgbImage.allocate(lr.width() * s, lr.height() * s);
      int total = grid.count();
      for (int i = 0; i < total; i++) {
        if (cancelled.getAsBoolean()) {
          throw new CancellationException();
        }
        int c = i % grid.cols();
        int row = i / grid.cols();
        int shade = r.subnetOfPatch()[i] * 8;
        for (int y = row * 32 * s; y < Math.min(out.height(), (row + 1) * 32 * s); y++) {
          for (int x = c * 32 * s; x < Math.min(out.width(), (c + 1) * 32 * s); x++) {
            for (int ch = 0; ch < 3; ch++) {
              int v = Math.min(255, lr.sample(x / s, y / s, ch) + shade);
              out.rgb()[(y * out.width() + x) * 3 + ch] = (byte) v;
            }
          }
        }
        if (i % 8 == 7 || i == total - 1) {
          l.onBatch(i + 1, total);
          if (engine.batchDelayMs > 0) {
            Thread.sleep(engine.batchDelayMs);
          }
        }
      }
      return out;
    }

    @Override
    public RgbImage input() {
      return lr;
    }

    @Override
    public int scale() {
      return b.scale();
    }

    @Override
    public void close() {}
  }

  public static final class AwtImages implements ImageStore {
    @Override
    public LoadedImage read(Path file) throws Exception {
      BufferedImage bi = ImageIO.read(file.toFile());
      if (bi == null) {
        throw new IOException(file.getFileName() + " is not an image this app can read");
      }
      return new LoadedImage(fromAwt(bi), null, "png", file);
    }

    @Override
    public void write(RgbImage image, Object metadata, Path file, String format) throws Exception {
      ImageIO.write(toAwt(image), format.equals("jpg") ? "jpeg" : format.equals("tif") ? "tiff" : format,
          file.toFile());
    }
  }

  public static RgbImage fromAwt(BufferedImage bi) {
    RgbImage img = RgbImage.allocate(bi.getWidth(), bi.getHeight());
    for (int y = 0; y < bi.getHeight(); y++) {
      for (int x = 0; x < bi.getWidth(); x++) {
        int p = bi.getRGB(x, y);
        int i = (y * bi.getWidth() + x) * 3;
        img.rgb()[i] = (byte) (p >> 16);
        img.rgb()[i + 1] = (byte) (p >> 8);
        img.rgb()[i + 2] = (byte) p;
      }
    }
    return img;
  }

  public static BufferedImage toAwt(RgbImage img) {
    BufferedImage bi = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        bi.setRGB(x, y, img.sample(x, y, 0) << 16 | img.sample(x, y, 1) << 8 | img.sample(x, y, 2));
      }
    }
    return bi;
  }

  public static final class SimpleMetrics implements Metrics {
    @Override
    public RgbImage downscale(RgbImage hr, int s) {
      RgbImage out = RgbImage.allocate(hr.width() / s, hr.height() / s);
      for (int y = 0; y < out.height(); y++) {
        for (int x = 0; x < out.width(); x++) {
          for (int c = 0; c < 3; c++) {
            out.rgb()[(y * out.width() + x) * 3 + c] = (byte) hr.sample(x * s, y * s, c);
          }
        }
      }
      return out;
    }

    @Override
    public RgbImage upscale(RgbImage lr, int s) {
      RgbImage out = RgbImage.allocate(lr.width() * s, lr.height() * s);
      for (int y = 0; y < out.height(); y++) {
        for (int x = 0; x < out.width(); x++) {
          for (int c = 0; c < 3; c++) {
            out.rgb()[(y * out.width() + x) * 3 + c] = (byte) lr.sample(x / s, y / s, c);
          }
        }
      }
      return out;
    }

    @Override
    public RgbImage modcrop(RgbImage img, int s) {
      int w = img.width() / s * s;
      int h = img.height() / s * s;
      RgbImage out = RgbImage.allocate(w, h);
      for (int y = 0; y < h; y++) {
        System.arraycopy(img.rgb(), y * img.width() * 3, out.rgb(), y * w * 3, w * 3);
      }
      return out;
    }

    @Override
    public double psnrY(RgbImage a, RgbImage b, int shave) {
      double se = 0;
      long n = 0;
      for (int y = shave; y < a.height() - shave; y++) {
        for (int x = shave; x < a.width() - shave; x++) {
          double d = y(a, x, y) - y(b, x, y);
          se += d * d;
          n++;
        }
      }
      return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / (se / n));
    }

    @Override
    public double ssimY(RgbImage a, RgbImage b, int shave) {
      return Math.min(1, psnrY(a, b, shave) / 50);
    }

    private static double y(RgbImage i, int x, int yy) {
      return 16 + (65.481 * i.sample(x, yy, 0) + 128.553 * i.sample(x, yy, 1) + 24.966 * i.sample(x, yy, 2)) / 255;
    }
  }
}
