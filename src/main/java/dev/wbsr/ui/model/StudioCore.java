package dev.wbsr.ui.model;

import dev.wbsr.engine.BundleCheck;
import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.ImageException;
import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.job.Alpha;
import dev.wbsr.model.BundleException;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.HeapNeed;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.UpscaleSession;
import dev.wbsr.timing.SubnetTimes;
import dev.wbsr.timing.SubnetTimesCache;
import dev.wbsr.timing.TimeCosts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The app's one door to the core: finds bundles ({@link BundleLocator}), opens one engine per
 * bundle (kept for the app's lifetime, checked with {@link BundleCheck#full} so a mismatched bundle
 * fails with a sentence), opens the core's incremental {@link UpscaleSession} on an image, and
 * reads and writes images. Everything it hands out is a core type. Tests give it an engine double
 * through {@link EngineOpener}; the rest is the production code.
 */
public final class StudioCore implements AutoCloseable {

  /** Opens the engine of a bundle on a device (the ONNX engine in the app, a double in tests). */
  @FunctionalInterface
  public interface EngineOpener {
    SrEngine open(ModelBundle bundle, DeviceChoice device);
  }

  private static final Logger LOG = Logger.getLogger("dev.wbsr.ui");

  private final EngineOpener opener;
  private final PipelineOptions options;
  private final List<Path> builtInRoots;
  private final SubnetTimesCache timesCache;
  private final ImageLoader loader = new ImageLoader();
  private final Map<Path, SrEngine> engines = new HashMap<>();
  private volatile DeviceChoice device;
  private volatile String lastDevice = "cpu";
  private volatile List<String> problems = List.of();
  private volatile long heapLimit = Runtime.getRuntime().maxMemory();

  public StudioCore(EngineOpener opener, PipelineOptions options, List<Path> builtInRoots) {
    this(opener, options, builtInRoots, SubnetTimesCache.standard());
  }

  /**
   * @param timesCache where measured subnet times are kept per machine (the CLI's cache; tests pass
   *     a temporary folder so they never write the user's)
   */
  public StudioCore(
      EngineOpener opener,
      PipelineOptions options,
      List<Path> builtInRoots,
      SubnetTimesCache timesCache) {
    this.timesCache = timesCache;
    this.opener = opener;
    this.options = options;
    this.builtInRoots = List.copyOf(builtInRoots);
    this.device = DeviceChoice.parse(System.getProperty("wbsr.device", "auto"));
  }

  /**
   * For the app: ONNX engines, the interactive pipeline (with the patch cache), the standard roots.
   */
  public static StudioCore onnx() {
    return onnx(PipelineOptions.interactive(), BundleLocator.defaultRoots());
  }

  /** ONNX engines with chosen pipeline options and built-in bundle folders (tests, benchmarks). */
  public static StudioCore onnx(PipelineOptions options, List<Path> builtInRoots) {
    return new StudioCore(StudioCore::probedOnnx, options, builtInRoots);
  }

  private static SrEngine probedOnnx(ModelBundle b, DeviceChoice device) {
    OnnxEngine e = OnnxEngine.open(b, EngineOptions.defaults(device));
    try {
      // the same check as `info --check` (every network run once, graph FLOPs against the
      // manifest), on the engine the app keeps: about a second per bundle, off the FX thread
      BundleCheck.Report report = BundleCheck.full(b, e);
      if (!report.ok()) {
        throw new BundleException(String.join("\n", report.problems()));
      }
      return e;
    } catch (RuntimeException ex) {
      e.close();
      throw ex;
    }
  }

  /**
   * Every readable bundle under the given folders and the built-in ones; broken ones are skipped.
   */
  public List<ModelBundle> discover(List<Path> roots) {
    Set<Path> all = new LinkedHashSet<>(roots);
    all.addAll(builtInRoots);
    List<ModelBundle> out = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (BundleLocator.Entry e : new BundleLocator(new ArrayList<>(all)).scan()) {
      if (e.bundle().isPresent()) {
        out.add(e.bundle().get());
      } else {
        String why = e.error().orElse("unreadable");
        LOG.warning("skipping bundle " + e.dir() + ": " + why);
        bad.add(e.name() + ": " + why);
      }
    }
    problems = List.copyOf(bad);
    return out;
  }

