package dev.wbsr.pipeline;

import dev.wbsr.model.Manifest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What WBSR routing counts as a subnet's cost (issue 17, {@code --cost flops|time}): the paper's
 * FLOPs per patch, or the time per patch measured on this machine ({@code dev.wbsr.timing}). The
 * cost decides both which subnets routing runs over (the Pareto front of cost against the bundle's
 * calibrated PSNR) and what a {@link Budget.Fraction} is a fraction of. Assignments report paper
 * FLOPs either way.
 */
public sealed interface RoutingCost {

  /** The paper's accounting (the default everywhere). */
  RoutingCost FLOPS = new Flops();

  /** {@code flops} or {@code time}, as on the command line. */
  String id();

  /** Cost per patch of every subnet, indexed like the manifest's subnets. */
  double[] perPatch(Manifest manifest);

  /**
   * Subnet ids routing runs over, cheapest first by this cost. FLOPs: the bundle's calibrated
   * front, or all subnets for {@link SubnetOrder#LITERAL} and bundles without one. Time: the front
   * recomputed over measured time ({@link ParetoFront#select}) against the same calibrated PSNR, so
   * a subnet cheap in FLOPs but slow on this machine drops off; all subnets sorted by time for
   * {@code LITERAL} and bundles without a calibration.
   */
  int[] members(Manifest manifest, SubnetOrder order);

  /**
   * The predicted cost of an assignment over the supernet everywhere on the same image, by this
   * cost (area-weighted, bicubic patches free).
   */
  default double fractionOfSupernet(Assignment a, Manifest manifest) {
    double[] c = perPatch(manifest);
    double spent = 0;
    double full = 0;
    for (int p = 0; p < a.grid().size(); p++) {
      double area = a.grid().patch(p).w() * (double) a.grid().patch(p).h();
      int s = a.subnetOf(p);
      spent += s < 0 ? 0 : area * c[s];
      full += area * c[manifest.supernet()];
    }
    return full == 0 ? 0 : spent / full;
  }

  /** Paper FLOPs per patch, from the manifest. */
  record Flops() implements RoutingCost {
    @Override
    public String id() {
      return "flops";
    }

    @Override
    public double[] perPatch(Manifest manifest) {
      return manifest.flopsPerPatch();
    }

    @Override
    public int[] members(Manifest manifest, SubnetOrder order) {
      return order == SubnetOrder.PARETO
          ? manifest.front()
          : IntStream.range(0, manifest.subnets().size()).toArray();
    }
  }

  /**
   * Measured wall seconds per patch (see {@code dev.wbsr.timing.SubnetTimes}).
   *
   * @param secondsPerPatch one positive value per subnet id
   */
  record Time(List<Double> secondsPerPatch) implements RoutingCost {
    public Time {
      secondsPerPatch = List.copyOf(secondsPerPatch);
      for (double s : secondsPerPatch) {
        if (!(s > 0) || Double.isInfinite(s)) {
          throw new IllegalArgumentException("subnet times must be positive, got " + s);
        }
      }
    }

    @Override
    public String id() {
      return "time";
    }

    @Override
    public double[] perPatch(Manifest manifest) {
      if (secondsPerPatch.size() != manifest.subnets().size()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "measured times cover %d subnets but the bundle %s has %d",
                secondsPerPatch.size(),
                manifest.name(),
                manifest.subnets().size()));
      }
      return secondsPerPatch.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public int[] members(Manifest manifest, SubnetOrder order) {
      double[] t = perPatch(manifest);
      if (order == SubnetOrder.PARETO && manifest.routing().isPresent()) {
        double[] q =
            manifest.routing().get().calibration().psnrY().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        return ParetoFront.select(t, q);
      }
      return IntStream.range(0, t.length)
          .boxed()
          .sorted(Comparator.<Integer>comparingDouble(i -> t[i]).thenComparingInt(i -> i))
          .mapToInt(Integer::intValue)
          .toArray();
    }
  }
}
