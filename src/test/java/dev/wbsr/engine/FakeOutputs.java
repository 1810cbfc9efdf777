package dev.wbsr.engine;

/** Deterministic stand-ins for network outputs, shared by the test engines of several packages. */
public final class FakeOutputs {
  private FakeOutputs() {}

  /** Nearest-neighbour enlargement by {@code scale}, plus {@code offset} so subnets differ. */
  public static Nchw nearest(Nchw in, int scale, float offset) {
    int oh = in.h() * scale;
    int ow = in.w() * scale;
    float[] out = new float[in.n() * 3 * oh * ow];
    for (int n = 0; n < in.n() * 3; n++) {
      for (int y = 0; y < oh; y++) {
        for (int x = 0; x < ow; x++) {
          out[(n * oh + y) * ow + x] =
              in.data()[(n * in.h() + y / scale) * in.w() + x / scale] + offset;
        }
      }
    }
    return new Nchw(out, in.n(), 3, oh, ow);
  }

  /**
   * A ClassSR classifier over three branches: the patch's mean value in thirds picks one (logit 1).
   */
  public static float[] brightnessThirds(Nchw in) {
    int per = 3 * in.h() * in.w();
    float[] logits = new float[in.n() * 3];
    for (int n = 0; n < in.n(); n++) {
      double sum = 0;
      for (int i = 0; i < per; i++) {
        sum += in.data()[n * per + i];
      }
      logits[n * 3 + Math.min(2, (int) (sum / per * 3))] = 1;
    }
    return logits;
  }
}
