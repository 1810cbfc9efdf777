package dev.wbsr.pipeline;

import dev.wbsr.model.ArmTable;
import dev.wbsr.model.BundleException;
import dev.wbsr.model.Manifest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How patches are mapped to subnets. Immutable values; {@link #assign} is pure and cheap (no
 * inference), so a UI can call it on every slider move.
 */
public sealed interface RoutingPolicy {

  /**
   * The CLI mode name: {@code wbsr}, {@code wbsr-literal}, {@code arm}, {@code supernet}, {@code
   * subnet:N}, {@code classsr}, {@code bicubic}.
   */
  String mode();

  /** Human-readable, e.g. {@code wbsr (budget 0.60)}. */
  String label();

  Assignment assign(PatchAnalysis analysis, Manifest manifest);

  /**
   * WBSR routing over the bundle's {@link SubnetOrder} members (its Pareto front by default, all
   * subnets sorted by cost for {@code wbsr-literal}), with {@link RoutingCost} deciding what cost
   * means (paper FLOPs by default, or measured time: then the front and the budget are over time).
   * {@link Budget.PaperRule}: Eq. 15, class k runs member {@code ceil(k M' / K)}. {@link
   * Budget.Fraction} B: the most generous table of the {@link BudgetRule}'s monotone family (see
   * {@link BudgetRouting}) whose cost stays within B times the supernet's cost on this image.
   */
  record Wbsr(Budget budget, SubnetOrder order, BudgetRule rule, RoutingCost cost)
      implements RoutingPolicy {
    public Wbsr {
      java.util.Objects.requireNonNull(budget, "budget");
      java.util.Objects.requireNonNull(order, "order");
      java.util.Objects.requireNonNull(rule, "rule");
      java.util.Objects.requireNonNull(cost, "cost");
    }

    public Wbsr(Budget budget, SubnetOrder order, BudgetRule rule) {
      this(budget, order, rule, RoutingCost.FLOPS);
    }

    public Wbsr(Budget budget) {
      this(budget, SubnetOrder.PARETO, BudgetRule.SLIDER);
    }

    public static Wbsr paper() {
      return new Wbsr(Budget.DEFAULT);
    }

    public static Wbsr budget(double b) {
      return new Wbsr(new Budget.Fraction(b));
    }

    public Wbsr withOrder(SubnetOrder o) {
      return new Wbsr(budget, o, rule, cost);
    }

    public Wbsr withRule(BudgetRule r) {
      return new Wbsr(budget, order, r, cost);
    }

    /** The same routing with cost counted as {@code c} (front and budget). */
    public Wbsr withCost(RoutingCost c) {
      return new Wbsr(budget, order, rule, c);
    }

    @Override
    public String mode() {
      return order == SubnetOrder.LITERAL ? "wbsr-literal" : "wbsr";
    }

    @Override
    public String label() {
      String of = cost instanceof RoutingCost.Time ? " of measured time" : "";
      if (budget instanceof Budget.Fraction f) {
        return String.format(
            Locale.ROOT,
            "%s (budget %.2f%s%s)",
            mode(),
            f.value(),
            of,
            rule == BudgetRule.SLIDER ? "" : ", " + rule.id());
      }
      return of.isEmpty() ? mode() : mode() + " (paper rule over measured time)";
    }

    @Override
    public Assignment assign(PatchAnalysis a, Manifest m) {
      int[] members = cost.members(m, order);
      double[] perPatch = cost.perPatch(m);
      double[] costs = new double[members.length];
      for (int i = 0; i < members.length; i++) {
        costs[i] = perPatch[members[i]];
      }
      int[] byMember =
          budget instanceof Budget.Fraction f
              ? BudgetRouting.table(
                  rule, a.classWeights(), costs, perPatch[m.supernet()], f.value())
              : BudgetRouting.paperTable(m.numClasses(), members.length);
      int[] table = new int[byMember.length];
      for (int k = 0; k < table.length; k++) {
        table[k] = members[byMember[k]];
      }
      return byClass(this, a, m, table);
    }
  }

  /**
   * ARM (method note section 7): per patch, the edge-score bin's subnet maximising {@code eta *
   * PSNR - FLOPs / FLOPs(supernet)}, ties to the cheaper subnet.
   */
  record Arm(double eta) implements RoutingPolicy {
    public static final double DEFAULT_ETA = 2.0;

    public Arm {
      if (!(eta > 0) || Double.isInfinite(eta)) {
        throw new IllegalArgumentException("eta must be positive, got " + eta);
      }
    }

    @Override
    public String mode() {
      return "arm";
    }

    @Override
    public String label() {
      return String.format(Locale.ROOT, "arm (eta %.2f)", eta);
    }

