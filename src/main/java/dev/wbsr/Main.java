package dev.wbsr;

import dev.wbsr.cli.WbsrCommand;
import dev.wbsr.engine.Offline;

/**
 * Entry point of {@code java -jar wbsr.jar}: with a command, the CLI; without one, the desktop app
 * ({@code dev.wbsr.ui.StudioLauncher}).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Offline.ensure(); // before any DJL class loads
    if (args.length == 0) {
      dev.wbsr.ui.StudioLauncher.main(args); // no command: the desktop app
      return;
    }
    System.exit(WbsrCommand.commandLine().execute(args));
  }
}
