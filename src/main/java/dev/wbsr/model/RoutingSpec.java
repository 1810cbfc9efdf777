package dev.wbsr.model;

import java.util.List;
import java.util.Optional;

/**
 * A bundle's routing calibration (format 2, issue 11): every subnet measured on a calibration split
 * (training photos held out of training, never a validation set) and the subnets on the
 * PSNR-vs-FLOPs Pareto front that WBSR routing uses by default.
 *
 * @param front subnet ids on the front, cheapest first
 * @param calibration what the front was chosen from
 * @param arm how ARM's eta was chosen on the same split, if the bundle has an ARM table
 */
public record RoutingSpec(
    List<Integer> front, Calibration calibration, Optional<ArmCalibration> arm) {

  public RoutingSpec {
    front = List.copyOf(front);
  }

  /**
   * @param set the split's name ({@code calib})
   * @param psnrY mean PSNR-Y of every subnet, indexed like the subnets
   * @param pareto Eq. 15 on the front, on the split
   * @param literal Eq. 15 on all subnets sorted by FLOPs, on the split
   */
  public record Calibration(
      String set,
      List<String> images,
      double bicubicPsnrY,
      List<Double> psnrY,
      Routed pareto,
      Routed literal) {
    public Calibration {
      images = List.copyOf(images);
      psnrY = List.copyOf(psnrY);
    }
  }

  /** A routing's mean PSNR-Y and its FLOPs as a fraction of the supernet's. */
  public record Routed(double psnrY, double flopsRatio) {}

  /**
   * ARM's eta chosen before any validation image is seen: the largest eta of a grid whose FLOPs on
   * the calibration split stay within {@code flopsTarget} (the Pareto routing's there).
   */
  public record ArmCalibration(
      String builtOn, double eta, double flopsTarget, double flopsRatio, double psnrY) {}
}
