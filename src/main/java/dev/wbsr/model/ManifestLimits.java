package dev.wbsr.model;

import java.util.List;

/**
 * Bounds on a parsed manifest's numbers, beyond the format rules of {@link ManifestReader}: values
 * no exported bundle has and that would make the app allocate absurd tables or loop for minutes (a
 * 1,000,000-pixel patch, two million classes) or route nonsensically (negative thresholds). A
 * separate pass so that new manifest fields can be added to the reader without touching it.
 */
final class ManifestLimits {

  /** Largest patch side: the method uses 32; larger grids degenerate to one patch per image. */
  static final int MAX_PATCH_SIZE = 256;

  static final int MAX_CLASSES = 1000;
  static final int MAX_SUBNETS = 256;
  static final int MAX_RECEPTIVE_FIELD = 1024;
  static final int MAX_WIDTH = 4096;
  static final int MAX_DEPTH = 4096;

  /** FLOPs per 32x32 patch: the widest published SR networks need a few TFLOPs per patch. */
  static final double MAX_FLOPS_PER_PATCH = 1e15;

  private ManifestLimits() {}

  static void check(Manifest m, String source) {
    within(source, "patch_size", m.patchSize(), 4, MAX_PATCH_SIZE);
    within(source, "receptive_field", m.receptiveField(), 0, MAX_RECEPTIVE_FIELD);
    within(source, "complexity.num_classes", m.complexity().numClasses(), 1, MAX_CLASSES);
    within(source, "subnets", m.subnets().size(), 1, MAX_SUBNETS);
    thresholds(source, m.complexity().thresholds());
    fractions(source, m.complexity().trainClassFractions());
    for (SubnetSpec s : m.subnets()) {
      String key = "subnets[" + s.id() + "]";
      within(source, key + ".width", s.width(), 0, MAX_WIDTH);
      within(source, key + ".depth", s.depth(), 0, MAX_DEPTH);
      if (!(s.flopsPerPatch() <= MAX_FLOPS_PER_PATCH)) {
        throw fail(
            source,
            key + ".flops_per_patch",
            "is "
                + s.flopsPerPatch()
                + ", not a"
                + " plausible cost (at most "
                + MAX_FLOPS_PER_PATCH
                + ")");
      }
      if (s.params() < 0) {
        throw fail(source, key + ".params", "must not be negative");
      }
      if (s.receptiveField().isPresent()) {
        within(
            source,
            key + ".receptive_field",
            s.receptiveField().getAsInt(),
            0,
            MAX_RECEPTIVE_FIELD);
      }
    }
    m.classsr()
        .ifPresent(
            c -> {
              double f = c.classifierFlopsPerPatch();
              if (!(f >= 0 && f <= MAX_FLOPS_PER_PATCH)) {
                throw fail(
                    source,
                    "classsr.classifier_flops_per_patch",
                    "is " + f + ", expected a cost between 0 and " + MAX_FLOPS_PER_PATCH);
              }
            });
    m.parity()
        .ifPresent(
            p -> {
              if (!(p.maxAbsError() >= 0 && Double.isFinite(p.maxAbsError()))) {
                throw fail(source, "parity.max_abs_error", "must be a finite number of at least 0");
              }
            });
    m.arm()
        .ifPresent(
            a -> {
              for (int i = 0; i < a.binEdges().size(); i++) {
                if (!Double.isFinite(a.binEdges().get(i))) {
                  throw fail(source, "arm.bin_edges[" + i + "]", "not a finite number");
                }
              }
            });
  }

  /** Scores are sums of gradient magnitudes: never negative. */
  private static void thresholds(String source, List<Double> thresholds) {
    for (int i = 0; i < thresholds.size(); i++) {
      if (thresholds.get(i) < 0) {
        throw fail(
            source,
            "complexity.thresholds[" + i + "]",
            "is " + thresholds.get(i) + ", but complexity scores are never negative");
      }
    }
  }

  private static void fractions(String source, List<Double> fractions) {
    for (int i = 0; i < fractions.size(); i++) {
      double f = fractions.get(i);
      if (!(f >= 0 && f <= 1)) {
        throw fail(
            source,
            "complexity.train_class_fractions[" + i + "]",
            "is " + f + ", expected a fraction between 0 and 1");
      }
    }
  }

  private static void within(String source, String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw fail(source, key, "is " + value + ", expected " + min + ".." + max);
    }
  }

  private static BundleException fail(String source, String key, String problem) {
    return new BundleException(
        source
            + ": "
            + key
            + " "
            + problem
            + "; the bundle is damaged or was not written by"
            + " WBSR's export");
  }
}
