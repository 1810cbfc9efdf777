package dev.wbsr.spark;

import dev.wbsr.engine.BundleCheck;
import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.Offline;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.model.ModelBundle;
import java.nio.file.Path;

/**
 * The model of this executor JVM: loaded at the first task that needs it and shared by all the
 * tasks the JVM runs (they run side by side in its task threads), never per image. Closed when the
 * JVM exits.
 *
 * <p>Threads: every inference call runs on one ONNX Runtime thread, and a task runs {@code
 * spark.task.cpus} calls side by side (its pipeline workers), so an executor with {@code C} cores
 * runs at most {@code C} calls at once: the engine keeps {@code C} predictors per subnet and the
 * cores are never oversubscribed.
 */
public final class ExecutorModel {

  /** The loaded bundle and its engine. */
  public record Loaded(ModelBundle bundle, OnnxEngine engine) {}

  private static Loaded loaded;
  private static Path loadedFrom;

  private ExecutorModel() {}

  /**
   * The model at {@code dir}, loading it on first use. {@code cores} is the executor's core count
   * (the most tasks x task cpus that can run at once).
   */
  public static synchronized Loaded get(Path dir, String device, int cores) {
    Path key = dir.toAbsolutePath().normalize();
    if (loaded != null && key.equals(loadedFrom)) {
      return loaded;
    }
    if (loaded != null) {
      loaded.engine().close(); // a JVM reused for another job's model
    }
    Offline.ensure();
    ModelBundle bundle = ModelBundle.load(key);
    OnnxEngine engine =
        OnnxEngine.open(
            bundle, new EngineOptions(DeviceChoice.parse(device), 1, Math.max(1, cores)));
    try {
      BundleCheck.probe(bundle, engine);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    loaded = new Loaded(bundle, engine);
    loadedFrom = key;
    if (loads == 0) {
      Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModel::close, "wbsr-model-close"));
    }
    loads++;
    return loaded;
  }

  /** How many times this JVM loaded a model (1 for a whole job: the test checks it). */
  public static synchronized int loads() {
    return loads;
  }

  private static int loads;

  private static synchronized void close() {
    if (loaded != null) {
      loaded.engine().close();
      loaded = null;
      loadedFrom = null;
    }
  }
}
