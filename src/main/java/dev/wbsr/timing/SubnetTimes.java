package dev.wbsr.timing;

import dev.wbsr.pipeline.RoutingCost;
import java.util.List;

/**
 * What one lone patch costs on each subnet of a bundle on one machine, measured.
 *
 * @param machine what the figures hold for (see {@link MachineKey}); a cached entry is only used on
 *     the machine it was measured on
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

  /** These times as WBSR's routing cost (front and budget over time). */
  public RoutingCost.Time routingCost() {
    return new RoutingCost.Time(secondsPerPatch);
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
