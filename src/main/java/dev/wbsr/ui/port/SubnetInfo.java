package dev.wbsr.ui.port;

/** One subnet of a bundle, sorted by cost; FLOPs for one LR patch (paper convention). */
public record SubnetInfo(int id, String name, double flopsPerPatch, long params) {

  public double gflopsPerPatch() {
    return flopsPerPatch / 1e9;
  }
}
