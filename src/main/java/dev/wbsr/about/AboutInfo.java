package dev.wbsr.about;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * What the About panel and {@code wbsr --version} show: the application version (from the jar
 * manifest, i.e. the pom), the Java runtime, the model bundles with their versions and licences,
 * and the third-party notices. Headless (no JavaFX), cheap, and never throws for a broken bundle.
 *
 * <p>Where things are: the packaged launchers set {@code -Dwbsr.models.dir} and
 * {@code -Dwbsr.samples.dir} to the folders inside the installation; without them (a {@code java
 * -jar target/wbsr.jar} or {@code mvn} run from the repository) the repository's {@code models/}
 * and {@code assets/samples/} relative to the working directory are used.
 */
public final class AboutInfo {
  public static final String APP_NAME = "WBSR Studio";
  /** System property naming the folder of shipped model bundles (set by the packaged launchers). */
  public static final String MODELS_DIR_PROPERTY = "wbsr.models.dir";
  /** System property naming the folder of shipped sample images (set by the packaged launchers). */
  public static final String SAMPLES_DIR_PROPERTY = "wbsr.samples.dir";
  /** Classpath resource with the third-party notices (the repository's THIRD-PARTY.md). */
  public static final String THIRD_PARTY_RESOURCE = "/dev/wbsr/about/THIRD-PARTY.md";

  private AboutInfo() {}

  /** The application version from the jar manifest ({@code Implementation-Version}), or "dev". */
  public static String version() {
    String v = AboutInfo.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }

  /** e.g. "Java 17.0.15 (Debian), Linux amd64". */
  public static String runtime() {
    return "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version"))
        + " (" + System.getProperty("java.vendor", "?") + "), "
        + System.getProperty("os.name", "?") + " " + System.getProperty("os.arch", "?");
  }

  /** True when running from an installed app image (the launcher set {@value #MODELS_DIR_PROPERTY}). */
  public static boolean isPackaged() {
    return System.getProperty(MODELS_DIR_PROPERTY) != null;
  }

  /** The shipped model bundles folder: {@code -Dwbsr.models.dir}, else {@code ./models}. */
  public static Path modelsDir() {
    String dir = System.getProperty(MODELS_DIR_PROPERTY);
    return Path.of(dir == null || dir.isBlank() ? "models" : dir);
  }

  /** The shipped sample images folder, when there is one. */
  public static Optional<Path> samplesDir() {
    String dir = System.getProperty(SAMPLES_DIR_PROPERTY);
    Path p = Path.of(dir == null || dir.isBlank() ? "assets/samples" : dir);
    return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * The bundles in {@code modelsDir} (each sub-folder with a manifest.json), sorted by name. A
   * bundle whose manifest cannot be read is listed with {@link BundleInfo#error()} set. Returns an
   * empty list when the folder does not exist.
   */
  public static List<BundleInfo> bundles(Path modelsDir) {
    List<BundleInfo> result = new ArrayList<>();
    if (!Files.isDirectory(modelsDir)) {
      return result;
    }
    try (Stream<Path> dirs = Files.list(modelsDir)) {
      dirs.filter(d -> Files.isRegularFile(d.resolve("manifest.json")))
          .sorted(Comparator.comparing(d -> d.getFileName().toString()))
          .forEach(d -> result.add(readBundle(d)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + modelsDir, e);
    }
    return result;
  }

  /** Reads the About fields of one bundle folder; never throws (see {@link BundleInfo#error()}). */
  public static BundleInfo readBundle(Path dir) {
    String name = dir.getFileName().toString();
    try (Reader r = Files.newBufferedReader(dir.resolve("manifest.json"), StandardCharsets.UTF_8)) {
      JsonObject m = JsonParser.parseReader(r).getAsJsonObject();
      List<BundleInfo.DataPackage> packages = new ArrayList<>();
      JsonObject provenance = object(m, "provenance");
      if (provenance != null && provenance.get("data_packages") instanceof com.google.gson.JsonArray arr) {
        for (JsonElement e : arr) {
          if (e.isJsonObject()) {
            packages.add(new BundleInfo.DataPackage(
                string(e.getAsJsonObject(), "name", "?"), string(e.getAsJsonObject(), "version", "?")));
          }
        }
      }
      int scale = m.has("scale") && m.get("scale").isJsonPrimitive() ? m.get("scale").getAsInt() : 0;
      return new BundleInfo(string(m, "name", name), string(m, "title", name), string(m, "version", "?"),
          string(m, "license", "unknown"), scale, string(m, "kind", "?"), dir, List.copyOf(packages), null);
    } catch (IOException | RuntimeException e) {
      return new BundleInfo(name, name, "?", "unknown", 0, "?", dir, List.of(),
          "unreadable manifest.json: " + e.getMessage());
    }
  }

  /** The third-party notices (Markdown), or a short note when the resource is missing. */
  public static String thirdPartyNotices() {
    try (InputStream in = AboutInfo.class.getResourceAsStream(THIRD_PARTY_RESOURCE)) {
      if (in == null) {
        return "Third-party notices are not bundled with this build (see THIRD-PARTY.md in the source).";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Plain-text summary, e.g. for {@code wbsr --version} or a log header. */
  public static String report(Path modelsDir) {
    StringBuilder sb = new StringBuilder();
    sb.append(APP_NAME).append(' ').append(version()).append('\n');
    sb.append(runtime()).append('\n');
    List<BundleInfo> bundles = bundles(modelsDir);
    sb.append("Model bundles in ").append(modelsDir.toAbsolutePath().normalize()).append(':');
    if (bundles.isEmpty()) {
      sb.append(" none\n");
    } else {
      sb.append('\n');
      for (BundleInfo b : bundles) {
        sb.append("  ").append(b.summary()).append('\n');
      }
    }
    return sb.toString();
  }

  /** picocli version provider: {@code @Command(versionProvider = AboutInfo.VersionProvider.class)}. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return report(modelsDir()).split("\n");
    }
  }

  private static JsonObject object(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  private static String string(JsonObject o, String key, String fallback) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : fallback;
  }

  /** One model bundle as the About panel shows it. */
  public record BundleInfo(String name, String title, String version, String license, int scale,
      String kind, Path dir, List<DataPackage> dataPackages, String error) {

    /** e.g. "wbsr-x2 1.0.0 (x2, wbsr) licence CC-BY-4.0". */
    public String summary() {
      if (error != null) {
        return name + ": " + error;
      }
      return String.format(Locale.ROOT, "%s %s (x%d, %s) licence %s", name, version, scale, kind, license);
    }

    /** A Debian package whose data trained the bundle (from the manifest's provenance). */
    public record DataPackage(String name, String version) {}
  }
}
