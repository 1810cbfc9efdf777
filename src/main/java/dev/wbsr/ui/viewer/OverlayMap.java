package dev.wbsr.ui.viewer;

/**
 * A per-patch colour map over the output image: one 0xRRGGBB per patch of {@code side} output
 * pixels ({@code -1} = transparent).
 */
public record OverlayMap(int cols, int rows, int side, int[] colors) {

  public int colorAt(int x, int y) {
    int c = x / side;
    int r = y / side;
    return c >= cols || r >= rows ? -1 : colors[r * cols + c];
  }
}
