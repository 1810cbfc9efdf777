package dev.wbsr.report;

import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.ModelBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Looks bundles up by name for the report; a missing or broken one comes with the reason. */
@FunctionalInterface
public interface BundleCatalog {

  /** A bundle, or why there is none. */
  record Lookup(Optional<ModelBundle> bundle, String problem) {
    public static Lookup found(ModelBundle b) {
      return new Lookup(Optional.of(b), "");
    }

    public static Lookup missing(String why) {
      return new Lookup(Optional.empty(), why);
    }
  }

  Lookup find(String name);

  /**
   * Bundles under the locator's roots, matched by folder name or manifest name; scanned once.
   * Broken bundles report their loading error.
   */
  static BundleCatalog of(BundleLocator locator) {
    List<BundleLocator.Entry> entries = locator.scan();
    return name -> {
      // the folder name first: the training queue names folders after their run
      for (boolean byFolder : new boolean[] {true, false}) {
        for (BundleLocator.Entry e : entries) {
          String key = byFolder ? e.dir().getFileName().toString() : e.name();
          if (key.equals(name)) {
            return e.bundle()
                .map(Lookup::found)
                .orElseGet(() -> Lookup.missing("broken bundle: " + e.error().orElse("?")));
          }
        }
      }
      return Lookup.missing(
          "not in "
              + (locator.roots().isEmpty() ? "models/" : shown(locator.roots()))
              + " (not trained or not exported yet)");
    };
  }

  /** The folders as the report shows them: relative to the working directory when inside it. */
  private static String shown(List<Path> roots) {
    Path cwd = Path.of("").toAbsolutePath();
    List<String> out = new ArrayList<>();
    for (Path r : roots) {
      Path abs = r.toAbsolutePath().normalize();
      out.add(abs.startsWith(cwd) ? cwd.relativize(abs) + "/" : abs.toString());
    }
    return String.join(", ", out);
  }
}
