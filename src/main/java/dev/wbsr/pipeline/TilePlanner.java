package dev.wbsr.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Covers the patches to compute with rectangles of patches that share a subnet: greedy, top-left
 * first, each rectangle grown right then down, up to a side limit per subnet. Large same-subnet
 * areas become large tiles, so the context margins cost little; isolated patches become 1x1 tiles.
 */
final class TilePlanner {

  private TilePlanner() {}

  /**
   * @param subnets target subnet per patch
   * @param todo which patches to compute
   * @param maxSide longest tile side in patches, per subnet index + 1 (index 0 = bicubic)
   * @param margin LR context per side, per subnet index + 1
   */
  static List<Tile> plan(PatchGrid grid, int[] subnets, boolean[] todo, int[] maxSide, int[] margin) {
    int cols = grid.cols();
    int rows = grid.rows();
    boolean[] taken = new boolean[grid.size()];
    List<Tile> tiles = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = grid.index(c, r);
        if (!todo[i] || taken[i]) {
          continue;
        }
        int s = subnets[i];
        int limit = maxSide[s + 1];
        int w = 1;
        while (w < limit && c + w < cols && free(grid, subnets, todo, taken, c + w, r, s)) {
          w++;
        }
        int h = 1;
        while (h < limit && r + h < rows && rowFree(grid, subnets, todo, taken, c, w, r + h, s)) {
          h++;
        }
        for (int rr = r; rr < r + h; rr++) {
          for (int cc = c; cc < c + w; cc++) {
            taken[grid.index(cc, rr)] = true;
          }
        }
        tiles.add(Tile.of(grid, s, c, r, w, h, margin[s + 1]));
      }
    }
    return tiles;
  }

  private static boolean rowFree(PatchGrid g, int[] subnets, boolean[] todo, boolean[] taken, int c, int w, int r, int s) {
    for (int cc = c; cc < c + w; cc++) {
      if (!free(g, subnets, todo, taken, cc, r, s)) {
        return false;
      }
    }
    return true;
  }

  private static boolean free(PatchGrid g, int[] subnets, boolean[] todo, boolean[] taken, int c, int r, int s) {
    int i = g.index(c, r);
    return todo[i] && !taken[i] && subnets[i] == s;
  }
}
