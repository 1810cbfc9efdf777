package dev.wbsr.cli;

import dev.wbsr.pipeline.RoutingPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The routing options: mode, budget and ARM's eta. */
final class ModeMixin {

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "wbsr",
      description =
          "wbsr, supernet, subnet:N, arm, classsr (ClassSR bundles) or bicubic. Default:"
              + " ${DEFAULT-VALUE}.")
  String mode;

  @Option(
      names = "--budget",
      paramLabel = "B",
      description =
          "wbsr only: spend at most B (0..1] of the supernet's FLOPs on each image; 1 = supernet"
              + " everywhere.")
  Double budget;

  @Option(
      names = "--eta",
      paramLabel = "ETA",
      description = "arm only: quality/cost trade-off, 0.5..32 (default 2).")
  Double eta;

  /** The policy; a bad combination is a usage error (exit code 2). */
  RoutingPolicy policy(CommandLine cmd) {
    try {
      return RoutingPolicy.parse(mode, budget, eta);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
  }
}
