package dev.wbsr.engine;

import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real bundles tests run on: the tiny fixtures in {@code src/test/resources/bundles}, every
 * bundle in {@code models/}, and any folder of bundles named by the system property {@code
 * wbsr.test.bundles}.
 */
public final class TestBundles {

  public static final Path FIXTURES = Path.of("src/test/resources/bundles");

  /**
   * The x2 WBSR fixtures of each bundle shape the app must run, for parameterised tests: {@code
   * tiny-x2} (v1: 3 widths x 3 depths = 9 subnets, format 1, no Pareto front) and {@code
   * tiny-v2-x2} (v2, issue 12: 2 widths x 3 depths = 6 subnets, bf16-trained, format 2 with a
   * calibrated front).
   */
  public static final List<String> X2_SHAPES = List.of("tiny-x2", "tiny-v2-x2");

  private TestBundles() {}

  public static List<ModelBundle> all() {
    List<Path> roots = new ArrayList<>(List.of(FIXTURES, Path.of("models")));
    String extra = System.getProperty("wbsr.test.bundles");
    if (extra != null && !extra.isBlank()) {
      roots.add(Path.of(extra));
    }
    return new BundleLocator(roots.stream().filter(Files::isDirectory).toList())
        .scan().stream()
            .map(
                e ->
                    e.bundle()
                        .orElseThrow(
                            () -> new AssertionError("broken bundle: " + e.error().orElse(""))))
            .toList();
  }

  /** {@link #X2_SHAPES}, for {@code @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")}. */
  public static List<String> x2Shapes() {
    return X2_SHAPES;
  }

  /** A fixture bundle by folder name. */
  public static ModelBundle fixture(String name) {
    return ModelBundle.load(FIXTURES.resolve(name));
  }

  /**
   * The tiny fixture of the given scale (or, before the fixtures exist, the first of that scale).
   */
  public static ModelBundle tiny(int scale) {
    Path fixture = FIXTURES.resolve("tiny-x" + scale);
    if (Files.isDirectory(fixture)) {
      return ModelBundle.load(fixture);
    }
    var other = all().stream().filter(b -> b.manifest().scale() == scale).findFirst();
    // until training/ has committed the fixtures, tests that need a real network are skipped
    Assumptions.assumeTrue(
        other.isPresent() || Files.isDirectory(FIXTURES), "no test bundles yet: " + fixture);
    return other.orElseThrow(
        () -> new AssertionError("no x" + scale + " test bundle: expected " + fixture));
  }
}
