package dev.wbsr.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Covers the patches to compute with rectangles of patches that share a subnet. Every tile runs
 * with a context margin, and a lone 32x32 patch with 1 px of context computes (34/32)^2 = 1.13x its
 * pixels, so merging neighbours of one subnet into larger tiles is what keeps the margins cheap.
 *
 * <p>The cover is greedy, row-major: the first patch not yet covered is the top-left corner of the
 * next tile; of the rectangles of still-uncovered patches of its subnet that start there (at most
 * {@code maxSide} patches a side), the one whose input window wastes the least (core pixels / input
 * pixels, margins included) is taken. Any rectangle may be chosen, not just aligned power-of-two
 * squares: on WBSR routings this covers the sample photos with about 2% fewer input pixels than a
 * quadtree cover (README, Performance), at the cost of more distinct tile shapes (each shape is its
 * own inference call; same-shape tiles still batch).
 */
final class TilePlanner {

  private TilePlanner() {}

  /**
   * @param subnets target subnet per patch
   * @param todo which patches to compute
   * @param maxSide longest tile side in patches, per subnet index + 1 (index 0 = bicubic)
   * @param margin LR context per side, per subnet index + 1
   * @return the tiles, row-major by their top-left patch; together they cover every patch to
   *     compute exactly once
   */
  static List<Tile> plan(
      PatchGrid grid, int[] subnets, boolean[] todo, int[] maxSide, int[] margin) {
    boolean[] taken = new boolean[grid.size()];
    List<Tile> tiles = new ArrayList<>();
    for (int r = 0; r < grid.rows(); r++) {
      for (int c = 0; c < grid.cols(); c++) {
        int first = grid.index(c, r);
        if (!todo[first] || taken[first]) {
          continue;
        }
        Tile best = best(grid, subnets, todo, taken, c, r, maxSide, margin);
        for (int rr = r; rr < r + best.rows(); rr++) {
          for (int cc = c; cc < c + best.cols(); cc++) {
            taken[grid.index(cc, rr)] = true;
          }
        }
        tiles.add(best);
      }
    }
    return tiles;
  }

  /**
   * The most efficient tile with its top-left patch at (c, r): for each height, the widest run of
   * free patches of the subnet (no wider than the rows above it), scored by core / input pixels.
   */
  private static Tile best(
      PatchGrid grid,
      int[] subnets,
      boolean[] todo,
      boolean[] taken,
      int c,
      int r,
      int[] maxSide,
      int[] margin) {
    int s = subnets[grid.index(c, r)];
    int limit = Math.max(1, maxSide[s + 1]);
    int m = margin[s + 1];
    Tile best = null;
    double bestEfficiency = -1;
    int widest = limit;
    for (int rows = 1; rows <= limit && r + rows <= grid.rows(); rows++) {
      int run = 0;
      while (run < widest && c + run < grid.cols()) {
        int i = grid.index(c + run, r + rows - 1);
        if (!todo[i] || taken[i] || subnets[i] != s) {
          break;
        }
        run++;
      }
      if (run == 0) {
        break;
      }
      widest = run;
      Tile t = Tile.of(grid, s, c, r, run, rows, m);
      double efficiency = (double) t.w() * t.h() / t.inputPixels();
      if (efficiency > bestEfficiency + 1e-12) {
        bestEfficiency = efficiency;
        best = t;
      }
    }
    return best;
  }
}
