package dev.wbsr.report;

import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.Sweep;
import dev.wbsr.report.ReportData.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdicts: where +WBSR wins, ties or loses against base, ARM, ClassSR and waifu2x on each set
 * and scale; shared by RESULTS.md and the README's results block.
 */
final class HeadlineSection extends MarkdownWriter {

  HeadlineSection(ReportData data, StringBuilder md) {
    super(data, md);
  }

  void write() {
    List<String> cols = new ArrayList<>();
    List<String[]> cells = new ArrayList<>();
    List<String> bullets = new ArrayList<>();
    for (ScaleData s : data.scales()) {
      for (SetData set : s.sets()) {
        Optional<Run> w = set.run(Role.WBSR, "wbsr");
        if (w.isEmpty()) {
          continue;
        }
        Run wbsr = w.get();
        Optional<Run> base = set.run(Role.BASE, "supernet");
        Optional<Run> dagger = set.run(Role.WBSR, "supernet");
        Optional<Run> classsr = set.run(Role.CLASSSR, "classsr");
        Optional<Sweep> arm = set.sweep("arm-eta");
        Optional<ReportData.External> w2x =
            set.externals().stream().filter(ReportData.External::measured).findFirst();
        cols.add("x" + s.scale() + " " + title(set.set()));
        cells.add(
            new String[] {
              base.map(b -> vsBase(wbsr, b, s)).orElse("-"),
              arm.map(a -> vsArm(a, wbsr, s)).orElse("-"),
              classsr.map(c -> compare(wbsr, c, "ClassSR").cell()).orElse("-"),
              dagger
                  .flatMap(d -> base.map(b -> word(d.mean().psnrY() - b.mean().psnrY(), true)))
                  .orElse("-"),
              w2x.map(e -> vsExternal(wbsr, e, set)).orElse("-")
            });
        List<String> parts = new ArrayList<>();
        parts.add(
            f(
                "+WBSR %.3f dB at %.1f%% of base's FLOPs",
                wbsr.mean().psnrY(), pct(wbsr.gflops(), s)));
        base.ifPresent(b -> parts.add(f("base %.3f dB", b.mean().psnrY())));
        dagger.ifPresent(d -> parts.add(f("WBSR† %.3f dB", d.mean().psnrY())));
        arm.ifPresent(a -> parts.add(armFinding(a, wbsr, s)));
        classsr.ifPresent(
            c ->
                parts.add(
                    f(
                        "+ClassSR %.3f dB at %.1f%%: %s",
                        c.mean().psnrY(), pct(c.gflops(), s), compare(wbsr, c, "ClassSR").text())));
        w2x.ifPresent(
            e ->
                parts.add(
                    data.options().timing()
                        ? f(
                            "waifu2x CUNet %.3f dB at %.3f output MP/s (+WBSR %.3f MP/s)",
                            e.psnrY(), e.megapixelsPerSecond(), set.megapixelsPerSecond(wbsr))
                        : f("waifu2x CUNet %.3f dB", e.psnrY())));
        bullets.add(
            "- **x" + s.scale() + " " + title(set.set()) + "**: " + String.join("; ", parts) + ".");
      }
    }
    if (cols.isEmpty()) {
      line("No +WBSR row was measured yet, so there is nothing to compare.");
      line();
      return;
    }
    line(
        "Does +WBSR (dynamic routing on `wbsr-xN`) reach the quality of the others for fewer"
            + " FLOPs, as the paper claims? PSNR-Y differences under "
            + ResultsMarkdown.TIE_DB
            + " dB count as ties; FLOPs are the paper convention, % of base; against ARM the"
            + " FLOPs compare where ARM's eta sweep first reaches +WBSR's PSNR-Y.");
    line();
    line("| +WBSR against | " + String.join(" | ", cols) + " |");
    line("|---|" + "---|".repeat(cols.size()));
    String[] names = {
      "base (PSNR-Y)",
      "ARM (FLOPs at equal PSNR-Y)",
      "ClassSR",
      "WBSR† against base (PSNR-Y)",
      "waifu2x CUNet (PSNR-Y, speed)"
    };
    for (int r = 0; r < names.length; r++) {
      StringBuilder b = new StringBuilder("| " + names[r] + " |");
      for (String[] c : cells) {
        b.append(' ').append(c[r]).append(" |");
      }
      line(b.toString());
    }
    line();
    bullets.forEach(this::line);
    line();
    String missing = externalsMissing();
    if (!missing.isEmpty()) {
      line(missing);
      line();
    }
  }

  /** Where waifu2x has no numbers, in short ("x2 Val-Photo: not installed"); "" when it has all. */
  private String externalsMissing() {
    List<String> out = new ArrayList<>();
    for (ScaleData s : data.scales()) {
      for (SetData set : s.sets()) {
        for (ReportData.External e : set.externals()) {
          if (!e.measured()) {
            String p = e.problem();
            int cut = p.length();
            for (char c : new char[] {':', '('}) {
              int i = p.indexOf(c);
              cut = i > 0 ? Math.min(cut, i) : cut;
            }
            out.add("x" + s.scale() + " " + title(set.set()) + ": " + p.substring(0, cut).strip());
          }
        }
      }
    }
    return out.isEmpty()
        ? ""
        : "waifu2x has no numbers for "
            + String.join("; ", out)
            + " (the reasons are under Table 1).";
  }

