package dev.wbsr.report;

import dev.wbsr.report.ReportData.ClassStats;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.Sweep;
import dev.wbsr.report.ReportData.SweepPoint;
import java.util.List;
import java.util.Optional;

/** Plots, patch classes, sweeps and per-image numbers: the detail behind the tables. */
final class DetailSections extends MarkdownWriter {

  private final List<ReportPlots.Plot> plots;

  DetailSections(ReportData data, StringBuilder md, List<ReportPlots.Plot> plots) {
    super(data, md);
    this.plots = List.copyOf(plots);
  }

  void plots() {
    line("## Plots");
    line();
    line(
        "PSNR-Y against mean FLOPs per patch (% of base, paper convention). Lines are sweeps"
            + " (numbers under [Sweeps](#sweeps)); large markers are the table's systems.");
    line();
    for (ReportPlots.Plot p : plots) {
      if (!p.file().startsWith("tradeoff-")) {
        continue;
      }
      plot(p.file());
    }
  }

  /** The image link of a plot, or why it was not drawn. */
  private void plot(String file) {
    ReportPlots.Plot p =
        plots.stream()
            .filter(x -> x.file().equals(file))
            .findFirst()
            .orElse(new ReportPlots.Plot(file, file, Optional.empty(), "not rendered"));
    if (p.image().isPresent()) {
      line("![" + p.title() + "](results/" + p.file() + ")");
    } else {
      line("*" + p.title() + ": not drawn, " + p.missing() + ".*");
    }
    line();
  }

  void classes() {
    line("## Patch classes");
    line();
    line(
        "Each LR 32x32 patch is put into one of K classes by its gradient score (Sobel"
            + " mean + std, method note section 2), with the thresholds a bundle learnt from its"
            + " training patches: class k holds the k-th tenth of the training patches by score, so"
            + " the training set is 10% per class by construction. The paper's \"48.8% flat, 16.6%"
            + " texture\" describes DIV2K under its own (unpublished) cut; what compares here is"
            + " how far a set departs from the training distribution. The gain plots pool the"
            + " squared Y error of every patch of a class over the set (PSNR-Y per class) and"
            + " subtract base's.");
    line();
    for (ScaleData s : data.scales()) {
      Optional<ClassStats> any = s.sets().stream().flatMap(x -> x.classes().stream()).findFirst();
      if (any.isEmpty()) {
        line("x" + s.scale() + ": no bundle with thresholds, no classes.");
        line();
        continue;
      }
      int k = any.get().counts().length;
      line("### x" + s.scale() + " (thresholds of `" + any.get().bundle() + "`)");
      line();
      plot(ReportPlots.classesFile(s.scale()));
      StringBuilder head = new StringBuilder("| set | quantity |");
      StringBuilder rule = new StringBuilder("|---|---|");
      for (int c = 1; c <= k; c++) {
        head.append(' ').append(c).append(" |");
        rule.append("---|");
      }
      line(head.toString());
      line(rule.toString());
      for (SetData set : s.sets()) {
        if (set.classes().isEmpty()) {
          continue;
        }
        ClassStats c = set.classes().get();
        line(row(title(set.set()), "% of patches", k, i -> f("%.1f", 100 * c.fraction(i))));
        double[] base = c.psnrByRun().get(ReportRunner.key(Role.BASE, "supernet"));
        for (String[] r :
            new String[][] {
              {"base", "supernet", "base PSNR-Y"},
              {"wbsr", "wbsr", "+WBSR - base"},
              {"wbsr", "supernet", "WBSR† - base"},
              {"base", "arm", "+ARM - base"}
            }) {
          double[] v = c.psnrByRun().get(r[0] + "/" + r[1]);
          if (v == null || (base == null && !r[0].equals("base"))) {
            continue;
          }
          boolean isBase = r[2].equals("base PSNR-Y");
          line(
              row(
                  "",
                  r[2] + " (dB)",
                  k,
                  i ->
                      isBase
                          ? f("%.2f", v[i - 1])
                          : f("%+.3f", ResultsMarkdown.d3(v[i - 1] - base[i - 1]))));
        }
      }
      line();
      for (SetData set : s.sets()) {
        plot(ReportPlots.gainFile(s.scale(), set.set()));
      }
    }
  }

  void sweeps() {
    line("## Sweeps");
    line();
    line(
        "The numbers behind the plots' curves: mean PSNR-Y and mean FLOPs per patch (paper"
            + " convention) of every routing of a sweep.");
    line();
    for (ScaleData s : data.scales()) {
      for (SetData set : s.sets()) {
        for (Sweep sw : set.sweeps()) {
          line(
              "<details><summary>x"
                  + s.scale()
                  + " "
                  + title(set.set())
                  + ": "
                  + sw.title()
                  + "</summary>");
          line();
          line("| routing | PSNR-Y | GFLOPs | % of base |");
          line("|---|---|---|---|");
          for (SweepPoint p : sw.points()) {
            line(
                f(
                    "| %s | %.3f | %.3f | %.1f%% |",
                    p.label(), p.psnrY(), p.gflops(), pct(p.gflops(), s)));
          }
          line();
          line("</details>");
          line();
        }
      }
    }
  }

  void perImage() {
    line("## Per image");
    line();
    line("PSNR-Y (dB) of every image under every table row.");
    line();
    for (ScaleData s : data.scales()) {
      for (SetData set : s.sets()) {
        if (set.runs().isEmpty()) {
          continue;
        }
        line("<details><summary>x" + s.scale() + " " + title(set.set()) + "</summary>");
        line();
        StringBuilder head = new StringBuilder("| image |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Run r : set.runs()) {
          head.append(" `").append(r.bundle()).append("` ").append(r.policyLabel()).append(" |");
          rule.append("---|");
        }
        List<ReportData.External> ext =
            set.externals().stream().filter(ReportData.External::measured).toList();
        for (ReportData.External e : ext) {
          head.append(" waifu2x |");
          rule.append("---|");
        }
        line(head.toString());
        line(rule.toString());
        for (int i = 0; i < set.images().size(); i++) {
          StringBuilder b = new StringBuilder("| " + set.images().get(i) + " |");
          for (Run r : set.runs()) {
            b.append(f(" %.3f |", r.images().get(i).psnrY()));
          }
          for (ReportData.External e : ext) {
            b.append(f(" %.3f |", e.imagePsnrY().get(i)));
          }
          line(b.toString());
        }
        line();
        line("</details>");
        line();
      }
    }
  }
}
