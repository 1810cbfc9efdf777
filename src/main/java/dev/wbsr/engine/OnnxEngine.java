package dev.wbsr.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import dev.wbsr.model.BundleException;
import dev.wbsr.model.ModelBundle;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DJL + ONNX Runtime engine for one bundle: one {@link ZooModel} per subnet (loaded from the bundle
 * folder with {@code optModelPath}, engine {@code OnnxRuntime}, on first use) and a pool of {@link
 * EngineOptions#predictors()} predictors per model, since a DJL predictor is not thread-safe.
 */
public final class OnnxEngine implements SrEngine {

  private static final Logger LOG = LoggerFactory.getLogger(OnnxEngine.class);
  static final String ENGINE = "OnnxRuntime";

  private final ModelBundle bundle;
  private final EngineOptions options;
  private final Device device;
  private final Slot[] slots;
  private ZooModel<Nchw, float[]> classifier;
  private BlockingQueue<Predictor<Nchw, float[]>> classifierPredictors;

  /** A subnet's model and its predictors, created on first use. */
  private static final class Slot {
    ZooModel<Nchw, Nchw> model;
    BlockingQueue<Predictor<Nchw, Nchw>> predictors;
  }

  private OnnxEngine(ModelBundle bundle, EngineOptions options, Device device) {
    this.bundle = bundle;
    this.options = options;
    this.device = device;
    this.slots = new Slot[bundle.manifest().subnets().size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = new Slot();
    }
  }

  /**
   * Opens the bundle's subnets on the chosen device. With {@code gpu} or {@code auto}, CUDA is used
   * when ONNX Runtime's CUDA provider loads and the supernet opens on it; otherwise the engine runs
   * on CPU and says why in one log line ({@code gpu}: warning; {@code auto}: only when CUDA was
   * present but failed).
   */
  public static OnnxEngine open(ModelBundle bundle, EngineOptions options) {
    Offline.ensure();
    Engine ort = Engine.getEngine(ENGINE);
    if (options.device() == DeviceChoice.CPU) {
      return new OnnxEngine(bundle, options, Device.cpu());
    }
    if (!ort.hasCapability(StandardCapabilities.CUDA)) {
      if (options.device() == DeviceChoice.GPU) {
        LOG.warn(
            "--device gpu: ONNX Runtime has no working CUDA provider (CPU build or no CUDA"
                + " libraries); running on CPU");
      }
      return new OnnxEngine(bundle, options, Device.cpu());
    }
    OnnxEngine gpu = new OnnxEngine(bundle, options, Device.gpu());
    try {
      gpu.slot(bundle.manifest().supernet());
      return gpu;
    } catch (RuntimeException e) {
      gpu.close();
      LOG.warn("CUDA provider failed to open the model ({}); running on CPU", rootMessage(e));
      return new OnnxEngine(bundle, options, Device.cpu());
    }
  }

  @Override
  public int scale() {
    return bundle.manifest().scale();
  }

  @Override
  public int subnetCount() {
    return slots.length;
  }

  @Override
  public String device() {
    return device.isGpu() ? "cuda:" + device.getDeviceId() : "cpu";
  }

  @Override
  public Nchw run(int subnet, Nchw input) {
    return predict(slot(subnet).predictors, input, "subnet " + subnet);
  }

  @Override
  public float[] classify(Nchw patches) {
    return predict(classifierPool(), patches, "the classifier");
  }

  /**
   * Borrows a predictor from the pool (DJL predictors are not thread-safe), runs it, returns it.
   */
  private static <O> O predict(BlockingQueue<Predictor<Nchw, O>> pool, Nchw input, String what) {
    Predictor<Nchw, O> p;
    try {
      p = pool.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + what, e);
    }
    try {
      return p.predict(input);
    } catch (TranslateException e) {
      throw new IllegalStateException("inference failed on " + what + ": " + rootMessage(e), e);
    } finally {
      pool.add(p);
    }
  }

  private synchronized BlockingQueue<Predictor<Nchw, float[]>> classifierPool() {
    if (classifier == null) {
      String file =
          bundle
              .manifest()
              .classsr()
              .orElseThrow(
                  () -> new UnsupportedOperationException(bundle.name() + " has no classifier"))
              .classifierFile();
      classifier = load(bundle.dir().resolve(file), new LogitsTranslator(), "ALL_OPT");
      classifierPredictors = new ArrayBlockingQueue<>(options.predictors());
      for (int i = 0; i < options.predictors(); i++) {
        classifierPredictors.add(classifier.newPredictor());
      }
    }
    return classifierPredictors;
  }

  /** Loads every subnet now (otherwise each loads on first use). */
  public void loadAll() {
    for (int i = 0; i < slots.length; i++) {
      slot(i);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (classifier != null) {
        classifierPredictors.forEach(Predictor::close);
        classifier.close();
        classifier = null;
      }
    }
    for (Slot s : slots) {
      synchronized (s) {
        if (s.model != null) {
          s.predictors.forEach(Predictor::close);
          s.model.close();
          s.model = null;
        }
      }
    }
  }

  private Slot slot(int subnet) {
    Slot s = slots[subnet];
    synchronized (s) {
      if (s.model == null) {
        s.model =
            load(
                bundle.subnetFile(subnet),
                new Translator(),
                optLevel(bundle.manifest().subnets().get(subnet).width()));
        s.predictors = new ArrayBlockingQueue<>(options.predictors());
        for (int i = 0; i < options.predictors(); i++) {
          s.predictors.add(s.model.newPredictor());
        }
      }
      return s;
    }
  }

  private <O> ZooModel<Nchw, O> load(
      Path file, ai.djl.translate.Translator<Nchw, O> translator, String optLevel) {
    String name = file.getFileName().toString();
    String threads = Integer.toString(options.intraOpThreads());
    @SuppressWarnings("unchecked")
    Class<O> out = (Class<O>) (translator instanceof LogitsTranslator ? float[].class : Nchw.class);
    Criteria.Builder<Nchw, O> builder =
        Criteria.builder()
            .setTypes(Nchw.class, out)
            .optModelPath(file.getParent())
            .optModelName(name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name)
            .optEngine(ENGINE)
            .optDevice(device)
            .optTranslator(translator)
            // both keys: DJL applies the intra-op count only when the inter-op one is set
            .optOption("interOpNumThreads", "1")
            .optOption("intraOpNumThreads", threads)
            .optOption("executionMode", "SEQUENTIAL")
            .optOption("optLevel", optLevel);
    String arena = System.getProperty("wbsr.ort.arena");
    if (arena != null) { // measured with bench/app-memory.sh and `wbsr bench` (README, memory)
      builder.optOption("cpuArenaAllocator", arena).optOption("memoryPatternOptimization", arena);
    }
    Criteria<Nchw, O> criteria = builder.build();
    try {
      return criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException | IOException e) {
      throw new BundleException("cannot load " + file + ": " + rootMessage(e), e);
    }
  }

  /**
   * ONNX Runtime graph optimisation per subnet. ALL_OPT adds the NCHWc layout, which on this
   * AVX-512 CPU makes widths that are multiples of 16 fast (w32: 92 GFLOP/s vs 52 without) but
   * widths that are not slower (w24: 55 vs 65 GFLOP/s; measured per subnet on a wbsr-x2 bundle).
   * So: ALL_OPT for multiples of 16, EXTENDED_OPT otherwise; {@code -Dwbsr.ort.optLevel=...} forces
   * one level.
   */
  static String optLevel(int width) {
    String forced = System.getProperty("wbsr.ort.optLevel");
    if (forced != null) {
      return forced;
    }
    return width > 0 && width % 16 != 0 ? "EXTENDED_OPT" : "ALL_OPT";
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static NDList input(TranslatorContext ctx, Nchw in) {
    NDArray a =
        ctx.getNDManager()
            .create(FloatBuffer.wrap(in.data()), new Shape(in.n(), in.c(), in.h(), in.w()));
    a.setName("lr");
    return new NDList(a);
  }

  /** ClassSR classifier: the {@code logits} output, [N, branches], flattened. */
  private static final class LogitsTranslator implements NoBatchifyTranslator<Nchw, float[]> {
    @Override
    public NDList processInput(TranslatorContext ctx, Nchw in) {
      return input(ctx, in);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
      return (list.contains("logits") ? list.get("logits") : list.get(0)).toFloatArray();
    }
  }

  /** NCHW float batch in, the {@code sr} output out; input named {@code lr}. */
  private static final class Translator implements NoBatchifyTranslator<Nchw, Nchw> {
    @Override
    public NDList processInput(TranslatorContext ctx, Nchw in) {
      return input(ctx, in);
    }

    @Override
    public Nchw processOutput(TranslatorContext ctx, NDList list) {
      NDArray out = list.contains("sr") ? list.get("sr") : list.get(0);
      long[] s = out.getShape().getShape();
      if (s.length != 4) {
        throw new IllegalStateException(
            "model output has shape " + out.getShape() + ", expected [N,3,sH,sW]");
      }
      return new Nchw(out.toFloatArray(), (int) s[0], (int) s[1], (int) s[2], (int) s[3]);
    }
  }
}
