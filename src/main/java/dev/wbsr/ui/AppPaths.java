package dev.wbsr.ui;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds {@code assets/} and {@code models/} next to the working directory or to the jar (and the
 * jar's parent, for {@code target/wbsr.jar} in a checkout, or an installer's {@code lib/} or {@code
 * app/} folder). The system property {@code wbsr.home} comes first when set.
 */
public final class AppPaths {

  private AppPaths() {}

  public static List<Path> homes() {
    Set<Path> out = new LinkedHashSet<>();
    String prop = System.getProperty("wbsr.home");
    if (prop != null && !prop.isBlank()) {
      out.add(Path.of(prop).toAbsolutePath().normalize());
    }
    out.add(Path.of("").toAbsolutePath().normalize());
    jarDir()
        .ifPresent(
            d -> {
              Path p = d;
              for (int i = 0; i < 3 && p != null; i++) {
                out.add(p);
                p = p.getParent();
              }
            });
    return new ArrayList<>(out);
  }

  static Optional<Path> jarDir() {
    try {
      var src = AppPaths.class.getProtectionDomain().getCodeSource();
      if (src == null) {
        return Optional.empty();
      }
      Path p = Path.of(src.getLocation().toURI()).toAbsolutePath();
      return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Every existing {@code models/} folder, nearest first. */
  public static List<Path> modelRoots() {
    List<Path> out = new ArrayList<>();
    for (Path h : homes()) {
      Path m = h.resolve("models");
      if (Files.isDirectory(m)) {
        out.add(m);
      }
    }
    return out;
  }

  /** A file under {@code assets/}, e.g. {@code samples/coffee.png}. */
  public static Optional<Path> asset(String relative) {
    for (Path h : homes()) {
      Path a = h.resolve("assets").resolve(relative);
      if (Files.isRegularFile(a)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The app's data folder (the log files): {@code -Dwbsr.data.dir} if set (tests use a temporary
   * folder), else {@code %LOCALAPPDATA%\\wbsr} on Windows, {@code $XDG_DATA_HOME/wbsr}, or {@code
   * ~/.local/share/wbsr}.
   */
  public static Path dataDir() {
    String forced = System.getProperty("wbsr.data.dir");
    if (forced != null && !forced.isBlank()) {
      return Path.of(forced);
    }
    String local = System.getenv("LOCALAPPDATA");
    if (local != null && !local.isBlank()) {
      return Path.of(local, "wbsr");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "wbsr");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "wbsr");
  }
}
