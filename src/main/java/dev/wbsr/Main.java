package dev.wbsr;

import dev.wbsr.cli.WbsrCommand;
import dev.wbsr.engine.Offline;

/**
 * Entry point of {@code java -jar wbsr.jar}: with a command, the CLI; without one, the desktop app
 * (until the app exists, the CLI's help).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Offline.ensure(); // before any DJL class loads
    System.exit(WbsrCommand.commandLine().execute(args));
  }
}
