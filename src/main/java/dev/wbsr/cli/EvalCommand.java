package dev.wbsr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Score a model on ground-truth images (PSNR-Y, SSIM-Y, FLOPs).")
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: eval is not available yet (waiting for dev.wbsr.metrics)");
    return 1;
  }
}