  /** Why bundle folders seen by the last {@link #discover} were skipped ("name: reason"). */
  public List<String> discoveryProblems() {
    return problems;
  }

  /** One bundle folder; fails with a clear message when it is broken. */
  public ModelBundle load(Path dir) {
    return ModelBundle.load(dir);
  }

  /**
   * Scores and classifies {@code lr} for {@code bundle} (opening its engine on first use). The
   * patch cache gets at most what the heap has left beside the photo, its result and one more
   * full-size variant, so a large photo does not run out of memory through its cache.
   */
  public UpscaleSession open(ModelBundle bundle, RgbImage lr) {
    int scale = bundle.manifest().scale();
    long cache =
        HeapNeed.forApp(lr.width(), lr.height(), scale, false)
            .cacheRoom(heapLimit, options.cacheBytes());
    return UpscaleSession.create(
        lr, bundle.manifest(), engine(bundle), options.withCacheBytes(cache));
  }

  /**
   * Why the app cannot upscale this photo with this bundle in its heap, in plain words; null when
   * it fits. Asked before anything starts.
   */
  public String refusal(SourceImage img, ModelBundle bundle, WorkMode mode) {
    RgbImage rgb = img.rgb();
    HeapNeed need =
        HeapNeed.forApp(
            rgb.width(), rgb.height(), bundle.manifest().scale(), mode == WorkMode.EVALUATE);
    return need.fitsIn(heapLimit) ? null : need.refusal(img.name(), heapLimit);
  }

  /** Acts as if the Java heap limit were {@code bytes} (tests: a refusal without a huge photo). */
  public void setHeapLimit(long bytes) {
    heapLimit = bytes;
  }

  /** The bundle's engine, opened and probed on first use and kept until {@link #close}. */
  public SrEngine engine(ModelBundle bundle) {
    SrEngine engine;
    synchronized (this) {
      Path key = bundle.dir().toAbsolutePath().normalize();
      engine = engines.get(key);
      if (engine == null) {
        engine = opener.open(bundle, device);
        engines.put(key, engine);
      }
    }
    lastDevice = engine.device();
    return engine;
  }

  /**
   * What each subnet of {@code bundle} costs on this machine (issue 17, budget by time): cached
   * times when machine and bundle match, else measured now on its engine (about a second for nine
   * subnets) and cached. Blocking: the engine thread only, never the FX thread.
   */
  public SubnetTimes subnetTimes(ModelBundle bundle) {
    return TimeCosts.of(bundle, engine(bundle), options, timesCache);
  }

  /** Where the last opened session runs, e.g. "cpu" or "cuda:0". */
  public String device() {
    return lastDevice;
  }

  /** "auto", "cpu" or "gpu": applies to sessions opened from now on. */
  public synchronized void setDevice(String choice) {
    DeviceChoice d = DeviceChoice.parse(choice);
    if (d != device) {
      device = d;
      close();
    }
  }

  /** Decodes an image (every supported format, EXIF orientation, refusal of absurd sizes). */
  public SourceImage read(Path file) throws ImageException {
    return new SourceImage(loader.load(file), file);
  }

  /**
   * Writes {@code image} atomically in {@code format}, carrying the source's EXIF, ICC profile and
   * alpha (resized) where the format allows; {@code source} may be null (pasted images, maps).
   */
  public static void write(RgbImage image, SourceImage source, Path file, ImageFormat format)
      throws ImageException {
    LoadedImage out =
        source != null ? Alpha.reattach(source.image(), image) : LoadedImage.of(image);
    ImageSaver.save(out, file, SaveOptions.defaults().withFormat(format).withOverwrite(true));
  }

  @Override
  public synchronized void close() {
    for (SrEngine e : engines.values()) {
      try {
        e.close();
      } catch (RuntimeException ex) {
        LOG.log(Level.FINE, "closing engine", ex);
      }
    }
    engines.clear();
  }
}
