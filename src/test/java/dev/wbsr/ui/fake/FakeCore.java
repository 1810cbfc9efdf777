package dev.wbsr.ui.fake;

import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.FakeOutputs;
import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.timing.SubnetTimesCache;
import dev.wbsr.ui.model.StudioCore;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The app's real {@link StudioCore} on the tiny test bundles ({@code src/test/resources/bundles}:
 * their real manifests) with an engine double: nearest-neighbour "subnets" that differ by a
 * per-subnet offset, and a ClassSR classifier that picks a branch by brightness. Nothing about the
 * model is re-declared; only inference is faked, so view-model tests run in milliseconds.
 */
public final class FakeCore {

  /** The tiny fixtures: tiny-x2, tiny-x4 (9 subnets, 10 classes, ARM) and tiny-classsr-x2. */
  public static final Path BUNDLES = Path.of("src/test/resources/bundles");

  private FakeCore() {}

  public static StudioCore create() {
    return create(new Engines());
  }

  /** With a shared engine setting (e.g. a delay per inference call, to catch work in flight). */
  public static StudioCore create(Engines engines) {
    return create(engines, SubnetTimesCache.standard());
  }

  /** The same, keeping measured subnet times in {@code timesCache} (a test's temporary folder). */
  public static StudioCore create(Engines engines, SubnetTimesCache timesCache) {
    return new StudioCore(engines, PipelineOptions.interactive(), List.of(BUNDLES), timesCache);
  }

  /** A fixture bundle by name. */
  public static ModelBundle bundle(String name) {
    return ModelBundle.load(BUNDLES.resolve(name));
  }

  /**
   * Opens {@link Engine}s; {@link #delayMs} slows every inference call (set before or during a
   * test).
   */
  public static final class Engines implements StudioCore.EngineOpener {
    public volatile long delayMs = 0;

    /**
     * Hears every inference call (subnet, input) before it runs, on the calling worker thread: a
     * test records the order of calls here, or holds one.
     */
    public volatile BiConsumer<Integer, Nchw> onRun;

    @Override
    public SrEngine open(ModelBundle bundle, DeviceChoice device) {
      return new Engine(bundle, this);
    }
  }

  /** Nearest-neighbour enlargement plus 0.02 per subnet index; classifier: brightness in thirds. */
  public static final class Engine implements SrEngine {
    private final ModelBundle bundle;
    private final Engines settings;

    Engine(ModelBundle bundle, Engines settings) {
      this.bundle = bundle;
      this.settings = settings;
    }

    @Override
    public int scale() {
      return bundle.manifest().scale();
    }

    @Override
    public int subnetCount() {
      return bundle.manifest().subnets().size();
    }

    @Override
    public String device() {
      return "cpu";
    }

    @Override
    public Nchw run(int subnet, Nchw input) {
      BiConsumer<Integer, Nchw> hook = settings.onRun;
      if (hook != null) {
        hook.accept(subnet, input);
      }
      long d = settings.delayMs;
      if (d > 0) {
        try {
          Thread.sleep(d);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return FakeOutputs.nearest(input, scale(), 0.02f * subnet);
    }

    @Override
    public float[] classify(Nchw patches) {
      return FakeOutputs.brightnessThirds(patches);
    }

    @Override
    public void close() {}
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
}
