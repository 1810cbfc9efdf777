package dev.wbsr.pipeline;

/**
 * A rectangle of grid patches that run together on one subnet, with its LR context.
 *
 * @param subnet subnet index, or {@link Assignment#BICUBIC}
 * @param col0 first grid column, {@code cols} wide
 * @param row0 first grid row, {@code rows} high
 * @param x LR core rectangle (the pixels this tile produces), {@code w} x {@code h}
 * @param inX LR input window: the core plus context (see {@link #of})
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

  /** The tile of the {@code side} x {@code side} block of patches at (col0, row0); see below. */
  static Tile of(PatchGrid grid, int subnet, int col0, int row0, int side, int margin) {
    return of(grid, subnet, col0, row0, side, side, margin);
  }

  /**
   * The tile of the {@code blockCols} x {@code blockRows} block of patches at (col0, row0), cut to
   * the grid. Its input window is {@code w + 2 * margin} pixels wide (likewise high; at most the
   * image's size), centred on the block and shifted inward at the image border instead of clipped:
   * all blocks of one size away from the right and bottom edges have the same input shape, so tiles
   * batch together and ONNX Runtime sees few distinct shapes, and each core pixel still has at
   * least {@code margin} pixels of context or the image border (where the network pads exactly as
   * on the whole image).
   */
  static Tile of(
      PatchGrid grid, int subnet, int col0, int row0, int blockCols, int blockRows, int margin) {
    int p = grid.patchSize();
    int cols = Math.min(blockCols, grid.cols() - col0);
    int rows = Math.min(blockRows, grid.rows() - row0);
    int x = col0 * p;
    int y = row0 * p;
    int w = Math.min(grid.width(), (col0 + cols) * p) - x;
    int h = Math.min(grid.height(), (row0 + rows) * p) - y;
    int inW = Math.min(grid.width(), w + 2 * margin);
    int inH = Math.min(grid.height(), h + 2 * margin);
    int inX = Math.max(0, Math.min(x - margin, grid.width() - inW));
    int inY = Math.max(0, Math.min(y - margin, grid.height() - inH));
    return new Tile(subnet, col0, row0, cols, rows, x, y, w, h, inX, inY, inW, inH);
  }

  /** One tile over the whole image, no margin: whole-image inference. */
  static Tile whole(PatchGrid grid, int subnet) {
    return of(grid, subnet, 0, 0, Math.max(grid.cols(), grid.rows()), 0);
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
