package dev.wbsr.cli;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.timing.MachineKey;
import dev.wbsr.timing.SubnetTimer;
import dev.wbsr.timing.SubnetTimes;
import dev.wbsr.timing.SubnetTimesCache;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code --cost time}: each subnet's measured time on this machine, from the cache or measured. */
final class TimeCosts {

  private TimeCosts() {}

  /**
   * The bundle's subnet times for this machine and these margins: cached ones if they match,
   * otherwise measured now on {@code engine} (a fraction of a second per subnet) and cached.
   */
  static SubnetTimes of(
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
