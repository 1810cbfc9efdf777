package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TilePlannerTest {

  @Test
  void coversEveryPatchToComputeOnceWithUniformSubnetsAndEnoughContext() {
    Random rnd = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      PatchGrid grid = new PatchGrid(1 + rnd.nextInt(600), 1 + rnd.nextInt(400), 32);
      int[] subnets = new int[grid.size()];
      boolean[] todo = new boolean[grid.size()];
      int blob = 1 + rnd.nextInt(4);
      for (int i = 0; i < grid.size(); i++) {
        PatchGrid.Patch p = grid.patch(i);
        subnets[i] = ((p.col() / blob + p.row() / blob) % 3) - (rnd.nextInt(10) == 0 ? 1 : 0);
        todo[i] = rnd.nextInt(5) != 0;
      }
      int margin = rnd.nextInt(10);
      int[] sides = {4, 8, 2, 1};
      int[] margins = {3, margin, margin, margin};
      List<Tile> tiles = TilePlanner.plan(grid, subnets, todo, sides, margins);

      int[] covered = new int[grid.size()];
      for (Tile t : tiles) {
        int side = Math.max(t.cols(), t.rows());
        assertThat(Integer.bitCount(Integer.highestOneBit(side))).isEqualTo(1);
        assertThat(t.col0() % Integer.highestOneBit(Math.max(t.cols(), t.rows()))).isZero();
        for (int p : t.patches(grid)) {
          covered[p]++;
          assertThat(subnets[p]).isEqualTo(t.subnet());
        }
        int m = margins[t.subnet() + 1];
        assertThat(t.inX()).isGreaterThanOrEqualTo(0);
        assertThat(t.inX() + t.inW()).isLessThanOrEqualTo(grid.width());
        assertThat(t.x() - t.inX()).isGreaterThanOrEqualTo(Math.min(m, t.x()));
        assertThat(t.inX() + t.inW() - (t.x() + t.w()))
            .isGreaterThanOrEqualTo(Math.min(m, grid.width() - t.x() - t.w()));
        assertThat(t.y() - t.inY()).isGreaterThanOrEqualTo(Math.min(m, t.y()));
        assertThat(t.inY() + t.inH() - (t.y() + t.h()))
            .isGreaterThanOrEqualTo(Math.min(m, grid.height() - t.y() - t.h()));
      }
      for (int i = 0; i < grid.size(); i++) {
        assertThat(covered[i]).as("patch %d", i).isEqualTo(todo[i] ? 1 : 0);
      }
    }
  }

  @Test
  void aUniformImageUsesFewLargeTilesOfOneShape() {
    PatchGrid grid = new PatchGrid(1024, 768, 32); // 32 x 24 patches
    int[] subnets = new int[grid.size()];
    boolean[] todo = new boolean[grid.size()];
    Arrays.fill(todo, true);
    List<Tile> tiles = TilePlanner.plan(grid, subnets, todo, new int[] {8, 8}, new int[] {3, 6});
    assertThat(tiles).hasSize(12);
    Set<String> shapes = new HashSet<>();
    tiles.forEach(t -> shapes.add(t.inW() + "x" + t.inH()));
    assertThat(shapes).containsExactly("268x268");
  }
}
