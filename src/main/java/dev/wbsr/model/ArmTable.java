package dev.wbsr.model;

import java.util.List;

/**
 * ARM's lookup table (method note section 7): for each edge-score bin, the mean validation PSNR-Y
 * of every subnet.
 *
 * @param edgeScore name of the edge score definition, {@code laplacian-mean-v1}
 * @param binEdges B+1 ascending bin edges
 * @param psnrY B rows of M values (row = bin, column = subnet)
 * @param counts validation patches per bin
 * @param bicubicPsnrY bicubic PSNR-Y per bin (for display)
 */
public record ArmTable(
    String edgeScore,
    List<Double> binEdges,
    List<List<Double>> psnrY,
    List<Integer> counts,
    List<Double> bicubicPsnrY) {

  public static final String LAPLACIAN_MEAN_V1 = "laplacian-mean-v1";

  public ArmTable {
    binEdges = List.copyOf(binEdges);
    psnrY = psnrY.stream().map(List::copyOf).toList();
    counts = List.copyOf(counts);
    bicubicPsnrY = List.copyOf(bicubicPsnrY);
  }

  public int bins() {
    return psnrY.size();
  }

  /** Bin of an edge score: the largest b with {@code binEdges[b] <= score}, clamped to [0, B-1]. */
  public int binOf(double score) {
    int b = 0;
    for (int i = 0; i < binEdges.size(); i++) {
      if (binEdges.get(i) <= score) {
        b = i;
      }
    }
    return Math.min(b, bins() - 1);
  }
}
