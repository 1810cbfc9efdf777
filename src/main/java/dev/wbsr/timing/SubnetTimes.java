package dev.wbsr.timing;

import java.util.List;

/**
 * What one lone patch costs on each subnet of a bundle on one machine, measured.
 *
 * @param machine what the figures hold for (see {@link MachineKey}); a cached entry is only used
 *     on the machine it was measured on
 * @param bundle the bundle's name and the hash of its manifest
 * @param secondsPerPatch per subnet id: wall seconds of one 32x32 patch with the pipeline's context
 *     margin, in a batch of lone patches on one ONNX Runtime thread
 */
public record SubnetTimes(String machine, String bundle, List<Double> secondsPerPatch) {

  public SubnetTimes {
    secondsPerPatch = List.copyOf(secondsPerPatch);
    if (secondsPerPatch.isEmpty()) {
      throw new IllegalArgumentException("no subnet times");
    }
    for (double s : secondsPerPatch) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("subnet times must be positive, got " + s);
      }
    }
  }

  /**
   * The cost vector for budget routing: seconds per patch, made non-decreasing in subnet id (a
   * subnet listed after a faster one costs at least as much), since the budget rule relies on
   * cost growing with subnet index. Where timing puts a costlier-in-FLOPs subnet below a cheaper
   * one, the two are within measurement noise or the cheaper one is slow for its FLOPs (width 24):
   * charging the later one the earlier one's time keeps the rule's monotone guarantee.
   */
  public double[] monotoneCosts() {
    double[] c = new double[secondsPerPatch.size()];
    double running = 0;
    for (int i = 0; i < c.length; i++) {
      running = Math.max(running, secondsPerPatch.get(i));
      c[i] = running;
    }
    return c;
  }

  /** Each subnet's time over the supernet's ({@code supernet} = its id). */
  public double[] relativeTo(int supernet) {
    double[] r = new double[secondsPerPatch.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = secondsPerPatch.get(i) / secondsPerPatch.get(supernet);
    }
    return r;
  }
}
