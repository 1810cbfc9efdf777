package dev.wbsr.report;

import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.model.RoutingSpec;
import dev.wbsr.pipeline.BudgetRule;
import dev.wbsr.report.ReportData.BundleStatus;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.Sweep;
import dev.wbsr.report.ReportData.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Issue 11's fairer rules: routing over the calibrated Pareto front against the literal order, Eq.
 * 16 against the level rule, ARM with its table and eta from the calibration split, and the four
 * router x training curves, each read at equal FLOPs ({@link Curves}).
 */
final class RoutingSection extends MarkdownWriter {

  /** FLOPs levels (fractions of base's supernet) at which curves are compared. */
  static final double[] LEVELS = levels();

  /** The recipe study's summary, written by {@code python3 -m training.wbsr.study}. */
  static final java.nio.file.Path STUDY = java.nio.file.Path.of("training/runs/study/SUMMARY.md");

  RoutingSection(ReportData data, StringBuilder md) {
    super(data, md);
  }

  private static double[] levels() {
    double[] l = new double[17];
    for (int i = 0; i < l.length; i++) {
      l[i] = 0.2 + 0.05 * i;
    }
    return l;
  }

  void write() {
    line("## Fairer routing rules (issue 11)");
    line();
    line(
        "Three changes to how routing is evaluated, none of which retrains a network. (1) **Pareto"
            + " front**: at export every subnet's PSNR-Y is measured on a calibration split (six"
            + " training photos, whole images, held out of training for this purpose from now on;"
            + " never Val-Photo or Val-Classic) and only the subnets that no other subnet beats in"
            + " both FLOPs and PSNR-Y are kept; Eq. 15 then maps class k to member ceil(k M'/K) of"
            + " the front (M' = its size). The paper's wording (\"subnets sorted by FLOPs\", m ="
            + " ceil(kM/K) over all M of them) implies the **literal** order, `--mode wbsr-literal`;"
            + " the front is our repair of it. (2) **Eq. 16 as written**: class k gets argmin_m"
            + " |alpha k C_m / K - C_t|; only C_t/alpha matters, and a budget B takes the largest"
            + " C_t/alpha whose FLOPs stay within B. Compared with the **level rule** the slider"
            + " used so far (class k gets member min(M, ceil(L k)), the largest L within B). (3)"
            + " **Fair ARM**: ARM's lookup table is built on the calibration split's tiles and its"
            + " eta is chosen there, as the largest eta whose FLOPs stay within the Pareto"
            + " routing's FLOPs on that split; both are stored in the bundle (format 2) before any"
            + " validation image is seen. The shipped networks were trained before the split"
            + " existed, so their calibration photos were training photos: the front and ARM's"
            + " table are measured on seen images (the same for every router and training).");
    line();
    line(
        "Curves are compared at equal cost: at each FLOPs level (20 %, 25 %, ..., 100 % of"
            + " base's supernet) a curve's value is the best PSNR-Y any of its points reaches"
            + " within that level, and a gap is the mean over the levels both curves reach.");
    line();
    for (ScaleData s : data.scales()) {
      fronts(s);
      orders(s);
      budgetRules(s);
      fairArm(s);
    }
    study();
  }

  // ---------------------------------------------------------------------------------------------

  private void fronts(ScaleData s) {
    for (Role role : List.of(Role.BASE, Role.WBSR)) {
      Optional<Manifest> m = manifest(s, role);
      if (m.isEmpty() || m.get().routing().isEmpty()) {
        continue;
      }
      RoutingSpec r = m.get().routing().get();
      line(
          f(
              "### x%d %s: the Pareto front on the calibration split (%s)",
              s.scale(), role.bundleName(s.scale()), String.join(", ", r.calibration().images())));
      line();
      line("| subnet | GFLOPs / patch | calibration PSNR-Y | on the front |");
      line("|---|---|---|---|");
      List<Integer> front = r.front();
      for (int i = 0; i < m.get().subnets().size(); i++) {
        line(
            f(
                "| %s | %.3f | %.3f | %s |",
                m.get().subnets().get(i).name(),
                m.get().subnets().get(i).flopsPerPatch() / 1e9,
                r.calibration().psnrY().get(i),
                front.contains(i) ? "yes" : "no"));
      }
      line();
    }
  }

