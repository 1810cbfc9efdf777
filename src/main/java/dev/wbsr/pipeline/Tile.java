package dev.wbsr.pipeline;

/**
 * A rectangle of grid patches that run together on one subnet, with its LR context.
 *
 * @param subnet subnet index, or {@link Assignment#BICUBIC}
 * @param col0 first grid column, {@code cols} wide
 * @param row0 first grid row, {@code rows} high
 * @param x LR core rectangle (the pixels this tile produces), {@code w} x {@code h}
 * @param inX LR input rectangle: the core plus up to {@code margin} pixels of context on each side,
 *     clipped to the image (at the image border the network's own padding applies, exactly as in
 *     whole-image inference)
 */
public record Tile(
    int subnet,
    int col0,
    int row0,
    int cols,
    int rows,
    int x,
    int y,
    int w,
    int h,
    int inX,
    int inY,
    int inW,
    int inH) {

  static Tile of(PatchGrid grid, int subnet, int col0, int row0, int cols, int rows, int margin) {
    int p = grid.patchSize();
    int x = col0 * p;
    int y = row0 * p;
    int x1 = Math.min(grid.width(), (col0 + cols) * p);
    int y1 = Math.min(grid.height(), (row0 + rows) * p);
    int ix = Math.max(0, x - margin);
    int iy = Math.max(0, y - margin);
    int ix1 = Math.min(grid.width(), x1 + margin);
    int iy1 = Math.min(grid.height(), y1 + margin);
    return new Tile(subnet, col0, row0, cols, rows, x, y, x1 - x, y1 - y, ix, iy, ix1 - ix, iy1 - iy);
  }

  /** Patch indices covered, row-major. */
  public int[] patches(PatchGrid grid) {
    int[] out = new int[cols * rows];
    int i = 0;
    for (int r = row0; r < row0 + rows; r++) {
      for (int c = col0; c < col0 + cols; c++) {
        out[i++] = grid.index(c, r);
      }
    }
    return out;
  }

  /** LR input pixels, margins included: what the executed FLOPs scale with. */
  public long inputPixels() {
    return (long) inW * inH;
  }
}
