package dev.wbsr.report;

import static dev.wbsr.report.ReportRunner.f;

import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.model.RoutingSpec;
import dev.wbsr.pipeline.BudgetRule;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.SubnetOrder;
import dev.wbsr.report.ReportData.ArmChoice;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.Sweep;
import dev.wbsr.report.ReportData.SweepPoint;
import dev.wbsr.report.ReportRunner.SweepPointSpec;
import dev.wbsr.report.ReportRunner.SweepSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which routings the report sweeps on a bundle, and how ARM's eta for the table is chosen. */
final class SweepPlans {

  private final ReportOptions options;

  SweepPlans(ReportOptions options) {
    this.options = options;
  }

  /**
   * The sweeps of issue 11 on a WBSR-kind bundle ({@code prefix} = wbsr or base): Eq. 15 on the
   * Pareto front and on all subnets (literal), the budget swept with the level rule on the front,
   * with Eq. 16 on the front and with the level rule in literal order (the rule before issue 11),
   * and ARM's eta (with the bundle's table, built on the calibration split in format 2).
   */
  List<SweepSpec> routing(String prefix, Role role, ModelBundle bundle) {
    String n = name(role, bundle);
    RoutingPolicy.Wbsr paper = RoutingPolicy.Wbsr.paper();
    List<SweepSpec> specs = new ArrayList<>();
    specs.add(
        new SweepSpec(
            prefix + "-orders",
            "Eq. 15 on the Pareto front and in literal order on " + n,
            role,
            n,
            List.of(
                new SweepPointSpec("pareto", 0, paper),
                new SweepPointSpec("literal", 1, paper.withOrder(SubnetOrder.LITERAL)))));
    specs.add(
        budgetSweep(prefix + "-budget", "level rule, Pareto front, on " + n, role, bundle, p -> p));
    specs.add(
        budgetSweep(
            prefix + "-budget-eq16",
            "Eq. 16, Pareto front, on " + n,
            role,
            bundle,
            p -> p.withRule(BudgetRule.EQ16)));
    specs.add(
        budgetSweep(
            prefix + "-budget-literal",
            "level rule, literal order, on " + n,
            role,
            bundle,
            p -> p.withOrder(SubnetOrder.LITERAL)));
    if (bundle.manifest().arm().isPresent()) {
      List<SweepPointSpec> etas = new ArrayList<>();
      List<Double> sorted = options.etas().stream().sorted((a, b) -> Double.compare(b, a)).toList();
      for (double eta : sorted) {
        etas.add(new SweepPointSpec(f("eta %.2f", eta), eta, new RoutingPolicy.Arm(eta)));
      }
      bundle
          .manifest()
          .routing()
          .flatMap(RoutingSpec::arm)
          .ifPresent(
              a ->
                  etas.add(
                      new SweepPointSpec(
                          f("calibrated eta %.2f", a.eta()),
                          a.eta(),
                          new RoutingPolicy.Arm(a.eta()))));
      specs.add(
          new SweepSpec(
              role == Role.BASE ? "arm-eta" : prefix + "-arm-eta",
              "ARM routing on " + n,
              role,
              n,
              etas));
    }
    return specs;
  }

  /**
   * ARM's eta for the table row. Format 2 bundles carry it: chosen on the calibration split for the
   * Pareto routing's FLOPs there, before any validation image is seen (the fair protocol of issue
   * 11). Older bundles fall back to {@link #chooseEta} (picked on the test set, after the fact).
   */
  static ArmChoice armChoice(Manifest m, Sweep arm, Optional<Run> wbsr) {
    Optional<RoutingSpec.ArmCalibration> c = m.routing().flatMap(RoutingSpec::arm);
    if (c.isPresent()) {
      return new ArmChoice(
          c.get().eta(),
          f(
              "chosen on the calibration split (%s): the largest eta whose FLOPs there stay within"
                  + " the Pareto routing's (%.1f %%)",
              c.get().builtOn(), 100 * c.get().flopsTarget()));
    }
    return chooseEta(arm, wbsr);
  }

  /**
   * The cheapest eta of the sweep whose PSNR-Y reaches WBSR's (FLOPs then compare at equal
   * quality); if none does, the best one; without a WBSR row, ARM's default eta.
   */
  static ArmChoice chooseEta(Sweep arm, Optional<Run> wbsr) {
    if (wbsr.isEmpty()) {
      return new ArmChoice(
          RoutingPolicy.Arm.DEFAULT_ETA, "the default eta (no WBSR row to match on this set)");
    }
    double target = wbsr.get().mean().psnrY();
    List<SweepPoint> byEta =
        arm.points().stream().sorted((a, b) -> Double.compare(a.param(), b.param())).toList();
    for (SweepPoint p : byEta) {
      if (p.psnrY() >= target) {
        return new ArmChoice(
            p.param(),
            f("the smallest eta of the sweep whose PSNR-Y reaches +WBSR's (%.3f dB)", target));
      }
    }
    SweepPoint best = byEta.get(0);
    for (SweepPoint p : byEta) {
      if (p.psnrY() > best.psnrY()) {
        best = p;
      }
    }
    return new ArmChoice(
        best.param(),
        f("no eta of the sweep reaches +WBSR's %.3f dB: the eta with the best PSNR-Y", target));
  }

  SweepSpec budgetSweep(
      String id,
      String title,
      Role role,
      ModelBundle bundle,
      java.util.function.UnaryOperator<RoutingPolicy.Wbsr> variant) {
    List<SweepPointSpec> points = new ArrayList<>();
    List<Double> sorted =
        options.budgets().stream().sorted((a, b) -> Double.compare(b, a)).toList();
    for (double b : sorted) {
      points.add(
          new SweepPointSpec(f("budget %.2f", b), b, variant.apply(RoutingPolicy.Wbsr.budget(b))));
    }
    return new SweepSpec(id, title, role, name(role, bundle), points);
  }

  private static String name(Role role, ModelBundle bundle) {
    return role.bundleName(bundle.manifest().scale());
  }
}
