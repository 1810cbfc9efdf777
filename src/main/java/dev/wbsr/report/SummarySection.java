package dev.wbsr.report;

import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import java.util.Optional;

/** The summary table: PSNR-Y and % of base's FLOPs of Table 1's systems on every set. */
final class SummarySection extends MarkdownWriter {

  SummarySection(ReportData data, StringBuilder md) {
    super(data, md);
  }

  void write() {
    line("## Summary");
    line();
    line(
        "PSNR-Y in dB (mean over images) and, in brackets, mean FLOPs per 32x32 LR patch as % of"
            + " base (paper convention), as in the paper's Table 1; waifu2x (CUNet, an external"
            + " upscaler run on the same LR inputs) has no FLOPs count. `-`: not measured (see"
            + " [Missing](#missing) and the notes under Table 1).");
    line();
    StringBuilder head = new StringBuilder("| system |");
    StringBuilder rule = new StringBuilder("|---|");
    for (ScaleData s : data.scales()) {
      for (SetData set : s.sets()) {
        head.append(" x").append(s.scale()).append(' ').append(title(set.set())).append(" |");
        rule.append("---|");
      }
    }
    line(head.toString());
    line(rule.toString());
    for (ResultsMarkdown.Row row : ResultsMarkdown.TABLE1) {
      StringBuilder b = new StringBuilder("| " + row.label() + " |");
      for (ScaleData s : data.scales()) {
        for (SetData set : s.sets()) {
          Optional<Run> r = set.run(row.role(), row.mode());
          b.append(' ')
              .append(
                  r.map(x -> f("%.3f (%.1f%%)", x.mean().psnrY(), pct(x.gflops(), s))).orElse("-"))
              .append(" |");
        }
      }
      line(b.toString());
    }
    StringBuilder w = new StringBuilder("| waifu2x (external) |");
    for (ScaleData s : data.scales()) {
      for (SetData set : s.sets()) {
        w.append(' ')
            .append(
                set.externals().stream()
                    .filter(ReportData.External::measured)
                    .findFirst()
                    .map(e -> f("%.3f", e.psnrY()))
                    .orElse("-"))
            .append(" |");
      }
    }
    line(w.toString());
    line();
  }
}
