package dev.wbsr.timing;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RoutingCost;
import dev.wbsr.pipeline.RoutingPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code --cost time} in one place for the CLI, the app and the Spark job: each subnet's measured
 * time on this machine, from the cache or measured now, turned into WBSR's routing cost.
 */
public final class TimeCosts {

  private TimeCosts() {}

  /**
   * {@code policy} routed by measured time: a WBSR policy gets {@link RoutingCost.Time} (its front
   * and budget then count this machine's seconds per patch; measured at most once per machine,
   * bundle and margins); any other policy is returned as it is, without measuring.
   */
  public static RoutingPolicy byTime(
      RoutingPolicy policy,
      ModelBundle bundle,
      SrEngine engine,
      PipelineOptions options,
      SubnetTimesCache cache) {
    if (!(policy instanceof RoutingPolicy.Wbsr w)) {
      return policy;
    }
    return w.withCost(of(bundle, engine, options, cache).routingCost());
  }

  /**
   * The bundle's subnet times for this machine and these margins: cached ones if they match,
   * otherwise measured now on {@code engine} (a fraction of a second per subnet) and cached.
   */
  public static SubnetTimes of(
      ModelBundle bundle, SrEngine engine, PipelineOptions options, SubnetTimesCache cache) {
    int n = bundle.manifest().subnets().size();
    int[] margins = new int[n];
    StringBuilder key = new StringBuilder();
    try {
      key.append(MachineKey.bundle(bundle.name(), bundle.dir().resolve(ModelBundle.MANIFEST)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifest of " + bundle.name(), e);
    }
    key.append("-m");
    for (int s = 0; s < n; s++) {
      margins[s] = options.marginOf(bundle.manifest(), s);
      key.append(s == 0 ? "" : ".").append(margins[s]);
    }
    String machine = MachineKey.machine(engine.device());
    String bundleKey = key.toString();
    return cache.loadOrMeasure(
        machine,
        bundleKey,
        () -> SubnetTimer.measure(bundle.manifest(), engine, margins, machine, bundleKey));
  }
}
