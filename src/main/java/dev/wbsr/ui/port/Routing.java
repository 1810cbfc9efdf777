package dev.wbsr.ui.port;

/**
 * The result of a routing policy: the subnet of every patch ({@code -1} = bicubic), the class to
 * subnet table (null when the policy does not route by class: ARM, ClassSR) and the FLOPs in the
 * paper convention (the chosen subnet's FLOPs per patch, summed, plus ClassSR's classifier).
 */
public record Routing(
    RoutingRequest request,
    int[] subnetOfPatch,
    int[] subnetOfClass,
    double flops,
    double flopsSupernet,
    int[] patchesPerSubnet,
    int bicubicPatches) {

  public double ratio() {
    return flopsSupernet <= 0 ? 0 : flops / flopsSupernet;
  }

  public boolean sameAssignment(Routing other) {
    return other != null && java.util.Arrays.equals(subnetOfPatch, other.subnetOfPatch);
  }
}
