package dev.wbsr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.ui.LaunchPlan.Host;
import dev.wbsr.ui.LaunchPlan.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dispatch of {@code wbsr ARGS...} between the CLI and the app (no window needed). */
class LaunchPlanTest {

  static final Set<String> COMMANDS = Set.of("info", "upscale", "eval", "bench", "report", "help");
  static final Set<Path> FILES =
      Set.of(Path.of("photo.png"), Path.of("/home/u/b.jpg"), Path.of("info.png"));

  static Host host(Map<String, String> env, String os) {
    return new Host(env::get, k -> k.equals("os.name") ? os : null, FILES::contains);
  }

  static final Host X11 = host(Map.of("DISPLAY", ":0"), "Linux");
  static final Host WAYLAND = host(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux");
  static final Host NO_DISPLAY = host(Map.of(), "Linux");

  static LaunchPlan decide(Host h, String... args) {
    return LaunchPlan.decide(args, COMMANDS, h);
  }

  @Test
  void noArgumentsOpensTheApp() {
    assertThat(decide(X11)).isEqualTo(new LaunchPlan(Kind.APP, java.util.List.of()));
    assertThat(decide(WAYLAND).kind()).isEqualTo(Kind.APP);
  }

  @Test
  void commandsAndOptionsGoToTheCli() {
    assertThat(decide(X11, "upscale", "photo.png").kind()).isEqualTo(Kind.CLI);
    assertThat(decide(X11, "info").kind()).isEqualTo(Kind.CLI);
    assertThat(decide(X11, "--help").kind()).isEqualTo(Kind.CLI);
    assertThat(decide(X11, "-V").kind()).isEqualTo(Kind.CLI);
    // without a display too: the CLI never needs one
    assertThat(decide(NO_DISPLAY, "upscale", "--help").kind()).isEqualTo(Kind.CLI);
  }

  @Test
  void anExistingFileOpensTheAppWithAllArgumentsAsFiles() {
    LaunchPlan p = decide(X11, "photo.png", "/home/u/b.jpg", "gone.png");
    assertThat(p.kind()).isEqualTo(Kind.APP);
    assertThat(p.files())
        .containsExactly(Path.of("photo.png"), Path.of("/home/u/b.jpg"), Path.of("gone.png"));
    assertThat(decide(X11, "file:///home/u/b.jpg").files())
        .containsExactly(Path.of("/home/u/b.jpg"));
  }

  @Test
  void theCliCommandNamesComeFromPicocli() {
    Set<String> real = dev.wbsr.cli.WbsrCommand.commandLine().getSubcommands().keySet();
    assertThat(real).contains("upscale", "info");
    assertThat(LaunchPlan.decide(new String[] {"upscale", "x.png"}, real, X11).kind())
        .isEqualTo(Kind.CLI);
  }

  @Test
  void aKnownCommandWinsOverAFileOfTheSameName() {
    Host infoFile =
        new Host(
            Map.of("DISPLAY", ":0")::get, k -> k.equals("os.name") ? "Linux" : null, p -> true);
    assertThat(LaunchPlan.decide(new String[] {"info"}, COMMANDS, infoFile).kind())
        .isEqualTo(Kind.CLI);
  }

  @Test
  void doubleDashForcesFiles() {
    LaunchPlan p = decide(X11, "--", "info", "-weird.png");
    assertThat(p.kind()).isEqualTo(Kind.APP);
    assertThat(p.files()).containsExactly(Path.of("info"), Path.of("-weird.png"));
    assertThat(decide(X11, "--").files()).isEmpty();
  }

  @Test
  void somethingElseGoesToTheCliWhichExplains() {
    assertThat(decide(X11, "missing.png").kind()).isEqualTo(Kind.CLI);
    assertThat(decide(X11, "upscal").kind()).isEqualTo(Kind.CLI);
  }

  @Test
  void theAppWithoutADisplayIsRefused() {
    assertThat(decide(NO_DISPLAY).kind()).isEqualTo(Kind.NO_DISPLAY);
    assertThat(decide(NO_DISPLAY, "photo.png").kind()).isEqualTo(Kind.NO_DISPLAY);
    assertThat(decide(host(Map.of("DISPLAY", " "), "Linux")).kind()).isEqualTo(Kind.NO_DISPLAY);
    assertThat(decide(host(Map.of(), "FreeBSD")).kind()).isEqualTo(Kind.NO_DISPLAY);
    assertThat(LaunchPlan.NO_DISPLAY_MESSAGE)
        .startsWith("wbsr: no display available")
        .contains("wbsr upscale --help")
        .doesNotContain("\n");
  }

  @Test
  void windowsMacAndMonocleNeedNoDisplayVariable() {
    assertThat(decide(host(Map.of(), "Windows 11")).kind()).isEqualTo(Kind.APP);
    assertThat(decide(host(Map.of(), "Mac OS X")).kind()).isEqualTo(Kind.APP);
    Host monocle =
        new Host(
            k -> null,
            k ->
                switch (k) {
                  case "os.name" -> "Linux";
                  case "glass.platform" -> "Monocle";
                  default -> null;
                },
            p -> false);
    assertThat(decide(monocle).kind()).isEqualTo(Kind.APP);
  }

  @Test
  void launchFailuresBecomeOneLine() {
    RuntimeException noDisplay =
        new RuntimeException(
            "Application launch exception",
            new UnsupportedOperationException("Unable to open DISPLAY"));
    assertThat(LaunchPlan.failureMessage(noDisplay))
        .isEqualTo(
            "wbsr: no display available (JavaFX could not start: Unable to open DISPLAY); "
                + "the desktop app needs one. Use a command, e.g. `wbsr upscale --help`.");
    RuntimeException natives =
        new RuntimeException(
            "Application launch error",
            new UnsatisfiedLinkError("no glass in java.library.path:\n/usr/lib"));
    assertThat(LaunchPlan.failureMessage(natives))
        .contains("no glass in java.library.path: /usr/lib")
        .doesNotContain("\n");
    RuntimeException start =
        new RuntimeException(
            "Exception in Application start method", new IllegalStateException("services"));
    assertThat(LaunchPlan.failureMessage(start))
        .isEqualTo("wbsr: the desktop app failed to start: services");
  }

  @Test
  void theAppReadsItsFilesFromItsRawParameters() {
    assertThat(LaunchPlan.files(java.util.List.of("--", "a.png", "", "file:///tmp/b.png")))
        .containsExactly(Path.of("a.png"), Path.of("/tmp/b.png"));
  }
}
