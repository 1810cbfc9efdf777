package dev.wbsr.pipeline;

import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;

/**
 * What routing needs to know about every patch of one LR image, computed once per (image, bundle):
 * score and class (from the bundle's thresholds), ARM edge score, and for ClassSR bundles the
 * classifier's branch. Immutable.
 */
public final class PatchAnalysis {

  private final PatchGrid grid;
  private final int numClasses;
  private final double[] scores;
  private final int[] classes;
  private final double[] edgeScores;
  private final int[] branches;

  private PatchAnalysis(
      PatchGrid grid,
      int numClasses,
      double[] scores,
      int[] classes,
      double[] edgeScores,
      int[] branches) {
    this.grid = grid;
    this.numClasses = numClasses;
    this.scores = scores;
    this.classes = classes;
    this.edgeScores = edgeScores;
    this.branches = branches;
  }

  /**
   * Scores and classifies every patch of {@code lr} with the bundle's patch size and thresholds.
   */
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
    return new PatchAnalysis(grid, manifest.numClasses(), scores, classes, edges, null);
  }

  /**
   * As {@link #of(RgbImage, Manifest)}, and for a ClassSR bundle also the classifier's branch per
   * patch (argmax of its logits; a partial border patch is replicate-padded at the bottom and right
   * to the full patch size, as in {@code training/wbsr/evaluate.py}).
   */
  public static PatchAnalysis of(RgbImage lr, Manifest manifest, SrEngine engine) {
    PatchAnalysis a = of(lr, manifest);
    if (manifest.classsr().isEmpty()) {
      return a;
    }
    return new PatchAnalysis(
        a.grid, a.numClasses, a.scores, a.classes, a.edgeScores, classify(lr, a.grid, engine));
  }

  private static int[] classify(RgbImage lr, PatchGrid grid, SrEngine engine) {
    int p = grid.patchSize();
    int n = grid.size();
    int[] out = new int[n];
    int batch = 256;
    for (int start = 0; start < n; start += batch) {
      int count = Math.min(batch, n - start);
      float[] data = new float[count * 3 * p * p];
      for (int b = 0; b < count; b++) {
        PatchGrid.Patch patch = grid.patch(start + b);
        for (int y = 0; y < p; y++) {
          int sy = patch.y() + Math.min(y, patch.h() - 1);
          for (int x = 0; x < p; x++) {
            int sx = patch.x() + Math.min(x, patch.w() - 1);
            int src = (sy * lr.width() + sx) * 3;
            for (int c = 0; c < 3; c++) {
              data[((b * 3 + c) * p + y) * p + x] = (lr.rgb()[src + c] & 0xFF) / 255f;
            }
          }
        }
      }
      float[] logits = engine.classify(new Nchw(data, count, 3, p, p));
      int k = logits.length / count;
      for (int b = 0; b < count; b++) {
        int best = 0;
        for (int j = 1; j < k; j++) {
          if (logits[b * k + j] > logits[b * k + best]) {
            best = j;
          }
        }
        out[start + b] = best;
      }
    }
    return out;
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

  /** Whether the ClassSR classifier's branches were computed (ClassSR bundles). */
  public boolean hasBranches() {
    return branches != null;
  }

  /** ClassSR branch of a patch (0-based subnet index); only when {@link #hasBranches()}. */
  public int branchOf(int patch) {
    if (branches == null) {
      throw new IllegalStateException("no ClassSR classifier ran for this image");
    }
    return branches[patch];
  }

  /** Class per patch, 1..K (a copy, row-major over the grid). */
  public int[] classMap() {
    return classes.clone();
  }

  /**
   * Patches per class weighted by area (a partial patch counts its fraction); index 0 is class 1.
   */
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