  private void orders(ScaleData s) {
    line(f("### x%d: Eq. 15 on the Pareto front and in literal order", s.scale()));
    line();
    line(
        "| set | bundle | supernet | Pareto front | literal order | Pareto FLOPs | literal FLOPs |");
    line("|---|---|---|---|---|---|---|");
    for (SetData set : s.sets()) {
      for (Role role : List.of(Role.BASE, Role.WBSR)) {
        Optional<Sweep> o = set.sweep(prefix(role) + "-orders");
        Optional<Run> sup = set.run(role, "supernet");
        if (o.isEmpty() || sup.isEmpty() || o.get().points().size() < 2) {
          continue;
        }
        SweepPoint p = o.get().points().get(0);
        SweepPoint l = o.get().points().get(1);
        double sp = sup.get().mean().psnrY();
        line(
            f(
                "| %s | %s | %.3f | %.3f (%+.3f) | %.3f (%+.3f) | %.1f%% | %.1f%% |",
                title(set.set()),
                role.bundleName(s.scale()),
                sp,
                p.psnrY(),
                ResultsMarkdown.d3(p.psnrY() - sp),
                l.psnrY(),
                ResultsMarkdown.d3(l.psnrY() - sp),
                pct(p.gflops(), s),
                pct(l.gflops(), s)));
      }
    }
    line();
  }

  private void budgetRules(ScaleData s) {
    line(f("### x%d: budget rules, PSNR-Y (FLOPs %% of base) per budget", s.scale()));
    line();
    for (SetData set : s.sets()) {
      List<String> ids = new ArrayList<>();
      List<String> heads = new ArrayList<>();
      for (Role role : List.of(Role.WBSR, Role.BASE)) {
        String p = prefix(role);
        for (String[] c :
            new String[][] {
              {p + "-budget", "level, front"},
              {p + "-budget-eq16", "Eq. 16, front"},
              {p + "-budget-literal", "level, literal"}
            }) {
          if (set.sweep(c[0]).isPresent()) {
            ids.add(c[0]);
            heads.add(role.bundleName(s.scale()) + " " + c[1]);
          }
        }
      }
      if (ids.isEmpty()) {
        continue;
      }
      line(f("%s:", title(set.set())));
      line();
      line("| budget | " + String.join(" | ", heads) + " |");
      line("|---|" + "---|".repeat(heads.size()));
      List<SweepPoint> first = set.sweep(ids.get(0)).orElseThrow().points();
      for (int i = 0; i < first.size(); i++) {
        StringBuilder b = new StringBuilder(f("| %.2f |", first.get(i).param()));
        for (String id : ids) {
          List<SweepPoint> pts = set.sweep(id).orElseThrow().points();
          b.append(
              i < pts.size()
                  ? f(" %.3f (%.1f%%) |", pts.get(i).psnrY(), pct(pts.get(i).gflops(), s))
                  : " - |");
        }
        line(b.toString());
      }
      line();
      for (Role role : List.of(Role.WBSR, Role.BASE)) {
        gap(set, s, prefix(role) + "-budget-eq16", prefix(role) + "-budget")
            .ifPresent(
                g ->
                    line(
                        f(
                            "- %s: Eq. 16 minus the level rule at equal FLOPs: %+.3f dB.",
                            role.bundleName(s.scale()), g)));
        gap(set, s, prefix(role) + "-budget", prefix(role) + "-budget-literal")
            .ifPresent(
                g ->
                    line(
                        f(
                            "- %s: level rule on the front minus in literal order: %+.3f dB.",
                            role.bundleName(s.scale()), g)));
      }
      line();
    }
  }

