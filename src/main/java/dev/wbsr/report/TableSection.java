package dev.wbsr.report;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.report.ReportData.BundleStatus;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tables 1 (every system, per scale and set) and 2 (the x2 ablation). */
final class TableSection extends MarkdownWriter {

  TableSection(ReportData data, StringBuilder md) {
    super(data, md);
  }

  void table1(ScaleData s) {
    line("## Table 1, x" + s.scale());
    line();
    boolean timing = data.options().timing();
    for (SetData set : s.sets()) {
      line("### x" + s.scale() + " " + title(set.set()));
      line();
      List<String> head =
          new ArrayList<>(
              List.of(
                  "system",
                  "bundle",
                  "mode",
                  "PSNR-Y",
                  "SSIM-Y",
                  "GFLOPs",
                  "% of base",
                  "executed GFLOPs",
                  "% of base"));
      if (timing) {
        head.addAll(List.of("s / image", "output MP/s"));
      }
      header(head);
      List<String> notes = new ArrayList<>();
      for (ResultsMarkdown.Row row : ResultsMarkdown.TABLE1) {
        Optional<Run> r = set.run(row.role(), row.mode());
        String bundle = row.role().bundleName(s.scale());
        List<String> cells = new ArrayList<>(List.of(row.label(), "`" + bundle + "`"));
        if (r.isPresent()) {
          Run x = r.get();
          cells.addAll(
              List.of(
                  x.policyLabel(),
                  f("%.3f", x.mean().psnrY()),
                  f("%.4f", x.mean().ssimY()),
                  f("%.3f", x.gflops()),
                  f("%.1f%%", pct(x.gflops(), s)),
                  f("%.3f", x.gflopsExecuted()),
                  f("%.1f%%", pct(x.gflopsExecuted(), s))));
          if (timing) {
            cells.add(f("%.2f", x.mean().seconds()));
            cells.add(f("%.3f", set.megapixelsPerSecond(x)));
          }
        } else {
          cells.add(row.mode());
          cells.addAll(java.util.Collections.nCopies(head.size() - 3, "-"));
          notes.add(row.label() + " (`" + bundle + "`): " + why(s, row, set));
        }
        row(cells);
      }
      for (ReportData.External e : set.externals()) {
        List<String> cells = new ArrayList<>(List.of("waifu2x (external)", "-", e.system()));
        if (e.measured()) {
          cells.addAll(List.of(f("%.3f", e.psnrY()), f("%.4f", e.ssimY()), "-", "-", "-", "-"));
          if (timing) {
            cells.add(f("%.2f", e.seconds() / set.images().size()));
            cells.add(f("%.3f", e.megapixelsPerSecond()));
          }
        } else {
          cells.addAll(java.util.Collections.nCopies(head.size() - 3, "-"));
          notes.add("waifu2x: " + e.problem());
        }
        row(cells);
      }
      line();
      set.arm().ifPresent(a -> line(f("ARM's eta here: %.2f, %s.", a.eta(), a.rule())));
      if (set.arm().isPresent()) {
        line();
      }
      if (!notes.isEmpty()) {
        line("Not measured: " + String.join("; ", notes) + ".");
        line();
      }
    }
  }

  void table2(ScaleData s) {
    line("## Table 2, ablation at x2");
    line();
    line(
        "The paper's ablation: the same backbone, data, seed, schedule and steps, trained with"
            + " HES, BDLoss, both (WBSR) or neither (base). The dynamic rows use the same routing,"
            + " the paper's rule ceil(kM/K) on each bundle's own class thresholds. The second"
            + " table separates the training from the routing: each bundle's supernet everywhere"
            + " against its routed result.");
    line();
    for (SetData set : s.sets()) {
      line("### x2 " + title(set.set()) + ", ablation");
      line();
      line("| row | bundle | training | mode | PSNR-Y | SSIM-Y | GFLOPs | % of base |");
      line("|---|---|---|---|---|---|---|---|");
      List<String> notes = new ArrayList<>();
      for (ResultsMarkdown.Row row : ResultsMarkdown.TABLE2) {
        String bundle = row.role().bundleName(2);
        Optional<Run> r = set.run(row.role(), row.mode());
        String head = "| " + row.label() + " | `" + bundle + "` | " + row.role().training() + " | ";
        if (r.isPresent()) {
          Run x = r.get();
          line(
              head
                  + x.policyLabel()
                  + f(
                      " | %.3f | %.4f | %.3f | %.1f%% |",
                      x.mean().psnrY(), x.mean().ssimY(), x.gflops(), pct(x.gflops(), s)));
        } else {
          line(head + row.mode() + " | - | - | - | - |");
          notes.add(row.label() + " (`" + bundle + "`): " + why(s, row, set));
        }
      }
      line();
      if (!notes.isEmpty()) {
        line("Not measured: " + String.join("; ", notes) + ".");
        line();
      }
      line(
          "| bundle | training | supernet PSNR-Y | routed PSNR-Y | routed - supernet | routed FLOPs"
              + " |");
      line("|---|---|---|---|---|---|");
      for (Role role : List.of(Role.BASE, Role.HES, Role.BD, Role.WBSR)) {
        Optional<Run> sup = set.run(role, "supernet");
        Optional<Run> rt = set.run(role, "wbsr");
        line(
            "| `"
                + role.bundleName(2)
                + "` | "
                + role.training()
                + " | "
                + sup.map(x -> f("%.3f", x.mean().psnrY())).orElse("-")
                + " | "
                + rt.map(x -> f("%.3f", x.mean().psnrY())).orElse("-")
                + " | "
                + (sup.isPresent() && rt.isPresent()
                    ? f(
                        "%+.3f",
                        ResultsMarkdown.d3(rt.get().mean().psnrY() - sup.get().mean().psnrY()))
                    : "-")
                + " | "
                + rt.map(x -> f("%.1f%%", pct(x.gflops(), s))).orElse("-")
                + " |");
      }
      line();
    }
  }

  private String why(ScaleData s, ResultsMarkdown.Row row, SetData set) {
    String p = s.problem(row.role());
    if (!p.isEmpty()) {
      return p;
    }
    if (row.mode().equals("arm")) {
      Optional<ModelBundle> b = s.status(Role.BASE).flatMap(BundleStatus::bundle);
      if (b.isPresent() && b.get().manifest().arm().isEmpty()) {
        return "the bundle has no ARM lookup table";
      }
    }
    return "not measured on " + title(set.set());
  }
}
