package dev.wbsr.cli;

import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.RoutingPolicy;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The routing options: mode, budget and ARM's eta. */
final class ModeMixin {

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "wbsr (over the bundle's calibrated Pareto front), wbsr-literal (over all subnets"
              + " sorted by FLOPs), supernet, subnet:N, arm, classsr (ClassSR bundles) or bicubic."
              + " Default: the bundle's own routing (classsr for ClassSR bundles, wbsr otherwise).")
  String mode;

  @Option(
      names = "--budget",
      paramLabel = "B",
      description =
          "wbsr only: spend at most B (0..1] of the supernet's FLOPs on each image; 1 = supernet"
              + " everywhere. Default: the paper's rule (no budget).")
  Double budget;

  @Option(
      names = "--eta",
      paramLabel = "ETA",
      description = "arm only: quality/cost trade-off, 0.5..32 (default 2).")
  Double eta;

  @Option(
      names = "--cost",
      paramLabel = "flops|time",
      defaultValue = "flops",
      description =
          "What --budget counts: flops (the paper's accounting) or time (each subnet's time measured"
              + " on this machine at first use, a second or two, then cached per machine and bundle"
              + " in ~/.cache/wbsr/subnet-times). Default: ${DEFAULT-VALUE}.")
  String cost;

  /** Whether {@code --cost time} was asked for. */
  boolean timeCost() {
    return "time".equals(cost);
  }

  /**
   * Checks the options before any work starts; a bad combination is a usage error (exit code 2).
   */
  void validate(CommandLine cmd) {
    parse(cmd, mode == null ? "wbsr" : mode);
    if (!"flops".equals(cost) && !"time".equals(cost)) {
      throw new CommandLine.ParameterException(
          cmd, "--cost must be flops or time, got '" + cost + "'");
    }
    if (timeCost() && budget == null) {
      throw new CommandLine.ParameterException(
          cmd, "--cost time needs --budget (without a budget WBSR follows the paper's rule)");
    }
  }

  /**
   * The routing: the policy as it is, or with {@code --cost time} WBSR over this machine's measured
   * subnet times ({@code byTime}, e.g. {@code TimeCosts::byTime}; called only then).
   */
  RoutingPolicy routed(
      CommandLine cmd, ModelBundle bundle, Function<RoutingPolicy, RoutingPolicy> byTime) {
    RoutingPolicy policy = policy(cmd, bundle);
    return timeCost() ? byTime.apply(policy) : policy;
  }

  /** The policy for {@code bundle}: without --mode, the bundle's own routing. */
  RoutingPolicy policy(CommandLine cmd, ModelBundle bundle) {
    boolean classSr = bundle.manifest().kind() == Manifest.Kind.CLASSSR;
    return parse(cmd, mode != null ? mode : classSr ? "classsr" : "wbsr");
  }

  private RoutingPolicy parse(CommandLine cmd, String m) {
    try {
      return RoutingPolicy.parse(m, budget, eta);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
  }
}
