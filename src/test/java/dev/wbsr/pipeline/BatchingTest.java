package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How tiles are grouped into inference calls: same subnet and shape, a few tiles per call. */
class BatchingTest {

  private final Manifest manifest = SyntheticManifests.nineByTen(2);

  @Test
  void loneTilesGoFourToACallAndStillStitchExactly() throws Exception {
    RgbImage lr = RoutingPolicyTest.noiseImage(320, 224, 5); // 10 x 7 patches
    FakeEngine engine = new FakeEngine(2, 9, 0);
    RgbImage expected = Upscaler.wholeImage(lr, manifest, engine, 8);
    engine.calls.clear();
    PipelineOptions o =
        PipelineOptions.batch()
            .withMargin(1)
            .withMaxTileSide(1)
            .withWorkers(2)
            .withMaxCallFlops(1e15);
    UpscaleResult r =
        Upscaler.upscale(
            lr, manifest, engine, new RoutingPolicy.Supernet(), o, RenderListener.NONE);
    assertThat(r.image().rgb()).isEqualTo(expected.rgb());
    // 70 lone patches: interior 34x34 windows, edge ones shifted inward share that shape too
    assertThat(engine.calls)
        .allMatch(c -> c.n() <= UpscaleSession.MAX_TILES_PER_CALL)
        .allMatch(c -> c.h() == 34 && c.w() == 34);
    assertThat(engine.calls.stream().mapToInt(FakeEngine.Call::n).sum()).isEqualTo(70);
    assertThat(engine.calls).hasSize((70 + 3) / 4);
    assertThat(r.render().calls()).isEqualTo(engine.calls.size());
  }

  @Test
  void everyCallHoldsOneSubnetAndOneShape() throws Exception {
    RgbImage lr = RoutingPolicyTest.noiseImage(320, 224, 9);
    FakeEngine engine = new FakeEngine(2, 9, 0);
    // the synthetic subnets cost 1e9-9e9 FLOPs a patch: lift the per-call FLOPs cap out of the way
    PipelineOptions o = PipelineOptions.batch().withWorkers(3).withMaxCallFlops(1e15);
    UpscaleResult r =
        Upscaler.upscale(lr, manifest, engine, RoutingPolicy.Wbsr.paper(), o, RenderListener.NONE);
    Map<String, Integer> tilesPerKey = new HashMap<>();
    for (FakeEngine.Call c : engine.calls) {
      assertThat(c.n()).isBetween(1, UpscaleSession.MAX_TILES_PER_CALL);
      tilesPerKey.merge(c.subnet() + ":" + c.w() + "x" + c.h(), c.n(), Integer::sum);
    }
    // a key's calls are full except its last one: no more calls than needed
    for (var e : tilesPerKey.entrySet()) {
      long calls =
          engine.calls.stream()
              .filter(c -> (c.subnet() + ":" + c.w() + "x" + c.h()).equals(e.getKey()))
              .count();
      assertThat(calls)
          .as(e.getKey())
          .isEqualTo(
              (e.getValue() + UpscaleSession.MAX_TILES_PER_CALL - 1)
                  / UpscaleSession.MAX_TILES_PER_CALL);
    }
    assertThat(r.render().tiles()).isEqualTo(tilesPerKey.values().stream().mapToInt(i -> i).sum());
  }
}