  /** +WBSR routed against waifu2x: PSNR-Y, and how many times its output MP/s (timed runs). */
  private String vsExternal(Run wbsr, ReportData.External e, SetData set) {
    String w = word(wbsr.mean().psnrY() - e.psnrY(), true);
    double speed = set.megapixelsPerSecond(wbsr) / e.megapixelsPerSecond();
    return data.options().timing() && Double.isFinite(speed)
        ? w + f(" at %.1fx its MP/s", speed)
        : w;
  }

  /** +WBSR routed against base's supernet: PSNR-Y, at +WBSR's share of the FLOPs. */
  private String vsBase(Run wbsr, Run base, ScaleData s) {
    return word(wbsr.mean().psnrY() - base.mean().psnrY(), true)
        + f(" at %.1f%% of the FLOPs", pct(wbsr.gflops(), s));
  }

  /** {@code **wins**: +0.012 dB}, {@code **ties**}, {@code **loses**}. */
  private static String word(double dp, boolean withDb) {
    double d = ResultsMarkdown.d3(dp);
    String w = Math.abs(d) < ResultsMarkdown.TIE_DB ? "ties" : d > 0 ? "wins" : "loses";
    return "**" + w + "**" + (withDb ? f(": %+.3f dB", d) : "");
  }

  /** ARM's cheapest sweep point that reaches +WBSR's PSNR-Y, against +WBSR's FLOPs. */
  private String vsArm(Sweep arm, Run wbsr, ScaleData s) {
    double fw = pct(wbsr.gflops(), s);
    Optional<SweepPoint> reach =
        arm.points().stream()
            .filter(p -> p.psnrY() >= wbsr.mean().psnrY())
            .min((a, b) -> Double.compare(a.gflops(), b.gflops()));
    if (reach.isEmpty()) {
      return f("**wins**: ARM never reaches %.3f dB", wbsr.mean().psnrY());
    }
    double fa = pct(reach.get().gflops(), s);
    String w = Math.abs(fa - fw) < 1.0 ? "ties" : fa < fw ? "loses" : "wins";
    return f("**%s**: ARM %.1f%% vs +WBSR %.1f%%", w, fa, fw);
  }

  private String armFinding(Sweep arm, Run wbsr, ScaleData s) {
    double w = wbsr.mean().psnrY();
    List<SweepPoint> byFlops =
        arm.points().stream().sorted((a, b) -> Double.compare(a.gflops(), b.gflops())).toList();
    String reach =
        byFlops.stream()
            .filter(p -> p.psnrY() >= w)
            .findFirst()
            .map(
                p ->
                    f(
                        "ARM's sweep first reaches +WBSR's PSNR-Y at %.1f%% of base's FLOPs (%s)",
                        pct(p.gflops(), s), p.label()))
            .orElseGet(
                () -> {
                  SweepPoint best =
                      byFlops.stream()
                          .max((a, b) -> Double.compare(a.psnrY(), b.psnrY()))
                          .orElseThrow();
                  return f(
                      "ARM's sweep never reaches +WBSR's PSNR-Y (best %.3f dB at %.1f%%, %s)",
                      best.psnrY(), pct(best.gflops(), s), best.label());
                });
    Optional<SweepPoint> atFlops =
        byFlops.stream()
            .filter(p -> p.gflops() <= wbsr.gflops() * (1 + 1e-9))
            .max((a, b) -> Double.compare(a.psnrY(), b.psnrY()));
    String same =
        atFlops
            .map(
                p ->
                    f(
                        "at no more FLOPs than +WBSR its best is %.3f dB (%+.3f dB vs +WBSR, %s)",
                        p.psnrY(), ResultsMarkdown.d3(p.psnrY() - w), p.label()))
            .orElse("no ARM point is as cheap as +WBSR");
    return reach + ", and " + same;
  }

  /** A comparison: the word for the verdict table and the sentence for the findings. */
  record Verdict(String word, String text) {
    String cell() {
      return "**" + word + "**";
    }
  }

  /** How {@code wbsr} compares with {@code other} on PSNR-Y and FLOPs. */
  static Verdict compare(Run wbsr, Run other, String name) {
    double dp = ResultsMarkdown.d3(wbsr.mean().psnrY() - other.mean().psnrY());
    double df = wbsr.gflops() - other.gflops();
    boolean tie = Math.abs(dp) < ResultsMarkdown.TIE_DB;
    String flops = df <= 0 ? "fewer" : "more";
    double share = 100 * wbsr.gflops() / other.gflops();
    if (df <= 0 && (dp >= ResultsMarkdown.TIE_DB || tie)) {
      return new Verdict(
          "wins",
          f(
              "+WBSR is %s (%+.3f dB) with %s FLOPs (%.1f%% of %s's)",
              tie ? "as good" : "better", dp, flops, share, name));
    }
    if (df > 0 && (dp <= -ResultsMarkdown.TIE_DB || tie)) {
      return new Verdict(
          "loses", f("+WBSR loses: %+.3f dB with more FLOPs (%.1f%% of %s's)", dp, share, name));
    }
    return new Verdict(
        "trade-off",
        f("a trade-off: +WBSR %+.3f dB with %s FLOPs (%.1f%% of %s's)", dp, flops, share, name));
  }
}
