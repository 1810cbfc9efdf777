package dev.wbsr.model;

import java.util.OptionalInt;

/**
 * One subnet of a bundle (or one ClassSR branch), as listed in {@code manifest.json}.
 *
 * @param id index in the bundle's subnet list (sorted by cost, cheapest first)
 * @param flopsPerPatch FLOPs (2 x MACs of the convolutions) for one 32x32 LR patch
 * @param receptiveField LR context radius of this subnet when the manifest gives one (optional key
 *     {@code receptive_field} on the subnet); otherwise the bundle's value applies
 */
public record SubnetSpec(
    int id,
    String name,
    int width,
    int depth,
    String file,
    double flopsPerPatch,
    long params,
    double valPsnrY,
    double valSsimY,
    OptionalInt receptiveField) {

  /** Short label for tables and logs, e.g. {@code 3:w36-d8}. */
  public String label() {
    return id + ":" + name;
  }
}
