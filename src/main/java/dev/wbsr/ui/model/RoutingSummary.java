package dev.wbsr.ui.model;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.pipeline.RoutingPolicy;
import java.util.ArrayList;
import java.util.List;

/** Pure helpers turning a routing into the table, the readout texts and the hover card. */
public final class RoutingSummary {

  private RoutingSummary() {}

  public static List<ClassRow> classRows(ModelBundle b, PatchAnalysis g, Assignment r) {
    int k = g.numClasses();
    int n = g.size();
    int[] classes = g.classMap();
    int[] counts = new int[k + 1];
    for (int c : classes) {
      if (c >= 1 && c <= k) {
        counts[c]++;
      }
    }
    List<ClassRow> rows = new ArrayList<>(k);
    boolean classSr = r != null && r.policy() instanceof RoutingPolicy.ClassSr;
    int[] ofPatch = r == null ? null : r.subnetMap();
    int[] ofClass =
        r == null
            ? null
            : r.classTable()
                .map(t -> t.stream().mapToInt(Integer::intValue).toArray())
                .orElse(null);
    int subnets = b.manifest().subnets().size();
    for (int c = 1; c <= k; c++) {
      String subnet = "—";
      String note = "";
      double gf = 0;
      if (classSr) {
        // the classifier picks per patch: the branch it picks most in this class, and the mean cost
        int[] per = new int[subnets];
        double sum = 0;
        for (int i = 0; i < n; i++) {
          int m = ofPatch[i];
          if (classes[i] == c && m >= 0) {
            per[m]++;
            sum += Bundles.gflops(b, m);
          }
        }
        int best = 0;
        for (int m = 1; m < per.length; m++) {
          best = per[m] > per[best] ? m : best;
        }
        if (counts[c] > 0 && per[best] > 0) {
          subnet = Bundles.subnetName(b, best);
          note =
              String.format(
                  "The classifier picked %s for %.0f%% of class %d's patches; "
                      + "GFLOPs: the mean of its picks in this class",
                  subnet, 100.0 * per[best] / counts[c], c);
          gf = sum / counts[c];
        }
      } else if (ofClass != null) {
        int m = ofClass[c - 1];
        subnet = Bundles.subnetName(b, m);
        gf = Bundles.gflops(b, m);
      } else if (r != null) {
        subnet = "by edge score";
      }
      rows.add(new ClassRow(c, counts[c], n == 0 ? 0 : counts[c] / (double) n, subnet, gf, note));
    }
    return rows;
  }

  /** "w16-d2 12 · w32-d4 40 · …" (subnets with no patch are left out). */
  public static String patchesPerSubnet(ModelBundle b, Assignment r) {
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
        s.append(Bundles.subnetName(b, m)).append(' ').append(n[m]);
      }
    }
    return s.toString();
  }

  /**
   * The status bar's few words for {@link #patchesPerSubnet}: the list itself when it names at most
   * three subnets (or branches, or bicubic), else the count, e.g. "247 patches · 9 subnets" or "247
   * patches · 7 subnets + 12 bicubic" (the full list goes in the tooltip).
   */
  public static String patchesShort(ModelBundle b, Assignment r) {
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
    String nets =
        Bundles.isClassSr(b)
            ? (used == 1 ? "branch" : "branches")
            : (used == 1 ? "subnet" : "subnets");
    return String.format(
        "%d patches · %d %s%s",
        total, used, nets, r.bicubicPatches() > 0 ? " + " + r.bicubicPatches() + " bicubic" : "");
  }

  public static String hover(ModelBundle b, PatchAnalysis g, Assignment r, int patch) {
    if (patch < 0 || g == null || patch >= g.size()) {
      return null;
    }
    int col = patch % g.grid().cols();
    int row = patch / g.grid().cols();
    StringBuilder s = new StringBuilder();
    s.append(String.format("Patch (%d, %d)%n", col, row));
    s.append(
        String.format(
            "Score %.2f · class %d of %d", g.score(patch), g.classOf(patch), g.numClasses()));
    if (r != null && patch < r.size()) {
      int m = r.subnetOf(patch);
      boolean classSr = r.policy() instanceof RoutingPolicy.ClassSr;
      s.append(
          String.format(
              classSr ? "%nBranch %s (classifier's pick)" : "%nSubnet %s",
              Bundles.subnetName(b, m)));
      if (m >= 0) {
        s.append(String.format(" · %.3f GFLOPs", Bundles.gflops(b, m)));
      }
    }
    return s.toString();
  }
}
