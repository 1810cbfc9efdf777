package dev.wbsr.ui.model;

import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.PatchGrid;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.viewer.ColorMaps;
import dev.wbsr.ui.viewer.OverlayMap;

/** Builds the per-patch colour maps (pure). */
public final class OverlayMaps {

  private OverlayMaps() {}

  public static OverlayMap of(OverlayKind kind, BundleInfo b, PatchGrid g, Routing r) {
    if (kind == OverlayKind.OFF || g == null || b == null) {
      return null;
    }
    int[] colors = new int[g.count()];
    for (int i = 0; i < colors.length; i++) {
      if (kind == OverlayKind.CLASS) {
        colors[i] = ColorMaps.classColor(g.classes()[i], g.numClasses());
      } else if (r == null) {
        return null;
      } else {
        colors[i] = ColorMaps.subnetColor(r.subnetOfPatch()[i], b.subnets().size());
      }
    }
    return new OverlayMap(g.cols(), g.rows(), g.patchSize() * g.scale(), colors);
  }
}
