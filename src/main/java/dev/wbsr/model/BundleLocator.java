package dev.wbsr.model;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds model bundles. The default search path is, in order: the folders in the environment
 * variable {@code WBSR_MODELS} (path-separator separated), {@code models/} in the working
 * directory, and {@code models/} next to the jar or one folder above it (so {@code target/wbsr.jar}
 * finds the repository's {@code models/}).
 */
public final class BundleLocator {

  /** Name of the bundle chosen when none is asked for, if present. */
  public static final String DEFAULT_BUNDLE = "wbsr-x2";

  /** One folder that holds a {@code manifest.json}: loaded, or with the reason it failed. */
  public record Entry(Path dir, Optional<ModelBundle> bundle, Optional<String> error) {
    public String name() {
      return bundle.map(ModelBundle::name).orElse(dir.getFileName().toString());
    }
  }

  private final List<Path> roots;

  public BundleLocator(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /** A locator over {@link #defaultRoots()}. */
  public static BundleLocator standard() {
    return new BundleLocator(defaultRoots());
  }

  public List<Path> roots() {
    return roots;
  }

  public static List<Path> defaultRoots() {
    Set<Path> out = new LinkedHashSet<>();
    String env = System.getenv("WBSR_MODELS");
    if (env != null && !env.isBlank()) {
      for (String p : env.split(java.io.File.pathSeparator)) {
        if (!p.isBlank()) {
          out.add(Path.of(p).toAbsolutePath().normalize());
        }
      }
    }
    out.add(Path.of("models").toAbsolutePath().normalize());
    codeLocation()
        .ifPresent(
            dir -> {
              out.add(dir.resolve("models").normalize());
              if (dir.getParent() != null) {
                out.add(dir.getParent().resolve("models").normalize());
              }
            });
    return out.stream().filter(Files::isDirectory).toList();
  }

  /** Every bundle folder under the roots (one level deep), sorted by name, broken ones included. */
  public List<Entry> scan() {
    List<Entry> out = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path root : roots) {
      List<Path> dirs;
      try (Stream<Path> s = Files.list(root)) {
        dirs =
            s.filter(d -> Files.isRegularFile(d.resolve(ModelBundle.MANIFEST))).sorted().toList();
      } catch (IOException e) {
        continue;
      }
      for (Path d : dirs) {
        if (seen.add(realPath(d))) {
          out.add(entry(d));
        }
      }
    }
    out.sort(Comparator.comparing(Entry::name));
    return out;
  }

  /** Loaded bundles only. */
  public List<ModelBundle> bundles() {
    return scan().stream().flatMap(e -> e.bundle().stream()).toList();
  }

  /**
   * The bundle named by {@code nameOrPath}: an existing folder, or the name of a bundle under the
   * roots. {@code null} or blank picks {@link #defaultBundle()}.
   */
  public ModelBundle resolve(String nameOrPath) {
    if (nameOrPath == null || nameOrPath.isBlank()) {
      return defaultBundle();
    }
    Path p = Path.of(nameOrPath);
    if (Files.isDirectory(p)) {
      return ModelBundle.load(p);
    }
    for (Entry e : scan()) {
      if (e.name().equals(nameOrPath) || e.dir().getFileName().toString().equals(nameOrPath)) {
        return e.bundle().orElseGet(() -> ModelBundle.load(e.dir()));
      }
    }
    throw new BundleException(
        "no model bundle '"
            + nameOrPath
            + "' (neither a folder nor a bundle under "
            + roots
            + "); found: "
            + names());
  }

  /** {@value #DEFAULT_BUNDLE} if present, else the first wbsr bundle of scale 2, else any. */
  public ModelBundle defaultBundle() {
    List<ModelBundle> all = bundles();
    if (all.isEmpty()) {
      throw new BundleException(
          "no model bundles found under " + (roots.isEmpty() ? "models/" : roots.toString()));
    }
    Comparator<ModelBundle> preference =
        Comparator.<ModelBundle>comparingInt(b -> DEFAULT_BUNDLE.equals(b.name()) ? 0 : 1)
            .thenComparingInt(b -> b.manifest().kind() == Manifest.Kind.WBSR ? 0 : 1)
            .thenComparingInt(b -> b.manifest().scale() == 2 ? 0 : 1)
            .thenComparing(ModelBundle::name);
    return all.stream().min(preference).orElseThrow();
  }

  private List<String> names() {
    return scan().stream().map(Entry::name).toList();
  }

  private static Entry entry(Path dir) {
    try {
      return new Entry(dir, Optional.of(ModelBundle.load(dir)), Optional.empty());
    } catch (BundleException e) {
      return new Entry(dir, Optional.empty(), Optional.of(e.getMessage()));
    }
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private static Optional<Path> codeLocation() {
    try {
      var source = BundleLocator.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
      // target/classes or target/wbsr.jar: both live in target/
      return Optional.ofNullable(p.getParent());
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
