package dev.wbsr.model;

import java.util.List;

/**
 * How patches are scored and cut into classes ({@code complexity} in the manifest).
 *
 * @param score name of the score definition, {@code sobel-gradient-sum-v1}
 * @param thresholds the K-1 ascending class cuts learned on the training patches
 * @param trainClassFractions fraction of training patches per class (K values; may be empty)
 */
public record ComplexitySpec(
    String score, int numClasses, List<Double> thresholds, List<Double> trainClassFractions) {

  public static final String SOBEL_SUM_V1 = "sobel-gradient-sum-v1";

  public ComplexitySpec {
    thresholds = List.copyOf(thresholds);
    trainClassFractions = List.copyOf(trainClassFractions);
  }

  /** The thresholds as a primitive array (a fresh copy). */
  public double[] thresholdArray() {
    return thresholds.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
