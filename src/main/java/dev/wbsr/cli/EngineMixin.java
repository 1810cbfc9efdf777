package dev.wbsr.cli;

import dev.wbsr.engine.BundleCheck;
import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that runs a model shares: bundle, device, threads, margin. */
final class EngineMixin {

  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description =
          "Bundle name under models/ or a bundle folder (default: wbsr-x2 or the first x2 bundle).")
  String model;

  @Option(
      names = "--models-dir",
      paramLabel = "DIR",
      description = "Also look for bundles in this folder.")
  Path modelsDir;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "auto",
      description =
          "auto, cpu or gpu (CUDA; falls back to CPU with a warning). Default: ${DEFAULT-VALUE}.")
  String device;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "ONNX Runtime threads per inference call (default: 1).")
  Integer threads;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Inference calls running side by side (default: one per core).")
  Integer workers;

  @Option(
      names = "--margin",
      paramLabel = "PX",
      description = "LR context pixels around each tile (default: 1; see wbsr bench --margins).")
  Integer margin;

  BundleLocator locator() {
    List<Path> roots = new ArrayList<>();
    if (modelsDir != null) {
      roots.add(modelsDir.toAbsolutePath().normalize());
    }
    roots.addAll(BundleLocator.defaultRoots());
    return new BundleLocator(roots);
  }

  ModelBundle bundle() {
    return locator().resolve(model);
  }

  OnnxEngine engine(ModelBundle bundle) {
    OnnxEngine e = rawEngine(bundle);
    try {
      // a bundle whose networks do not match its manifest fails here, in one sentence
      BundleCheck.probe(bundle, e);
    } catch (RuntimeException ex) {
      e.close();
      throw ex;
    }
    return e;
  }

  /** The engine without the load-time probe ({@code info --check} runs the full check). */
  OnnxEngine rawEngine(ModelBundle bundle) {
    EngineOptions defaults = EngineOptions.defaults(deviceChoice());
    int n = workers == null ? defaults.predictors() : workers;
    return OnnxEngine.open(
        bundle,
        new EngineOptions(
            defaults.device(), threads == null ? defaults.intraOpThreads() : threads, n));
  }

  DeviceChoice deviceChoice() {
    return DeviceChoice.parse(device);
  }

  PipelineOptions pipeline() {
    PipelineOptions o = PipelineOptions.batch();
    if (workers != null) {
      o = o.withWorkers(workers);
    }
    return margin == null ? o : o.withMargin(margin);
  }
}