  private void fairArm(ScaleData s) {
    line(f("### x%d: ARM with its table and eta from the calibration split", s.scale()));
    line();
    line("| set | bundle | router | PSNR-Y | FLOPs % of base |");
    line("|---|---|---|---|---|");
    for (SetData set : s.sets()) {
      for (Role role : List.of(Role.BASE, Role.WBSR)) {
        String n = role.bundleName(s.scale());
        set.run(role, "wbsr")
            .ifPresent(
                r ->
                    line(
                        f(
                            "| %s | %s | WBSR, Eq. 15 on the front | %.3f | %.1f%% |",
                            title(set.set()), n, r.mean().psnrY(), pct(r.gflops(), s))));
        set.sweep(role == Role.BASE ? "arm-eta" : "wbsr-arm-eta")
            .flatMap(
                sw -> sw.points().stream().filter(p -> p.label().startsWith("calib")).findFirst())
            .ifPresent(
                p ->
                    line(
                        f(
                            "| %s | %s | ARM, %s | %.3f | %.1f%% |",
                            title(set.set()), n, p.label(), p.psnrY(), pct(p.gflops(), s))));
      }
    }
    line();
    line(
        "The four router x training curves at equal FLOPs (best PSNR-Y within each FLOPs level, % of"
            + " base's supernet; `-`: the curve has no point that cheap):");
    line();
    for (SetData set : s.sets()) {
      List<String[]> curves = new ArrayList<>();
      for (Role role : List.of(Role.WBSR, Role.BASE)) {
        curves.add(
            new String[] {
              prefix(role) + "-budget", "WBSR router on " + role.bundleName(s.scale())
            });
        curves.add(
            new String[] {
              role == Role.BASE ? "arm-eta" : "wbsr-arm-eta",
              "ARM router on " + role.bundleName(s.scale())
            });
      }
      StringBuilder head = new StringBuilder("| " + title(set.set()) + " x" + s.scale() + " |");
      StringBuilder rule = new StringBuilder("|---|");
      for (int i = 0; i < LEVELS.length; i += 2) {
        head.append(f(" %.0f%% |", 100 * LEVELS[i]));
        rule.append("---|");
      }
      line(head.toString());
      line(rule.toString());
      for (String[] c : curves) {
        Optional<Sweep> sw = set.sweep(c[0]);
        if (sw.isEmpty()) {
          continue;
        }
        StringBuilder b = new StringBuilder("| " + c[1] + " |");
        for (int i = 0; i < LEVELS.length; i += 2) {
          OptionalDouble v = Curves.psnrWithin(sw.get().points(), LEVELS[i] * ref(s));
          b.append(v.isPresent() ? f(" %.3f |", v.getAsDouble()) : " - |");
        }
        line(b.toString());
      }
      line();
    }
  }

  private void study() {
    line("## Recipe study (issue 11, item 4)");
    line();
    if (java.nio.file.Files.isRegularFile(STUDY)) {
      try {
        String text = java.nio.file.Files.readString(STUDY).strip();
        line("From `" + STUDY + "` (`/usr/bin/python3 -m training.wbsr.study`), as written there:");
        line();
        // its own headings one level down, under this one
        line(text.replaceAll("(?m)^# ", "### ").replaceAll("(?m)^## ", "### "));
      } catch (java.io.IOException e) {
        line("`" + STUDY + "` could not be read: " + e.getMessage());
      }
    } else {
      line(
          "Not measured yet: the recipe study (`training/study.sh`, several seeds per recipe) writes"
              + " its mean ± std table to `"
              + STUDY
              + "` (`/usr/bin/python3 -m training.wbsr.study`); this section includes that file"
              + " when it exists.");
    }
    line();
  }

  // ---------------------------------------------------------------------------------------------
  // The fair headline, shared with the README block

