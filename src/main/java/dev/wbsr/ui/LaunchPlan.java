package dev.wbsr.ui;

import dev.wbsr.ui.model.UserMessages;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What {@code wbsr ARGS...} starts: the CLI, the desktop app (with the files to open), or nothing
 * because there is no display. Pure: the environment comes in as a {@link Host}; no JavaFX here.
 *
 * <ul>
 *   <li>no argument: the app;
 *   <li>{@code -- FILE...}: the app with those files;
 *   <li>a known command ({@code upscale}, {@code info}, ...) or an option ({@code --help}): the
 *       CLI;
 *   <li>a first argument that is an existing file (what a desktop entry's {@code wbsr %F} passes):
 *       the app with all arguments as files;
 *   <li>anything else: the CLI, which explains what is wrong.
 * </ul>
 *
 * The app needs a display: on Linux and the BSDs, without {@code DISPLAY} or {@code
 * WAYLAND_DISPLAY} (and not on JavaFX's headless Monocle platform) the plan is {@link
 * Kind#NO_DISPLAY}, which {@code Main} turns into {@link #NO_DISPLAY_MESSAGE} and exit code 1.
 */
public record LaunchPlan(Kind kind, List<Path> files) {

  /** The one line printed when the app cannot start for lack of a display. */
  public static final String NO_DISPLAY_MESSAGE =
      "wbsr: no display available; the desktop app needs one. Use a command, e.g. `wbsr upscale --help`.";

  public enum Kind {
    CLI,
    APP,
    NO_DISPLAY
  }

  public LaunchPlan {
    files = List.copyOf(files);
  }

  /** What the plan needs from the machine: environment variables, system properties, files. */
  public record Host(
      Function<String, String> env, Function<String, String> property, Predicate<Path> isFile) {

    public static Host system() {
      return new Host(System::getenv, System::getProperty, Files::isRegularFile);
    }
  }

  /**
   * Decides how to start for {@code args}; {@code commands} are the CLI's command names and
   * aliases.
   */
  public static LaunchPlan decide(String[] args, Set<String> commands, Host host) {
    List<String> a = Arrays.asList(args);
    if (a.isEmpty()) {
      return app(List.of(), host);
    }
    String first = a.get(0);
    if (first.equals("--")) {
      List<Path> files = new ArrayList<>();
      for (String s : a.subList(1, a.size())) {
        toPath(s).ifPresent(files::add);
      }
      return app(files, host);
    }
    if (commands.contains(first) || first.startsWith("-")) {
      return new LaunchPlan(Kind.CLI, List.of());
    }
    Optional<Path> p = toPath(first);
    if (p.isPresent() && host.isFile().test(p.get())) {
      List<Path> files = new ArrayList<>();
      for (String s : a) {
        toPath(s).ifPresent(files::add);
      }
      return app(files, host);
    }
    return new LaunchPlan(Kind.CLI, List.of());
  }

  private static LaunchPlan app(List<Path> files, Host host) {
    return new LaunchPlan(hasDisplay(host) ? Kind.APP : Kind.NO_DISPLAY, files);
  }

  /**
   * True unless on an X11/Wayland system (Linux, the BSDs) with neither {@code DISPLAY} nor {@code
   * WAYLAND_DISPLAY} set. JavaFX's headless Monocle platform needs no display.
   */
  public static boolean hasDisplay(Host host) {
    if ("monocle".equalsIgnoreCase(nonNull(host.property().apply("glass.platform")))) {
      return true;
    }
    String os = nonNull(host.property().apply("os.name")).toLowerCase(Locale.ROOT);
    if (!os.contains("linux") && !os.contains("bsd") && !os.contains("sunos")) {
      return true; // Windows and macOS always have a desktop session when a user starts the app
    }
    return !nonNull(host.env().apply("DISPLAY")).isBlank()
        || !nonNull(host.env().apply("WAYLAND_DISPLAY")).isBlank();
  }

  /**
   * The one line printed when {@code Application.launch} failed: JavaFX could not initialise (e.g.
   * a DISPLAY that cannot be opened, missing natives), or the app's start method failed.
   */
  public static String failureMessage(Throwable launchError) {
    Throwable root = launchError;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = oneLine(UserMessages.describe(root));
    if (launchError.getMessage() != null
        && launchError.getMessage().startsWith("Exception in Application start method")) {
      return "wbsr: the desktop app failed to start: " + why;
    }
    return "wbsr: no display available (JavaFX could not start: "
        + why
        + "); the desktop app needs one. Use a command, e.g. `wbsr upscale --help`.";
  }

  /** The files as the app receives them ({@code Application.Parameters#getRaw()}). */
  public static List<Path> files(List<String> raw) {
    List<Path> out = new ArrayList<>();
    for (String s : raw) {
      if (!s.equals("--")) {
        toPath(s).ifPresent(out::add);
      }
    }
    return out;
  }

  /** A path or a {@code file:} URI; empty for a string that names no path. */
  static Optional<Path> toPath(String s) {
    try {
      if (s.startsWith("file:")) {
        return Optional.of(Path.of(URI.create(s)));
      }
      return s.isEmpty() ? Optional.empty() : Optional.of(Path.of(s));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
