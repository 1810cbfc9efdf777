package dev.wbsr.timing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.ModelBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SubnetTimerTest {

  /** Records the calls; returns zeros of the right shape at once. */
  private static final class Recording implements SrEngine {
    final List<int[]> calls = new CopyOnWriteArrayList<>();
    final int subnets;

    Recording(int subnets) {
      this.subnets = subnets;
    }

    @Override
    public int scale() {
      return 2;
    }

    @Override
    public int subnetCount() {
      return subnets;
    }

    @Override
    public String device() {
      return "fake";
    }

    @Override
    public Nchw run(int subnet, Nchw in) {
      calls.add(new int[] {subnet, in.n(), in.h(), in.w()});
      return new Nchw(
          new float[in.n() * 3 * in.h() * 2 * in.w() * 2], in.n(), 3, in.h() * 2, in.w() * 2);
    }

    @Override
    public void close() {}
  }

  @Test
  void timesEverySubnetOnLonePatchesWithItsMargin() {
    ModelBundle bundle =
        new BundleLocator(List.of(Path.of("models").toAbsolutePath())).resolve("wbsr-x2");
    int n = bundle.manifest().subnets().size();
    int[] margins = new int[n];
    margins[0] = 2;
    Recording engine = new Recording(n);
    SubnetTimes t = SubnetTimer.measure(bundle.manifest(), engine, margins, "m", "b");
    assertThat(t.secondsPerPatch()).hasSize(n).allMatch(s -> s > 0 && Double.isFinite(s));
    assertThat(engine.calls).hasSize(n * (1 + SubnetTimer.CALLS));
    for (int[] c : engine.calls) {
      int side = 32 + 2 * margins[c[0]];
      assertThat(c).containsExactly(c[0], SubnetTimer.TILES, side, side);
    }
  }
}