  /** Bullets: where WBSR wins, ties or loses with issue 11's rules, per scale and set. */
  static String headline(ReportData data) {
    StringBuilder b = new StringBuilder();
    List<Double> eq16 = new ArrayList<>();
    for (ScaleData s : data.scales()) {
      for (SetData set : s.sets()) {
        List<String> parts = new ArrayList<>();
        gap(set, s, "wbsr-budget", "arm-eta")
            .ifPresent(g -> parts.add(f("WBSR (training + router) vs ARM on base: %s", word(g))));
        gap(set, s, "base-budget", "arm-eta")
            .ifPresent(
                g -> parts.add(f("router alone (both on base-x%d): %s", s.scale(), word(g))));
        gap(set, s, "wbsr-budget", "wbsr-arm-eta")
            .ifPresent(
                g -> parts.add(f("router alone (both on wbsr-x%d): %s", s.scale(), word(g))));
        gap(set, s, "wbsr-budget", "base-budget")
            .ifPresent(g -> parts.add(f("training alone (both WBSR-routed): %s", word(g))));
        Optional<Run> w = set.run(Role.WBSR, "wbsr");
        Optional<Run> sup = set.run(Role.WBSR, "supernet");
        Optional<SweepPoint> lit =
            set.sweep("wbsr-orders").filter(o -> o.points().size() > 1).map(o -> o.points().get(1));
        if (w.isPresent() && sup.isPresent() && lit.isPresent()) {
          parts.add(
              f(
                  "Pareto routing %+.3f dB from its supernet at %.1f%% FLOPs (literal order: %+.3f"
                      + " dB at %.1f%%)",
                  ResultsMarkdown.d3(w.get().mean().psnrY() - sup.get().mean().psnrY()),
                  pct(w.get().gflops(), s),
                  ResultsMarkdown.d3(lit.get().psnrY() - sup.get().mean().psnrY()),
                  pct(lit.get().gflops(), s)));
        }
        for (String p : List.of("wbsr", "base")) {
          gap(set, s, p + "-budget-eq16", p + "-budget").ifPresent(eq16::add);
        }
        if (!parts.isEmpty()) {
          b.append(f("- **x%d %s** (at equal FLOPs): ", s.scale(), title(set.set())))
              .append(String.join("; ", parts))
              .append(".\n");
        }
      }
    }
    if (!eq16.isEmpty()) {
      double mean = eq16.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      BudgetRule better = mean > 0 ? BudgetRule.EQ16 : BudgetRule.LEVEL;
      b.append(
          f(
              "- **Budget rule**: Eq. 16 as written is %+.3f dB from the level rule at equal FLOPs"
                  + " (mean over %d curves); the slider uses the %s rule%s.\n",
              mean,
              eq16.size(),
              BudgetRule.SLIDER == BudgetRule.LEVEL ? "level" : "Eq. 16",
              better == BudgetRule.SLIDER
                  ? ", the better one here"
                  : " (not the better one here)"));
    }
    return b.toString();
  }

  /** {@code **wins** (+0.012 dB)}: a mean gap at equal FLOPs, ties within ResultsMarkdown's. */
  private static String word(double g) {
    String w = Math.abs(g) < ResultsMarkdown.TIE_DB ? "ties" : g > 0 ? "wins" : "loses";
    return f("**%s** (%+.3f dB)", w, ResultsMarkdown.d3(g));
  }

  private static Optional<Double> gap(SetData set, ScaleData s, String a, String b) {
    Optional<Sweep> x = set.sweep(a);
    Optional<Sweep> y = set.sweep(b);
    if (x.isEmpty() || y.isEmpty() || ref(s) <= 0) {
      return Optional.empty();
    }
    OptionalDouble g = Curves.meanGap(x.get().points(), y.get().points(), ref(s), LEVELS);
    return g.isPresent() ? Optional.of(g.getAsDouble()) : Optional.empty();
  }

  private static double ref(ScaleData s) {
    return s.referenceFlops() / 1e9;
  }

  private static String prefix(Role role) {
    return role == Role.BASE ? "base" : "wbsr";
  }

  private static Optional<Manifest> manifest(ScaleData s, Role role) {
    return s.status(role).flatMap(BundleStatus::bundle).map(ModelBundle::manifest);
  }
}
