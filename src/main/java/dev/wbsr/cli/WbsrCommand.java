package dev.wbsr.cli;

import dev.wbsr.engine.Offline;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "wbsr",
    mixinStandardHelpOptions = true,
    versionProvider = WbsrCommand.Version.class,
    description = {
      "WBSR Studio: weight-balanced super-resolution (NeurIPS 2024) with per-patch compute"
          + " routing.",
      "Without a command the desktop app opens."
    },
    subcommands = {
      InfoCommand.class,
      UpscaleCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WbsrCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line with the project's exit codes: 0 ok, 1 failure, 2 bad usage. */
  public static CommandLine commandLine() {
    // Before any command can touch the engine: verifying OnnxEngine already loads DJL classes,
    // before OnnxEngine.open (which also calls this) runs. Callers other than Main (tests, an
    // embedding program) get the flags too (NoNetworkTest).
    Offline.ensure();
    CommandLine cl = new CommandLine(new WbsrCommand());
    cl.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          cmd.getErr().println("error: " + dev.wbsr.job.Reasons.of(e, null));
          return 1;
        });
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = WbsrCommand.class.getPackage().getImplementationVersion();
      return new String[] {"wbsr " + (v == null ? "dev" : v)};
    }
  }
}
