package dev.wbsr;

import dev.wbsr.cli.WbsrCommand;
import dev.wbsr.engine.Offline;
import dev.wbsr.ui.LaunchPlan;
import picocli.CommandLine;

/**
 * Entry point of {@code java -jar wbsr.jar} and the packaged {@code wbsr}: with a command, the CLI;
 * without one, or with files (a desktop entry's {@code wbsr %F}, or {@code wbsr -- FILE...}), the
 * desktop app ({@code dev.wbsr.ui.StudioLauncher}); see {@link LaunchPlan} for the rules.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Offline.ensure(); // before any DJL class loads
    CommandLine cli = WbsrCommand.commandLine();
    LaunchPlan plan =
        LaunchPlan.decide(args, cli.getSubcommands().keySet(), LaunchPlan.Host.system());
    switch (plan.kind()) {
      case APP -> {
        int rc = dev.wbsr.ui.StudioLauncher.launch(plan.files());
        if (rc != 0) {
          System.exit(rc);
        }
      }
      case NO_DISPLAY -> {
        System.err.println(LaunchPlan.NO_DISPLAY_MESSAGE);
        System.exit(1);
      }
      case CLI -> System.exit(cli.execute(args));
    }
  }
}
