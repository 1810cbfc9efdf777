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

  /**
   * Defaults for the patch pipeline: one ONNX Runtime thread per call and one predictor per core,
   * so that {@code cores} pipeline workers run calls side by side (measured faster on 2 cores than
   * one call at a time on 2 threads, because many calls are small).
   */
  public static EngineOptions defaults(DeviceChoice device) {
    return new EngineOptions(device, 1, Runtime.getRuntime().availableProcessors());
  }

  /** For one large call at a time (whole-image inference): all cores inside the call. */
  public static EngineOptions singleCall(DeviceChoice device) {
    return new EngineOptions(device, Runtime.getRuntime().availableProcessors(), 1);
  }
}