    @Override
    public Assignment assign(PatchAnalysis a, Manifest m) {
      ArmTable t =
          m.arm()
              .orElseThrow(
                  () -> new BundleException("bundle " + m.name() + " has no ARM lookup table"));
      double[] flops = m.flopsPerPatch();
      double full = flops[m.supernet()];
      int[] best = new int[t.bins()];
      for (int b = 0; b < t.bins(); b++) {
        List<Double> psnr = t.psnrY().get(b);
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < flops.length; s++) {
          double v = eta * psnr.get(s) - flops[s] / full;
          if (v > bestValue) {
            bestValue = v;
            best[b] = s;
          }
        }
      }
      int[] subnets = new int[a.size()];
      for (int i = 0; i < subnets.length; i++) {
        subnets[i] = best[t.binOf(a.edgeScore(i))];
      }
      return new Assignment(this, a.grid(), subnets, null, flops, m.supernet());
    }
  }

  /**
   * ClassSR (method note section 7): the bundle's classifier picks a branch per patch (argmax); its
   * FLOPs count in the paper convention. ClassSR bundles only.
   */
  record ClassSr() implements RoutingPolicy {
    @Override
    public String mode() {
      return "classsr";
    }

    @Override
    public String label() {
      return "classsr";
    }

    @Override
    public Assignment assign(PatchAnalysis a, Manifest m) {
      var spec =
          m.classsr()
              .orElseThrow(
                  () ->
                      new BundleException(
                          "bundle " + m.name() + " is not a ClassSR bundle (no classifier)"));
      if (!a.hasBranches()) {
        throw new IllegalStateException("the ClassSR classifier has not run on this image");
      }
      int[] subnets = new int[a.size()];
      for (int i = 0; i < subnets.length; i++) {
        subnets[i] = a.branchOf(i);
      }
      return new Assignment(
          this,
          a.grid(),
          subnets,
          null,
          m.flopsPerPatch(),
          m.supernet(),
          spec.classifierFlopsPerPatch());
    }
  }

  /** The full network on every patch (WBSR-dagger in the paper's tables). */
  record Supernet() implements RoutingPolicy {
    @Override
    public String mode() {
      return "supernet";
    }

    @Override
    public String label() {
      return "supernet";
    }

    @Override
    public Assignment assign(PatchAnalysis a, Manifest m) {
      return constant(this, a, m, m.supernet());
    }
  }

  /** One fixed subnet (0-based id as in the manifest) on every patch. */
  record Subnet(int id) implements RoutingPolicy {
    @Override
    public String mode() {
      return "subnet:" + id;
    }

    @Override
    public String label() {
      return "subnet " + id;
    }

    @Override
    public Assignment assign(PatchAnalysis a, Manifest m) {
      if (id < 0 || id >= m.subnets().size()) {
        throw new IllegalArgumentException(
            "subnet "
                + id
                + " does not exist; "
                + m.name()
                + " has 0.."
                + (m.subnets().size() - 1));
      }
      return constant(this, a, m, id);
    }
  }

  /** Bicubic interpolation everywhere (no network, 0 FLOPs). */
  record Bicubic() implements RoutingPolicy {
    @Override
    public String mode() {
      return "bicubic";
    }

    @Override
    public String label() {
      return "bicubic";
    }

    @Override
    public Assignment assign(PatchAnalysis a, Manifest m) {
      return constant(this, a, m, Assignment.BICUBIC);
    }
  }

  /**
   * Parses a CLI mode. {@code budget} applies to {@code wbsr} only and {@code eta} to {@code arm}
   * only (null = not given / default).
   */
  static RoutingPolicy parse(String mode, Double budget, Double eta) {
    String m = mode.trim().toLowerCase(Locale.ROOT);
    if (budget != null && !m.startsWith("wbsr")) {
      throw new IllegalArgumentException("--budget applies to --mode wbsr and wbsr-literal only");
    }
    if (eta != null && !m.equals("arm")) {
      throw new IllegalArgumentException("--eta applies to --mode arm only");
    }
    if (m.startsWith("subnet:")) {
      try {
        return new Subnet(Integer.parseInt(m.substring("subnet:".length())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "bad mode '" + mode + "': expected subnet:N with N a subnet id");
      }
    }
    return switch (m) {
      case "wbsr" -> new Wbsr(Budget.of(budget));
      case "wbsr-literal" -> new Wbsr(Budget.of(budget)).withOrder(SubnetOrder.LITERAL);
      case "arm" -> new Arm(eta == null ? Arm.DEFAULT_ETA : eta);
      case "supernet" -> new Supernet();
      case "bicubic" -> new Bicubic();
      case "classsr" -> new ClassSr();
      default ->
          throw new IllegalArgumentException(
              "unknown mode '"
                  + mode
                  + "' (expected wbsr, wbsr-literal, supernet, subnet:N, arm, classsr or bicubic)");
    };
  }

  private static Assignment byClass(RoutingPolicy p, PatchAnalysis a, Manifest m, int[] table) {
    int[] subnets = new int[a.size()];
    for (int i = 0; i < subnets.length; i++) {
      subnets[i] = table[a.classOf(i) - 1];
    }
    return new Assignment(
        p,
        a.grid(),
        subnets,
        Arrays.stream(table).boxed().toList(),
        m.flopsPerPatch(),
        m.supernet());
  }

  private static Assignment constant(RoutingPolicy p, PatchAnalysis a, Manifest m, int subnet) {
    int[] table = new int[m.numClasses()];
    Arrays.fill(table, subnet);
    return byClass(p, a, m, table);
  }
}
