package dev.wbsr.engine;

/** Runs the subnets of one model bundle. Implementations are thread-safe. */
public interface SrEngine extends AutoCloseable {

  /** Upscaling factor s: an [N,3,H,W] input gives [N,3,sH,sW]. */
  int scale();

  int subnetCount();

  /** Where inference runs, for every report: {@code cpu} or {@code cuda:0}. */
  String device();

  /**
   * Runs subnet {@code subnet} on {@code input} ([N,3,H,W], RGB in [0, 1]) and returns the
   * unclamped output ([N,3,sH,sW]).
   */
  Nchw run(int subnet, Nchw input);

  /**
   * ClassSR bundles only: the classifier's logits for a batch of 32x32 patches ([N,3,32,32], RGB in
   * [0, 1]), row-major [N][branches].
   */
  default float[] classify(Nchw patches) {
    throw new UnsupportedOperationException("this model has no classifier");
  }

  @Override
  void close();
}
