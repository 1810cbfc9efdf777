package dev.wbsr.engine;

/**
 * How an engine runs.
 *
 * @param device where to run
 * @param intraOpThreads ONNX Runtime threads per inference call
 * @param predictors predictors per subnet, i.e. how many calls on one subnet may run at once (one
 *     per pipeline worker)
 */
public record EngineOptions(DeviceChoice device, int intraOpThreads, int predictors) {

  public EngineOptions {
    if (intraOpThreads < 1 || predictors < 1) {
      throw new IllegalArgumentException("threads and predictors must be at least 1");
    }
  }

  /** Defaults for this machine: all cores to one call at a time. */
  public static EngineOptions defaults(DeviceChoice device) {
    return new EngineOptions(device, Runtime.getRuntime().availableProcessors(), 1);
  }
}
