package dev.wbsr.timing;

import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.model.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times every subnet of a bundle on the engine it will run on: a batch of lone patches with the
 * pipeline's context margin (what WBSR routing mostly runs), one warm-up call and then the fastest
 * of a few calls, so that a moment of load from elsewhere does not stick in the figure. About a
 * tenth of a second per subnet on two cores.
 */
public final class SubnetTimer {

  /** Lone patches per timed call. */
  static final int TILES = 8;

  /** Timed calls per subnet, after one warm-up. */
  static final int CALLS = 3;

  private SubnetTimer() {}

  /**
   * @param margin LR context per tile side, per subnet id (the pipeline's margins)
   */
  public static SubnetTimes measure(
      Manifest manifest, SrEngine engine, int[] margin, String machine, String bundle) {
    List<Double> perPatch = new ArrayList<>();
    for (var spec : manifest.subnets()) {
      int side = manifest.patchSize() + 2 * margin[spec.id()];
      Nchw input = input(TILES, side);
      engine.run(spec.id(), input);
      long best = Long.MAX_VALUE;
      for (int c = 0; c < CALLS; c++) {
        long t0 = System.nanoTime();
        engine.run(spec.id(), input);
        best = Math.min(best, System.nanoTime() - t0);
      }
      // a clock that did not move (a fake engine, a coarse timer) still yields a usable cost
      perPatch.add(Math.max(best, 1L) / 1e9 / TILES);
    }
    return new SubnetTimes(machine, bundle, perPatch);
  }

  private static Nchw input(int n, int side) {
    Random r = new Random(17);
    float[] data = new float[n * 3 * side * side];
    for (int i = 0; i < data.length; i++) {
      data[i] = r.nextFloat();
    }
    return new Nchw(data, n, 3, side, side);
  }
}
