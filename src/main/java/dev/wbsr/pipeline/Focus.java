package dev.wbsr.pipeline;

/**
 * The part of the SR image the user is looking at, in output pixels: a render computes the tiles
 * that touch it first, so a budget change shows where the user looks before the rest is done (issue
 * 15). It may reach past the image's edges (a viewport panned beyond them); only the overlap
 * counts.
 */
public record Focus(int x, int y, int width, int height) {

  public Focus {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("focus size must not be negative");
    }
  }

  /**
   * Whether this focus overlaps the SR pixels of LR rectangle (lx, ly, lw, lh) at {@code scale}.
   */
  boolean touchesLr(int lx, int ly, int lw, int lh, int scale) {
    long x0 = (long) lx * scale;
    long y0 = (long) ly * scale;
    long x1 = x0 + (long) lw * scale;
    long y1 = y0 + (long) lh * scale;
    return x0 < (long) x + width && x < x1 && y0 < (long) y + height && y < y1;
  }
}
