package dev.wbsr.ui.view;

import dev.wbsr.model.Manifest;
import java.util.Locale;
import java.util.Map;

/**
 * What a model bundle is for, in plain words, read from its manifest (kind and training recipe;
 * nothing here knows a bundle by its name): the full WBSR recipe (balanced sampling and the
 * balanced loss) is the one for photos and is recommended; the recipe's ablations (uniform
 * sampling, one of the two parts alone) and the ClassSR baseline are research bundles, shown apart.
 *
 * @param forPhotos the bundle to use on one's own photos (the rest is there to compare methods)
 * @param summary a few words for the list ("Recommended for photos", "Research: ClassSR baseline")
 * @param detail one sentence on what it is
 */
public record BundlePurpose(boolean forPhotos, String summary, String detail) {

  public static BundlePurpose of(Manifest m) {
    if (m.testFixture()) {
      return new BundlePurpose(
          false,
          "Test bundle",
          "A tiny bundle for the project's tests; its" + " pictures mean nothing.");
    }
    if (m.kind() == Manifest.Kind.CLASSSR) {
      return new BundlePurpose(
          false,
          "Research: ClassSR baseline",
          "The ClassSR method the paper"
              + " compares with: a classifier sends each patch to one of "
              + m.subnets().size()
              + " separate networks. For comparison, not for photos.");
    }
    return ofRecipe(m.training());
  }

  /** From the training recipe of a weight-sharing bundle ({@code sampling}, {@code loss}). */
  static BundlePurpose ofRecipe(Map<String, String> training) {
    String sampling = training.getOrDefault("sampling", "").toLowerCase(Locale.ROOT);
    String loss = training.getOrDefault("loss", "").toLowerCase(Locale.ROOT);
    boolean balancedSampling = sampling.contains("hes");
    boolean balancedLoss = loss.contains("bd");
    if (balancedSampling && balancedLoss) {
      return new BundlePurpose(
          true,
          "Recommended for photos",
          "The app's main bundle, the full WBSR"
              + " method (balanced sampling and loss): flat areas run on small subnets, detail on the"
              + " full network.");
    }
    if (sampling.isEmpty() && loss.isEmpty()) {
      return new BundlePurpose(
          true, "For photos", "A WBSR bundle (its manifest does not say how it" + " was trained).");
    }
    String what =
        balancedSampling
            ? "balanced sampling only (no balanced loss)"
            : balancedLoss
                ? "the balanced loss only (uniform sampling)"
                : "no balancing (uniform sampling, plain loss): the starting point";
    return new BundlePurpose(
        false,
        "Research: "
            + (balancedSampling
                ? "sampling ablation"
                : balancedLoss ? "loss ablation" : "baseline"),
        "Trained with " + what + ", to measure what each part of WBSR adds. For comparison.");
  }
}
