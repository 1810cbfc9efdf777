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
   * Default LR context per tile side (or the subnet's receptive field, if smaller). Measured on
   * wbsr-x2 with the two sample photos, WBSR routing (mostly lone 32x32 patches, the worst case for
   * seams) against the ideal composite of whole-image outputs: margin 0 gives 45.5-50.3 dB with up
   * to 0.48% of samples off by more than 8 levels; 1 gives 51.4-55.4 dB, 0.08%; 2 gives 57-60 dB,
   * 0.004%; 4 gives 66-68 dB. A lone patch costs (32 + 2m)^2 / 32^2 of its FLOPs: 1.13x at m = 1,
   * 1.27x at m = 2. Margin 1 keeps seams invisible and WBSR's time ratio within 0.1 of its FLOPs
   * ratio; {@code --margin 2} buys more fidelity (README, Performance).
   */
  public static final int DEFAULT_MARGIN = 1;

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

  /** LR context of subnet {@code s}: the option if set, else its receptive field capped. */
  public int marginOf(dev.wbsr.model.Manifest manifest, int s) {
    return margin.orElse(Math.min(manifest.receptiveField(s), DEFAULT_MARGIN));
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
