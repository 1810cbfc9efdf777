package dev.wbsr.pipeline;

import dev.wbsr.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished upscale: the SR image, what routing decided and what it cost.
 *
 * @param seconds wall time from the LR image to the SR image: scoring, routing, inference,
 *     stitching
 */
public record UpscaleResult(
    RgbImage image,
    PatchAnalysis analysis,
    Assignment assignment,
    RenderStats render,
    double seconds) {

  /** One row of the per-patch table. */
  public record PatchRow(
      int index,
      int col,
      int row,
      int x,
      int y,
      int w,
      int h,
      double score,
      int patchClass,
      int subnet,
      double flops) {}

  /** Score, class, subnet and paper-convention FLOPs of every patch. */
  public List<PatchRow> patchTable() {
    return patchTable(analysis, assignment);
  }

  public static List<PatchRow> patchTable(PatchAnalysis analysis, Assignment assignment) {
    PatchGrid grid = analysis.grid();
    List<PatchRow> rows = new ArrayList<>(grid.size());
    for (int i = 0; i < grid.size(); i++) {
      PatchGrid.Patch p = grid.patch(i);
      int s = assignment.subnetOf(i);
      rows.add(
          new PatchRow(
              i,
              p.col(),
              p.row(),
              p.x(),
              p.y(),
              p.w(),
              p.h(),
              analysis.score(i),
              analysis.classOf(i),
              s,
              assignment.flopsOf(s) * p.areaFraction(grid.patchSize())));
    }
    return rows;
  }
}
