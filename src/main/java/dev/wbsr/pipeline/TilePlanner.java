package dev.wbsr.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Covers the patches to compute with square, aligned blocks of patches that share a subnet (a
 * quadtree cover): for side T = the largest power of two allowed, then T/2, ... 1, every T-aligned
 * T x T block whose patches (inside the grid) all still need that subnet becomes a tile. Large
 * same-subnet areas become large tiles, so the context margins cost little; isolated patches become
 * 1x1 tiles; and there are only a few tile shapes per subnet, so tiles batch well.
 */
final class TilePlanner {

  private TilePlanner() {}

  /**
   * @param subnets target subnet per patch
   * @param todo which patches to compute
   * @param maxSide largest tile side in patches, per subnet index + 1 (index 0 = bicubic); rounded
   *     down to a power of two
   * @param margin LR context per side, per subnet index + 1
   */
  static List<Tile> plan(
      PatchGrid grid, int[] subnets, boolean[] todo, int[] maxSide, int[] margin) {
    boolean[] taken = new boolean[grid.size()];
    List<Tile> tiles = new ArrayList<>();
    int largest = 1;
    for (int s : maxSide) {
      largest = Math.max(largest, Integer.highestOneBit(Math.max(1, s)));
    }
    for (int side = largest; side >= 1; side /= 2) {
      for (int r = 0; r < grid.rows(); r += side) {
        for (int c = 0; c < grid.cols(); c += side) {
          int first = grid.index(c, r);
          if (!todo[first] || taken[first]) {
            continue;
          }
          int s = subnets[first];
          if (Integer.highestOneBit(Math.max(1, maxSide[s + 1])) < side
              || !uniform(grid, subnets, todo, taken, c, r, side, s)) {
            continue;
          }
          for (int rr = r; rr < Math.min(grid.rows(), r + side); rr++) {
            for (int cc = c; cc < Math.min(grid.cols(), c + side); cc++) {
              taken[grid.index(cc, rr)] = true;
            }
          }
          tiles.add(Tile.of(grid, s, c, r, side, margin[s + 1]));
        }
      }
    }
    tiles.sort(
        (a, b) ->
            a.row0() != b.row0()
                ? Integer.compare(a.row0(), b.row0())
                : Integer.compare(a.col0(), b.col0()));
    return tiles;
  }

  /** Whether every patch of the block (inside the grid) still needs subnet s. */
  private static boolean uniform(
      PatchGrid g, int[] subnets, boolean[] todo, boolean[] taken, int c, int r, int side, int s) {
    for (int rr = r; rr < Math.min(g.rows(), r + side); rr++) {
      for (int cc = c; cc < Math.min(g.cols(), c + side); cc++) {
        int i = g.index(cc, rr);
        if (!todo[i] || taken[i] || subnets[i] != s) {
          return false;
        }
      }
    }
    return true;
  }
}
