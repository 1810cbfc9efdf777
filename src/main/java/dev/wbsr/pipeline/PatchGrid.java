package dev.wbsr.pipeline;

/**
 * The routing grid: non-overlapping {@code patchSize} squares over the LR image from the top-left,
 * numbered row by row; the last column and row may be partial (as in {@code
 * training/wbsr/complexity.py} {@code patch_grid}).
 */
public record PatchGrid(int width, int height, int patchSize) {

  /** One cell of the grid in LR pixels. */
  public record Patch(int index, int col, int row, int x, int y, int w, int h) {
    /** Area relative to a full patch: partial patches count their share of the FLOPs. */
    public double areaFraction(int patchSize) {
      return (double) w * h / ((double) patchSize * patchSize);
    }
  }

  public PatchGrid {
    if (width <= 0 || height <= 0 || patchSize <= 0) {
      throw new IllegalArgumentException("bad grid " + width + "x" + height + " / " + patchSize);
    }
  }

  public int cols() {
    return (width + patchSize - 1) / patchSize;
  }

  public int rows() {
    return (height + patchSize - 1) / patchSize;
  }

  public int size() {
    return cols() * rows();
  }

  public int index(int col, int row) {
    return row * cols() + col;
  }

  public Patch patch(int index) {
    int col = index % cols();
    int row = index / cols();
    int x = col * patchSize;
    int y = row * patchSize;
    return new Patch(
        index, col, row, x, y, Math.min(patchSize, width - x), Math.min(patchSize, height - y));
  }

  /** The patch under LR pixel (x, y). */
  public int indexAt(int x, int y) {
    return index(x / patchSize, y / patchSize);
  }
}
