package dev.wbsr.pipeline;

import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;

/**
 * What routing needs to know about every patch of one LR image, computed once per (image, bundle):
 * score and class (from the bundle's thresholds) and ARM edge score. Immutable.
 */
public final class PatchAnalysis {

  private final PatchGrid grid;
  private final int numClasses;
  private final double[] scores;
  private final int[] classes;
  private final double[] edgeScores;

  private PatchAnalysis(PatchGrid grid, int numClasses, double[] scores, int[] classes, double[] edgeScores) {
    this.grid = grid;
    this.numClasses = numClasses;
    this.scores = scores;
    this.classes = classes;
    this.edgeScores = edgeScores;
  }

  /** Scores and classifies every patch of {@code lr} with the bundle's patch size and thresholds. */
  public static PatchAnalysis of(RgbImage lr, Manifest manifest) {
    PatchGrid grid = new PatchGrid(lr.width(), lr.height(), manifest.patchSize());
    double[] thresholds = manifest.complexity().thresholdArray();
    int n = grid.size();
    double[] scores = new double[n];
    int[] classes = new int[n];
    double[] edges = new double[n];
    java.util.stream.IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              PatchGrid.Patch p = grid.patch(i);
              scores[i] = Complexity.score(lr, p.x(), p.y(), p.w(), p.h());
              classes[i] = Complexity.classOf(scores[i], thresholds);
              edges[i] = Complexity.edgeScore(lr, p.x(), p.y(), p.w(), p.h());
            });
    return new PatchAnalysis(grid, manifest.numClasses(), scores, classes, edges);
  }

  public PatchGrid grid() {
    return grid;
  }

  public int size() {
    return scores.length;
  }

  public int numClasses() {
    return numClasses;
  }

  public double score(int patch) {
    return scores[patch];
  }

  /** Class of a patch, 1..K. */
  public int classOf(int patch) {
    return classes[patch];
  }

  public double edgeScore(int patch) {
    return edgeScores[patch];
  }

  /** Class per patch, 1..K (a copy, row-major over the grid). */
  public int[] classMap() {
    return classes.clone();
  }

  /** Patches per class weighted by area (a partial patch counts its fraction); index 0 is class 1. */
  public double[] classWeights() {
    double[] w = new double[numClasses];
    for (int i = 0; i < classes.length; i++) {
      w[classes[i] - 1] += grid.patch(i).areaFraction(grid.patchSize());
    }
    return w;
  }

  /** Patches per class; index 0 is class 1. */
  public int[] classHistogram() {
    int[] h = new int[numClasses];
    for (int k : classes) {
      h[k - 1]++;
    }
    return h;
  }
}
