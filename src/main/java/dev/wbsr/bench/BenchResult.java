package dev.wbsr.bench;

import java.util.List;

/**
 * Timing of one mode on one image.
 *
 * @param seconds every timed run (the warm-up excluded)
 * @param medianSeconds median of {@code seconds}
 * @param medianCpuSeconds median CPU time of the process per run (all threads): less sensitive than
 *     wall time to other jobs on the machine
 * @param outputMegapixelsPerSecond output pixels / median time
 * @param gflops paper-convention GFLOPs (per-patch FLOPs of the chosen subnets)
 * @param gflopsExecuted GFLOPs actually executed, context margins included
 * @param gflopsSupernet paper-convention GFLOPs of the supernet on this image
 * @param peakHeapMb peak heap during the runs (sum of the heap pools' peaks, an upper bound)
 * @param error why the mode could not run (e.g. out of memory), else null
 */
public record BenchResult(
    String mode,
    List<Double> seconds,
    double medianSeconds,
    double medianCpuSeconds,
    double outputMegapixelsPerSecond,
    double gflops,
    double gflopsExecuted,
    double gflopsSupernet,
    double peakHeapMb,
    String error) {

  public double flopsRatio() {
    return gflops / gflopsSupernet;
  }

  public double executedFlopsRatio() {
    return gflopsExecuted / gflopsSupernet;
  }
}
