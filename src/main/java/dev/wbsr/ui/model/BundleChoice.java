package dev.wbsr.ui.model;

import dev.wbsr.model.ModelBundle;
import java.nio.file.Path;
import java.util.List;

/** Finds the bundles, picks the saved or the default one, and adds folders the user chooses. */
final class BundleChoice {

  private final Studio s;

  BundleChoice(Studio s) {
    this.s = s;
  }

  /** Finds the bundles under the given folders and selects the saved or the default x2 one. */
  void discover(List<Path> roots) {
    List<ModelBundle> found = s.core.discover(roots);
    s.routing.bundles.setAll(found);
    List<String> problems = s.core.discoveryProblems();
    if (!problems.isEmpty()) {
      s.reportError(
          "Some model bundles cannot be used and were skipped:\n• "
              + String.join("\n• ", problems));
    }
    String saved = s.settings.get("bundle", "wbsr-x2");
    ModelBundle pick =
        found.stream()
            .filter(b -> b.name().equals(saved))
            .findFirst()
            .or(
                () ->
                    found.stream()
                        .filter(b -> Bundles.scale(b) == 2 && !Bundles.isClassSr(b))
                        .findFirst())
            .or(() -> found.stream().findFirst())
            .orElse(null);
    if (pick != null) {
      s.routing.bundle.set(pick);
    }
  }

  /** Adds a bundle folder chosen by the user; a broken one is reported, not thrown. */
  void addFolder(Path dir) {
    try {
      ModelBundle b = s.core.load(dir);
      s.routing.bundles.removeIf(x -> x.dir().equals(b.dir()));
      s.routing.bundles.add(b);
      s.routing.bundle.set(b);
    } catch (RuntimeException e) {
      s.reportError("Cannot use the bundle in " + dir + ": " + UserMessages.describe(e));
    }
  }
}
