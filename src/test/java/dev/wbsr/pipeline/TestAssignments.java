package dev.wbsr.pipeline;

import dev.wbsr.model.Manifest;

/** Assignments with chosen subnets per patch, for tests of code that only reads them. */
public final class TestAssignments {

  private TestAssignments() {}

  /**
   * One row of patches with the given subnets ({@link Assignment#BICUBIC} = -1), WBSR paper rule.
   */
  public static Assignment of(Manifest m, int... subnets) {
    PatchGrid grid = new PatchGrid(subnets.length * m.patchSize(), m.patchSize(), m.patchSize());
    return new Assignment(
        RoutingPolicy.Wbsr.paper(), grid, subnets, null, m.flopsPerPatch(), m.supernet());
  }

  /** Patches grouped by subnet: {@code perSubnet[s]} patches on subnet s, then {@code bicubic}. */
  public static Assignment counts(Manifest m, int[] perSubnet, int bicubic) {
    int n = bicubic;
    for (int c : perSubnet) {
      n += c;
    }
    int[] subnets = new int[n];
    int i = 0;
    for (int s = 0; s < perSubnet.length; s++) {
      for (int k = 0; k < perSubnet[s]; k++) {
        subnets[i++] = s;
      }
    }
    for (int k = 0; k < bicubic; k++) {
      subnets[i++] = Assignment.BICUBIC;
    }
    return of(m, subnets);
  }
}
