package dev.wbsr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.engine.TestBundles;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RoutingPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The warm-up run works on a central crop of a large image, the timed runs on the whole image. */
class BenchWarmUpTest {

  @Test
  void aSmallImageWarmsUpOnItself() {
    RgbImage small = RgbImage.allocate(Bench.WARM_UP_SIDE, 40);
    assertThat(Bench.warmUpInput(small)).isSameAs(small);
  }

  @Test
  void aLargeImageWarmsUpOnItsCentre() {
    int w = Bench.WARM_UP_SIDE + 188;
    RgbImage lr = RgbImage.allocate(w, 300);
    for (int i = 0; i < lr.rgb().length; i++) {
      lr.rgb()[i] = (byte) (i * 31 + i / 7);
    }
    RgbImage crop = Bench.warmUpInput(lr);
    assertThat(crop.width()).isEqualTo(Bench.WARM_UP_SIDE);
    assertThat(crop.height()).isEqualTo(300);
    for (int y : new int[] {0, 150, 299}) {
      for (int x : new int[] {0, 255, Bench.WARM_UP_SIDE - 1}) {
        for (int c = 0; c < 3; c++) {
          assertThat(crop.sample(x, y, c)).isEqualTo(lr.sample(x + 94, y, c));
        }
      }
    }
  }

  @Test
  void timedRunsSeeTheWholeImageAndItsFlops() throws InterruptedException {
    Manifest manifest = TestBundles.tiny(2).manifest();
    Recording whole = new Recording(manifest);
    Recording patches = new Recording(manifest);
    Bench bench = new Bench(manifest, patches, whole, PipelineOptions.batch(), 1);
    RgbImage lr = RgbImage.allocate(Bench.WARM_UP_SIDE + 64, 64);

    List<BenchResult> results =
        bench.run(
            lr,
            List.of(
                new BenchMode("supernet-whole", null),
                new BenchMode("supernet-patches", new RoutingPolicy.Supernet())));

    assertThat(whole.widths).containsExactly(Bench.WARM_UP_SIDE, Bench.WARM_UP_SIDE + 64);
    assertThat(patches.widths).isNotEmpty();
    double supernetGflops =
        manifest.supernetSpec().flopsPerPatch()
            * lr.width()
            * lr.height()
            / Math.pow(manifest.patchSize(), 2)
            / 1e9;
    assertThat(results).hasSize(2);
    assertThat(results.get(1).gflops())
        .isCloseTo(supernetGflops, org.assertj.core.data.Offset.offset(1e-9));
  }

  /** Returns zeros of the right size and records the input widths. */
  private static final class Recording implements SrEngine {
    final List<Integer> widths = new CopyOnWriteArrayList<>();
    private final Manifest manifest;

    Recording(Manifest manifest) {
      this.manifest = manifest;
    }

    @Override
    public int scale() {
      return manifest.scale();
    }

    @Override
    public int subnetCount() {
      return manifest.subnets().size();
    }

    @Override
    public String device() {
      return "recording";
    }

    @Override
    public Nchw run(int subnet, Nchw in) {
      widths.add(in.w());
      int s = manifest.scale();
      return new Nchw(
          new float[in.n() * 3 * in.h() * s * in.w() * s], in.n(), 3, in.h() * s, in.w() * s);
    }

    @Override
    public void close() {}
  }
}
