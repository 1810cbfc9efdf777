package dev.wbsr.ui.model;

import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.PatchGrid;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.SubnetInfo;
import java.util.ArrayList;
import java.util.List;

/** Pure helpers turning a routing into the table, the readout texts and the hover card. */
public final class RoutingSummary {

  private RoutingSummary() {}

  public static List<ClassRow> classRows(BundleInfo b, PatchGrid g, Routing r) {
    int k = g.numClasses();
    int[] counts = new int[k + 1];
    for (int c : g.classes()) {
      if (c >= 1 && c <= k) {
        counts[c]++;
      }
    }
    List<ClassRow> rows = new ArrayList<>(k);
    boolean classSr = r != null && r.subnetOfClass() == null && r.request().mode() == RoutingMode.CLASSSR;
    for (int c = 1; c <= k; c++) {
      String subnet = "—";
      String note = "";
      double gf = 0;
      if (classSr) {
        // the classifier picks per patch: the branch it picks most in this class, and the mean cost
        int[] per = new int[b.subnets().size()];
        double sum = 0;
        for (int i = 0; i < g.count(); i++) {
          int m = r.subnetOfPatch()[i];
          if (g.classes()[i] == c && m >= 0) {
            per[m]++;
            sum += b.subnets().get(m).gflopsPerPatch();
          }
        }
        int best = 0;
        for (int m = 1; m < per.length; m++) {
          best = per[m] > per[best] ? m : best;
        }
        if (counts[c] > 0 && per[best] > 0) {
          subnet = b.subnets().get(best).name();
          note = String.format("The classifier picked %s for %.0f%% of class %d's patches; "
              + "GFLOPs: the mean of its picks in this class", subnet, 100.0 * per[best] / counts[c], c);
          gf = sum / counts[c];
        }
      } else if (r != null && r.subnetOfClass() != null) {
        int m = r.subnetOfClass()[c - 1];
        subnet = subnetName(b, m);
        gf = m < 0 ? 0 : b.subnets().get(m).gflopsPerPatch();
      } else if (r != null) {
        subnet = "by edge score";
      }
      rows.add(new ClassRow(c, counts[c], g.count() == 0 ? 0 : counts[c] / (double) g.count(), subnet, gf, note));
    }
    return rows;
  }

  public static String subnetName(BundleInfo b, int m) {
    return m < 0 ? "bicubic" : b.subnets().get(m).name();
  }

  /** "w16-d2 12 · w32-d4 40 · …" (subnets with no patch are left out). */
  public static String patchesPerSubnet(BundleInfo b, Routing r) {
    StringBuilder s = new StringBuilder();
    if (r.bicubicPatches() > 0) {
      s.append("bicubic ").append(r.bicubicPatches());
    }
    int[] n = r.patchesPerSubnet();
    for (int m = 0; m < n.length; m++) {
      if (n[m] > 0) {
        if (s.length() > 0) {
          s.append(" · ");
        }
        s.append(b.subnets().get(m).name()).append(' ').append(n[m]);
      }
    }
    return s.toString();
  }

  /**
   * The status bar's few words for {@link #patchesPerSubnet}: the list itself when it names at most
   * three subnets (or branches, or bicubic), else the count, e.g. "247 patches · 9 subnets" or
   * "247 patches · 7 subnets + 12 bicubic" (the full list goes in the tooltip).
   */
  public static String patchesShort(BundleInfo b, Routing r) {
    int[] n = r.patchesPerSubnet();
    int used = 0;
    int total = r.bicubicPatches();
    for (int c : n) {
      used += c > 0 ? 1 : 0;
      total += c;
    }
    if (used + (r.bicubicPatches() > 0 ? 1 : 0) <= 3) {
      return patchesPerSubnet(b, r);
    }
    String nets = b.isClassSr() ? (used == 1 ? "branch" : "branches") : (used == 1 ? "subnet" : "subnets");
    return String.format("%d patches · %d %s%s", total, used, nets,
        r.bicubicPatches() > 0 ? " + " + r.bicubicPatches() + " bicubic" : "");
  }

  public static String hover(BundleInfo b, PatchGrid g, Routing r, int patch) {
    if (patch < 0 || g == null) {
      return null;
    }
    int col = patch % g.cols();
    int row = patch / g.cols();
    StringBuilder s = new StringBuilder();
    s.append(String.format("Patch (%d, %d)%n", col, row));
    s.append(String.format("Score %.2f · class %d of %d", g.scores()[patch], g.classes()[patch], g.numClasses()));
    if (r != null) {
      int m = r.subnetOfPatch()[patch];
      boolean classSr = r.request().mode() == RoutingMode.CLASSSR;
      s.append(String.format(classSr ? "%nBranch %s (classifier's pick)" : "%nSubnet %s", subnetName(b, m)));
      if (m >= 0) {
        SubnetInfo si = b.subnets().get(m);
        s.append(String.format(" · %.3f GFLOPs", si.gflopsPerPatch()));
      }
    }
    return s.toString();
  }
}
