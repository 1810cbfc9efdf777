package dev.wbsr.ui.port;

/**
 * The LR patch grid of one image: row-major per-patch complexity scores and classes (1..K).
 * Patches at the right and bottom border may be partial.
 */
public record PatchGrid(
    int cols, int rows, int patchSize, int scale, int numClasses, double[] scores, int[] classes) {

  public int count() {
    return cols * rows;
  }

  public int index(int col, int row) {
    return row * cols + col;
  }

  /** Patch under an output (SR) pixel, or -1 outside the grid. */
  public int patchAtOutput(double x, double y) {
    int side = patchSize * scale;
    int c = (int) Math.floor(x / side);
    int r = (int) Math.floor(y / side);
    return c < 0 || r < 0 || c >= cols || r >= rows ? -1 : index(c, r);
  }
}
