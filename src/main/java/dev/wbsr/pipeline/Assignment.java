package dev.wbsr.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a routing policy on one image, before any inference: which subnet each patch runs
 * on ({@link #BICUBIC} for plain bicubic), the class -> subnet table when the policy routes by
 * class, and the FLOPs in the paper's convention. Immutable.
 */
public final class Assignment {

  /** Subnet index that means "bicubic interpolation, no network". */
  public static final int BICUBIC = -1;

  private final RoutingPolicy policy;
  private final PatchGrid grid;
  private final int[] subnets;
  private final List<Integer> classTable;
  private final double[] flopsPerPatch;
  private final int supernet;
  private final double routerFlopsPerPatch;

  Assignment(
      RoutingPolicy policy,
      PatchGrid grid,
      int[] subnets,
      List<Integer> classTable,
      double[] flopsPerPatch,
      int supernet) {
    this(policy, grid, subnets, classTable, flopsPerPatch, supernet, 0);
  }

  Assignment(
      RoutingPolicy policy,
      PatchGrid grid,
      int[] subnets,
      List<Integer> classTable,
      double[] flopsPerPatch,
      int supernet,
      double routerFlopsPerPatch) {
    this.routerFlopsPerPatch = routerFlopsPerPatch;
    this.policy = policy;
    this.grid = grid;
    this.subnets = subnets.clone();
    this.classTable = classTable == null ? null : List.copyOf(classTable);
    this.flopsPerPatch = flopsPerPatch.clone();
    this.supernet = supernet;
  }

  public RoutingPolicy policy() {
    return policy;
  }

  public PatchGrid grid() {
    return grid;
  }

  /** Subnet of a patch, or {@link #BICUBIC}. */
  public int subnetOf(int patch) {
    return subnets[patch];
  }

  /** Subnet per patch, row-major over the grid (a copy). */
  public int[] subnetMap() {
    return subnets.clone();
  }

  /**
   * For class-based policies: entry k-1 is the subnet of class k. Empty for per-patch policies
   * (ARM).
   */
  public Optional<List<Integer>> classTable() {
    return Optional.ofNullable(classTable);
  }

  /** FLOPs of one 32x32 patch on subnet {@code s}; 0 for bicubic. */
  public double flopsOf(int s) {
    return s == BICUBIC ? 0 : flopsPerPatch[s];
  }

  /**
   * Paper convention: the chosen subnet's FLOPs per patch, summed (partial patches by area), plus
   * the router's own FLOPs per patch where routing runs a network (ClassSR's classifier).
   */
  public double paperFlops() {
    double sum = 0;
    for (int i = 0; i < subnets.length; i++) {
      sum +=
          (flopsOf(subnets[i]) + routerFlopsPerPatch)
              * grid.patch(i).areaFraction(grid.patchSize());
    }
    return sum;
  }

  /** FLOPs per patch spent on routing itself (ClassSR's classifier; 0 otherwise). */
  public double routerFlopsPerPatch() {
    return routerFlopsPerPatch;
  }

  /** The same sum with the supernet on every patch. */
  public double supernetFlops() {
    return flopsPerPatch[supernet]
        * ((double) grid.width() * grid.height())
        / ((double) grid.patchSize() * grid.patchSize());
  }

  /** {@link #paperFlops()} / {@link #supernetFlops()}. */
  public double flopsRatio() {
    return paperFlops() / supernetFlops();
  }

  /** Patches per subnet, indexed like the bundle's subnets. */
  public int[] patchesPerSubnet() {
    int[] counts = new int[flopsPerPatch.length];
    for (int s : subnets) {
      if (s != BICUBIC) {
        counts[s]++;
      }
    }
    return counts;
  }

  public int bicubicPatches() {
    int n = 0;
    for (int s : subnets) {
      n += s == BICUBIC ? 1 : 0;
    }
    return n;
  }

  public int size() {
    return subnets.length;
  }
}
