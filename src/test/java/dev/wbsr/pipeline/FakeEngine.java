package dev.wbsr.pipeline;

import dev.wbsr.engine.FakeOutputs;
import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deterministic stand-in network: every output pixel is the 3x3 mean of the LR pixel under it
 * (zero padding, as a conv layer pads) plus a per-subnet offset, so it has a receptive field of one
 * LR pixel and tiles with a margin of at least 1 must stitch to exactly the whole-image output.
 */
final class FakeEngine implements SrEngine {

  record Call(int subnet, int n, int h, int w) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final int scale;
  private final int subnets;
  private final long delayMillis;

  FakeEngine(int scale, int subnets, long delayMillis) {
    this.scale = scale;
    this.subnets = subnets;
    this.delayMillis = delayMillis;
  }

  @Override
  public int scale() {
    return scale;
  }

  @Override
  public int subnetCount() {
    return subnets;
  }

  @Override
  public String device() {
    return "fake";
  }

  static float offset(int subnet) {
    return 0.02f * (subnet + 1);
  }

  @Override
  public Nchw run(int subnet, Nchw in) {
    calls.add(new Call(subnet, in.n(), in.h(), in.w()));
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    int h = in.h();
    int w = in.w();
    int oh = h * scale;
    int ow = w * scale;
    float[] out = new float[in.n() * 3 * oh * ow];
    float[] src = in.data();
    for (int n = 0; n < in.n(); n++) {
      for (int c = 0; c < 3; c++) {
        int ib = (n * 3 + c) * h * w;
        int ob = (n * 3 + c) * oh * ow;
        float[] mean = new float[h * w];
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            float s = 0;
            for (int dy = -1; dy <= 1; dy++) {
              for (int dx = -1; dx <= 1; dx++) {
                int yy = y + dy;
                int xx = x + dx;
                if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                  s += src[ib + yy * w + xx];
                }
              }
            }
            mean[y * w + x] = s / 9f + offset(subnet);
          }
        }
        for (int y = 0; y < oh; y++) {
          for (int x = 0; x < ow; x++) {
            out[ob + y * ow + x] = mean[(y / scale) * w + x / scale];
          }
        }
      }
    }
    return new Nchw(out, in.n(), 3, oh, ow);
  }

  /** Three branches: the patch's mean value in thirds picks the branch (logit 1, others 0). */
  @Override
  public float[] classify(Nchw in) {
    return FakeOutputs.brightnessThirds(in);
  }

  int patchesComputed(int patchSize) {
    return calls.stream().mapToInt(c -> c.n()).sum();
  }

  @Override
  public void close() {}
}
