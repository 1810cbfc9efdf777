package dev.wbsr.about;

import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.TrainingRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine;

/**
 * What the About panel and {@code wbsr --version} show: the application version (from the jar
 * manifest, i.e. the pom), the Java runtime, the model bundles with their versions and licences,
 * and the third-party notices. Headless (no JavaFX), cheap, and never throws for a broken bundle.
 *
 * <p>Which bundles: the same folders the CLI searches ({@link BundleLocator#defaultRoots()}: {@code
 * WBSR_MODELS}, {@code ./models}, {@code models/} beside the jar), plus {@code models/} under
 * {@code -Dwbsr.home}, which the packaged launcher sets to its {@code lib/app} folder.
 */
public final class AboutInfo {
  public static final String APP_NAME = "WBSR Studio";

  /** System property set by the packaged launcher: the folder with models/, assets/ and legal/. */
  public static final String HOME_PROPERTY = "wbsr.home";

  /** Classpath resource with the third-party notices (the repository's THIRD-PARTY.md). */
  public static final String THIRD_PARTY_RESOURCE = "/dev/wbsr/about/THIRD-PARTY.md";

  /** Classpath resource with the pom's version (Maven resource filtering). */
  static final String VERSION_RESOURCE = "/dev/wbsr/about/version.properties";

  /** Shown instead of the notices when no copy of THIRD-PARTY.md can be found. */
  static final String NOTICES_MISSING =
      """
      # Third-party notices

      This build has no copy of THIRD-PARTY.md: it is neither in the application's resources nor \
      in legal/ of an installation nor in the working folder.

      In a source checkout, generate it with installer/third_party.py at the repository root; \
      the Maven build then bundles it into the application.
      """;

  private AboutInfo() {}

  /**
   * The pom's version: from the jar manifest ({@code Implementation-Version}), else from the
   * filtered {@value #VERSION_RESOURCE} (classes run outside the jar: tests, IDE), else "dev".
   */
  public static String version() {
    String v = AboutInfo.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? versionFromResource().orElse("dev") : v;
  }

  private static Optional<String> versionFromResource() {
    try (InputStream in = AboutInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").strip();
      // an IDE that copies resources without Maven's filtering leaves the placeholder
      return v.isEmpty() || v.startsWith("${") ? Optional.empty() : Optional.of(v);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** e.g. "Java 17.0.15 (Debian), Linux amd64". */
  public static String runtime() {
    return "Java "
        + System.getProperty("java.runtime.version", System.getProperty("java.version"))
        + " ("
        + System.getProperty("java.vendor", "?")
        + "), "
        + System.getProperty("os.name", "?")
        + " "
        + System.getProperty("os.arch", "?");
  }

  /**
   * True when running from the jpackage app image / .deb (its launcher sets jpackage.app-version).
   */
  public static boolean isPackaged() {
    return System.getProperty("jpackage.app-version") != null;
  }

  /** The installation folder ({@code -Dwbsr.home}), when packaged. */
  public static Optional<Path> home() {
    String dir = System.getProperty(HOME_PROPERTY);
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  /** The folders searched for bundles, nearest first, existing ones only. */
  public static List<Path> modelRoots() {
    Set<Path> roots = new LinkedHashSet<>(BundleLocator.defaultRoots());
    home()
        .map(h -> h.resolve("models").toAbsolutePath().normalize())
        .filter(Files::isDirectory)
        .ifPresent(roots::add);
    return List.copyOf(roots);
  }

  /**
   * The bundles the app and the CLI can use: {@link #bundles(Path)} over {@link #modelRoots()}, the
   * first of a name wins, sorted by name. Each is the model package's own description ({@link
   * BundleLocator.Entry}: the loaded {@link dev.wbsr.model.Manifest}, or why it failed to load).
   */
  public static List<BundleLocator.Entry> bundles() {
    Map<String, BundleLocator.Entry> byName = new LinkedHashMap<>();
    for (Path root : modelRoots()) {
      for (BundleLocator.Entry b : bundles(root)) {
        byName.putIfAbsent(b.name(), b);
      }
    }
    List<BundleLocator.Entry> result = new ArrayList<>(byName.values());
    result.sort(Comparator.comparing(BundleLocator.Entry::name));
    return result;
  }

  /**
   * The bundles in {@code modelsDir} (each sub-folder with a manifest.json), sorted by name, those
   * that fail to load included with their reason. Empty when the folder does not exist.
   */
  public static List<BundleLocator.Entry> bundles(Path modelsDir) {
    return new BundleLocator(List.of(modelsDir)).scan();
  }

  /**
   * One line per bundle, e.g. "wbsr-x2 1.0.0 (x2, wbsr) licence CC-BY-4.0", or "name: why it cannot
   * be used".
   */
  public static String summary(BundleLocator.Entry e) {
    if (e.bundle().isEmpty()) {
      return e.name() + ": " + e.error().orElse("cannot be loaded");
    }
    Manifest m = e.bundle().get().manifest();
    return String.format(
        Locale.ROOT,
        "%s %s (x%d, %s) licence %s",
        m.name(),
        m.version(),
        m.scale(),
        m.kind().id(),
        m.license());
  }

  /** The Debian packages whose photos trained a bundle (empty when unknown or not loadable). */
  public static List<TrainingRun.DataPackage> dataPackages(BundleLocator.Entry e) {
    return e.bundle().map(b -> b.manifest().trainingRun().dataPackages()).orElse(List.of());
  }

  /**
   * The third-party notices (Markdown): the copy bundled in the jar, else THIRD-PARTY.md in the
   * installation's legal/ folder, else in the working folder (a source checkout run from its root
   * without the Maven build), else {@link #NOTICES_MISSING}. Reads a file: call it off the FX
   * thread.
   */
  public static String thirdPartyNotices() {
    List<Path> files = new ArrayList<>();
    home().ifPresent(h -> files.add(h.resolve("legal").resolve("THIRD-PARTY.md")));
    files.add(Path.of("THIRD-PARTY.md"));
    return thirdPartyNotices(AboutInfo.class.getResourceAsStream(THIRD_PARTY_RESOURCE), files);
  }

  /**
   * {@link #thirdPartyNotices()} from the given resource stream (null: none) and files, in order.
   */
  static String thirdPartyNotices(InputStream resource, List<Path> files) {
    if (resource != null) {
      try (InputStream in = resource) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + THIRD_PARTY_RESOURCE, e);
      }
    }
    for (Path f : files) {
      if (Files.isRegularFile(f)) {
        try {
          return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + f, e);
        }
      }
    }
    return NOTICES_MISSING;
  }

  /** Plain-text summary, e.g. for {@code wbsr --version} or a log header. */
  public static String report() {
    return report(bundles());
  }

  /** Plain-text summary of the given bundles (see {@link #report()}). */
  public static String report(List<BundleLocator.Entry> bundles) {
    StringBuilder sb = new StringBuilder();
    sb.append(APP_NAME).append(' ').append(version()).append('\n');
    sb.append(runtime()).append('\n');
    sb.append("Model bundles:");
    if (bundles.isEmpty()) {
      sb.append(" none\n");
    } else {
      sb.append('\n');
      for (BundleLocator.Entry b : bundles) {
        sb.append("  ").append(summary(b)).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * picocli version provider: {@code @Command(versionProvider = AboutInfo.VersionProvider.class)}.
   */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return report().split("\n");
    }
  }
}
