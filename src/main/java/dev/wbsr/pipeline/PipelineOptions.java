package dev.wbsr.pipeline;

import java.util.OptionalInt;

/**
 * How the patch pipeline runs.
 *
 * @param margin LR context pixels around every tile; empty = {@link #DEFAULT_MARGIN} (or the
 *     subnet's receptive field, if smaller)
 * @param maxTileSide longest tile side, in patches (tiles grow over same-subnet areas up to this)
 * @param maxCallFlops work of one inference call (tile or batch), in FLOPs including margins:
 *     bounds how long a call runs (default 12 GFLOPs, about half a second on one core here), hence
 *     how soon a new render starts after the previous one was cancelled
 * @param maxCallPixels LR input pixels of one inference call, margins included: bounds the native
 *     memory of a call (activations grow with it, at x4 by 16 per LR pixel and channel)
 * @param workers threads that run batches (default: one per core; the engine needs as many
 *     predictors per subnet)
 * @param cacheBytes memory for patch outputs of subnets not currently shown (0 = no cache)
 */
public record PipelineOptions(
    OptionalInt margin,
    int maxTileSide,
    double maxCallFlops,
    long maxCallPixels,
    int workers,
    long cacheBytes) {

  /**
   * Default LR context per tile side (or the subnet's receptive field, if smaller). Measured with
   * {@code wbsr bench --margins 0,1,2,3,4,6,8,12,16 assets/samples/coffee.png} on the wbsr-x2
   * supernet after 660 of its 4000 training steps, every patch its own tile (the worst case for
   * seams): margin 0 gives 45.7 dB against whole-image inference, 2 gives 58.4 dB (at most 16
   * levels off, at a few seam pixels) for 1.27x the FLOPs of a lone patch, 4 gives 68.8 dB for
   * 1.58x. The README has the figures for the shipped bundles.
   */
  public static final int DEFAULT_MARGIN = 2;

  /** Context of bicubic tiles: the kernel reaches 2 LR pixels; with 3 the tiles stitch exactly. */
  public static final int BICUBIC_MARGIN = 3;

  public PipelineOptions {
    if (maxTileSide < 1
        || workers < 1
        || cacheBytes < 0
        || !(maxCallFlops > 0)
        || maxCallPixels < 1) {
      throw new IllegalArgumentException("bad pipeline options");
    }
    margin.ifPresent(
        m -> {
          if (m < 0) {
            throw new IllegalArgumentException("margin must not be negative");
          }
        });
  }

  /** Interactive use (the app): a cache of a quarter of the heap, at most 1 GiB. */
  public static PipelineOptions interactive() {
    long cache = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
    return new PipelineOptions(
        OptionalInt.empty(), 8, 12e9, 512 * 512, Runtime.getRuntime().availableProcessors(), cache);
  }

  /** One-shot use (CLI, bench, eval): no cache. */
  public static PipelineOptions batch() {
    return interactive().withCacheBytes(0);
  }

  public PipelineOptions withMargin(int m) {
    return new PipelineOptions(
        OptionalInt.of(m), maxTileSide, maxCallFlops, maxCallPixels, workers, cacheBytes);
  }

  public PipelineOptions withCacheBytes(long bytes) {
    return new PipelineOptions(margin, maxTileSide, maxCallFlops, maxCallPixels, workers, bytes);
  }

  public PipelineOptions withWorkers(int n) {
    return new PipelineOptions(margin, maxTileSide, maxCallFlops, maxCallPixels, n, cacheBytes);
  }

  public PipelineOptions withMaxTileSide(int side) {
    return new PipelineOptions(margin, side, maxCallFlops, maxCallPixels, workers, cacheBytes);
  }

  public PipelineOptions withMaxCallFlops(double flops) {
    return new PipelineOptions(margin, maxTileSide, flops, maxCallPixels, workers, cacheBytes);
  }
}
