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
        assertThat(Math.max(t.cols(), t.rows())).isLessThanOrEqualTo(sides[t.subnet() + 1]);
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

  @Test
  void sameSubnetNeighboursMergeIntoRectanglesNotJustAlignedSquares() {
    // 6 x 3 patches; subnet 1 fills columns 1..3 of rows 0..1 (an unaligned 3 x 2 block) and
    // column 5 of every row; everything else is subnet 0, so the cover is three tiles of subnet 1.
    PatchGrid grid = new PatchGrid(6 * 32, 3 * 32, 32);
    int[] subnets = new int[grid.size()];
    for (int r = 0; r < 2; r++) {
      for (int c = 1; c <= 3; c++) {
        subnets[grid.index(c, r)] = 1;
      }
    }
    for (int r = 0; r < 3; r++) {
      subnets[grid.index(5, r)] = 1;
    }
    boolean[] todo = new boolean[grid.size()];
    for (int i = 0; i < grid.size(); i++) {
      todo[i] = subnets[i] == 1;
    }
    List<Tile> tiles =
        TilePlanner.plan(grid, subnets, todo, new int[] {8, 8, 8}, new int[] {3, 1, 1});
    assertThat(tiles)
        .extracting(t -> t.col0() + "," + t.row0() + " " + t.cols() + "x" + t.rows())
        .containsExactly("1,0 3x2", "5,0 1x3");
    Tile block = tiles.get(0);
    assertThat(block.inW()).isEqualTo(3 * 32 + 2);
    assertThat(block.inH()).isEqualTo(2 * 32 + 2);
  }

  @Test
  void prefersTheSquarerBlockWhenALongRunWouldLeaveMoreMarginPixels() {
    // Row 0: 6 patches of subnet 0; row 1: 2 of them. A 2 x 2 block wastes less of its input
    // window than the 6 x 1 strip, so it is taken first and the rest of row 0 becomes a 4 x 1
    // strip.
    PatchGrid grid = new PatchGrid(6 * 32, 2 * 32, 32);
    int[] subnets = new int[grid.size()];
    boolean[] todo = new boolean[grid.size()];
    for (int c = 0; c < 6; c++) {
      todo[grid.index(c, 0)] = true;
    }
    todo[grid.index(0, 1)] = true;
    todo[grid.index(1, 1)] = true;
    List<Tile> tiles = TilePlanner.plan(grid, subnets, todo, new int[] {8, 8}, new int[] {3, 1});
    assertThat(tiles)
        .extracting(t -> t.col0() + "," + t.row0() + " " + t.cols() + "x" + t.rows())
        .containsExactly("0,0 2x2", "2,0 4x1");
  }

  @Test
  void tilesRespectTheSideLimitOfTheirSubnet() {
    PatchGrid grid = new PatchGrid(10 * 32, 7 * 32, 32);
    int[] subnets = new int[grid.size()];
    boolean[] todo = new boolean[grid.size()];
    Arrays.fill(todo, true);
    List<Tile> tiles = TilePlanner.plan(grid, subnets, todo, new int[] {8, 3}, new int[] {3, 1});
    assertThat(tiles)
        .allSatisfy(t -> assertThat(Math.max(t.cols(), t.rows())).isLessThanOrEqualTo(3));
    // 10 x 7 patches in blocks of at most 3 x 3: 4 columns of blocks (3, 3, 3, 1) by 3 rows (3, 3,
    // 1)
    assertThat(tiles).hasSize(12);
  }

  @Test
  void mergingCutsTheInputPixelsOfLonePatches() {
    // A checkerboard of 2 x 2 blocks of two subnets: the old aligned-square cover and this one
    // agree there; shifting the pattern by one patch breaks the alignment, where aligned squares
    // fall back to lone patches but rectangles still merge each 2 x 2 block.
    PatchGrid grid = new PatchGrid(9 * 32, 9 * 32, 32);
    int[] subnets = new int[grid.size()];
    for (int i = 0; i < grid.size(); i++) {
      PatchGrid.Patch p = grid.patch(i);
      subnets[i] = (((p.col() + 1) / 2) + ((p.row() + 1) / 2)) % 2;
    }
    boolean[] todo = new boolean[grid.size()];
    Arrays.fill(todo, true);
    List<Tile> tiles =
        TilePlanner.plan(grid, subnets, todo, new int[] {8, 8, 8}, new int[] {3, 1, 1});
    long lone = tiles.stream().filter(t -> t.cols() * t.rows() == 1).count();
    long input = tiles.stream().mapToLong(Tile::inputPixels).sum();
    // 4 x 4 full 2 x 2 blocks inside, plus the first row and column of half blocks: no lone patch
    // except the corner one
    assertThat(lone).isEqualTo(1);
    assertThat((double) input / (9 * 32 * 9 * 32)).isLessThan(1.08);
  }
}
