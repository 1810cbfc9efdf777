package dev.wbsr.pipeline;

/**
 * What one render did.
 *
 * @param patches patches in the image
 * @param computed patches run through a network (or bicubic) in this render
 * @param restored patches copied back from the cache
 * @param unchanged patches already showing their target subnet
 * @param calls inference calls (batches)
 * @param executedFlops FLOPs of the calls this render made, context margins included
 * @param seconds wall time of the render
 * @param device where inference ran
 */
public record RenderStats(
    int patches,
    int computed,
    int restored,
    int unchanged,
    int tiles,
    int calls,
    double executedFlops,
    double seconds,
    String device) {}
