package dev.wbsr.pipeline;

import java.util.Locale;

/**
 * The Java heap the app needs to upscale one photo, estimated before anything starts, so that a
 * photo that cannot fit is refused with a sentence instead of failing with "out of memory" halfway
 * (issue 15). Counted: the decoded photo (3 bytes per pixel; in Evaluate mode also its ground-truth
 * crop and the downscaled input), one full-size result (3 s<sup>2</sup> bytes per input pixel: the
 * view the session renders into) and the app itself. A second full-size variant (comparing, Measure
 * Quality) needs another result's worth; the patch cache gets what is left ({@link #cacheRoom}).
 *
 * @param width the photo's width in pixels
 * @param height the photo's height in pixels
 * @param scale the upscaling factor
 * @param bytes the estimate
 */
public record HeapNeed(int width, int height, int scale, long bytes) {

  /**
   * The app without a photo (window, bundles, engine objects, viewer buffers). Measured: 216 MB of
   * live heap after a 12-megapixel x2 upscale, of which 180 MB are the photo and its result
   * (bench/app-memory.sh, the class histogram): about 36 MB; with room for the viewer's and the
   * workers' buffers.
   */
  public static final long APP_BYTES = 64L << 20;

  /** What the app needs to show the photo upscaled by {@code scale} (Evaluate mode or not). */
  public static HeapNeed forApp(int width, int height, int scale, boolean evaluate) {
    long px = (long) width * height;
    long photo = px * 3;
    long inputs = evaluate ? photo + photo + photo / ((long) scale * scale) : photo;
    long result = evaluate ? photo : photo * scale * scale;
    return new HeapNeed(width, height, scale, APP_BYTES + inputs + result);
  }

  /** The part of a heap limit that can hold data: G1 needs free regions to work in. */
  public static long usable(long maxHeap) {
    return maxHeap - maxHeap / 8;
  }

  public boolean fitsIn(long maxHeap) {
    return bytes <= usable(maxHeap);
  }

  /**
   * Bytes the patch cache may take, at most {@code wanted}: what the heap has left once the photo,
   * its result and room for one more full-size variant are counted (0 when nothing is left).
   */
  public long cacheRoom(long maxHeap, long wanted) {
    long oneMore = (long) width * height * 3 * scale * scale;
    return Math.max(0, Math.min(wanted, usable(maxHeap) - bytes - oneMore));
  }

  /** The refusal, in plain words: how big the photo is, what it would need, and what to do. */
  public String refusal(String name, long maxHeap) {
    long gb = (bytes * 8 / 7 + (256L << 20) + (1L << 30) - 1) >> 30; // usable share + margin
    return String.format(
        Locale.ROOT,
        "%s is too large to upscale ×%d here: %d × %d pixels (%.0f megapixels) need about %s of"
            + " memory, and this app may use %s. Start the app with more memory (for example"
            + " java -Xmx%dg -jar wbsr.jar; for the installed app, set JAVA_TOOL_OPTIONS=-Xmx%dg"
            + " before starting it), or open a smaller copy of the photo.",
        name,
        scale,
        width,
        height,
        width * (double) height / 1e6,
        size(bytes),
        size(usable(maxHeap)),
        gb,
        gb);
  }

  private static String size(long b) {
    return b >= 1L << 30
        ? String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MB", b >> 20);
  }
}
