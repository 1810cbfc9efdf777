package dev.wbsr.ui.core;

import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.BundleCheck;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.Engine;
import dev.wbsr.ui.port.UpscaleSession;
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
 * The {@link Engine} port on the core: bundles via {@link BundleLocator}, one {@link OnnxEngine}
 * per bundle (opened on first use, kept for the app's lifetime) and incremental sessions.
 */
public final class CoreEngine implements Engine, AutoCloseable {

  private static final Logger LOG = Logger.getLogger("dev.wbsr.ui");
  private volatile DeviceChoice device;
  private final PipelineOptions options;
  private final Map<Path, ModelBundle> bundles = new HashMap<>();
  private final Map<Path, OnnxEngine> engines = new HashMap<>();
  private volatile String lastDevice = "cpu";
  private volatile List<String> problems = List.of();

  public CoreEngine(DeviceChoice device, PipelineOptions options) {
    this.device = device;
    this.options = options;
  }

  /** For the app: automatic device choice, interactive pipeline (with the patch cache). */
  public static CoreEngine interactive() {
    String d = System.getProperty("wbsr.device", "auto");
    return new CoreEngine(DeviceChoice.parse(d), PipelineOptions.interactive());
  }

  @Override
  public synchronized List<BundleInfo> discover(List<Path> roots) {
    Set<Path> all = new LinkedHashSet<>(roots);
    all.addAll(BundleLocator.defaultRoots());
    List<BundleInfo> out = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (BundleLocator.Entry e : new BundleLocator(new ArrayList<>(all)).scan()) {
      if (e.bundle().isPresent()) {
        ModelBundle b = e.bundle().get();
        BundleInfo info = Bundles.info(b);
        bundles.put(info.dir(), b);
        out.add(info);
      } else {
        String why = e.error().orElse("unreadable");
        LOG.warning("skipping bundle " + e.dir() + ": " + why);
        bad.add(e.name() + ": " + why);
      }
    }
    problems = List.copyOf(bad);
    return out;
  }

  @Override
  public List<String> discoveryProblems() {
    return problems;
  }

  @Override
  public synchronized BundleInfo load(Path dir) {
    ModelBundle b = ModelBundle.load(dir);
    BundleInfo info = Bundles.info(b);
    bundles.put(info.dir(), b);
    return info;
  }

  @Override
  public UpscaleSession open(BundleInfo info, RgbImage lr) {
    ModelBundle b;
    OnnxEngine engine;
    synchronized (this) {
      b = bundles.computeIfAbsent(info.dir(), ModelBundle::load);
      engine = engines.computeIfAbsent(info.dir(), d -> checkedEngine(b));
    }
    lastDevice = engine.device();
    return new CoreSession(
        dev.wbsr.pipeline.UpscaleSession.create(lr, b.manifest(), engine, options), info);
  }

  /** Opens the bundle's engine and probes it, so a mismatched bundle fails with a sentence. */
  private OnnxEngine checkedEngine(ModelBundle b) {
    OnnxEngine e = OnnxEngine.open(b, EngineOptions.defaults(device));
    try {
      BundleCheck.probe(b, e);
      return e;
    } catch (RuntimeException ex) {
      e.close();
      throw ex;
    }
  }

  @Override
  public synchronized void setDevice(String choice) {
    DeviceChoice d = DeviceChoice.parse(choice);
    if (d != device) {
      device = d;
      close();
    }
  }

  @Override
  public String device() {
    return lastDevice;
  }

  @Override
  public synchronized void close() {
    for (OnnxEngine e : engines.values()) {
      try {
        e.close();
      } catch (RuntimeException ex) {
        LOG.log(Level.FINE, "closing engine", ex);
      }
    }
    engines.clear();
  }
}
