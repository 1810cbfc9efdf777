package dev.wbsr.ui.model;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.ui.viewer.ColorMaps;
import dev.wbsr.ui.viewer.OverlayMap;

/** Builds the per-patch colour maps (pure). */
public final class OverlayMaps {

  private OverlayMaps() {}

  public static OverlayMap of(OverlayKind kind, ModelBundle b, PatchAnalysis g, Assignment r) {
    if (kind == OverlayKind.OFF || g == null || b == null) {
      return null;
    }
    int[] colors = new int[g.size()];
    int[] classes = g.classMap();
    int[] subnets = r == null ? null : r.subnetMap();
    for (int i = 0; i < colors.length; i++) {
      if (kind == OverlayKind.CLASS) {
        colors[i] = ColorMaps.classColor(classes[i], g.numClasses());
      } else if (r == null) {
        return null;
      } else {
        colors[i] = ColorMaps.subnetColor(subnets[i], b.manifest().subnets().size());
      }
    }
    return new OverlayMap(
        g.grid().cols(), g.grid().rows(), g.grid().patchSize() * b.manifest().scale(), colors);
  }
}
