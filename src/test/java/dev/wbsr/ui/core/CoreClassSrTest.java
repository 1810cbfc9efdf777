package dev.wbsr.ui.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.FakeOutputs;
import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ClassSrSpec;
import dev.wbsr.model.ComplexitySpec;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.SubnetSpec;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.RoutingRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The session adapter on a ClassSR bundle (a manifest built in code and an engine double, since no
 * ClassSR ONNX fixture exists): the ClassSR mode routes by the classifier, counts its FLOPs, and
 * renders.
 */
class CoreClassSrTest {

  static final double[] FLOPS = {1e9, 2e9, 3e9};

  static Manifest classSrManifest() {
    List<SubnetSpec> subnets = new ArrayList<>();
    for (int i = 0; i < FLOPS.length; i++) {
      subnets.add(new SubnetSpec(i, "w" + (16 << i) + "-d4", 8, 2, "b" + i + ".onnx", FLOPS[i], 100, 30, 0.9,
          OptionalInt.empty()));
    }
    return new Manifest("classsr-x2", true, Manifest.Kind.CLASSSR, "t", "", "0.0.1", "CC0-1.0", 2, 32, 4,
        new ComplexitySpec(ComplexitySpec.SOBEL_SUM_V1, 4, List.of(10.0, 20.0, 30.0), List.of()),
        subnets, 2, Optional.empty(), Optional.of(new ClassSrSpec("classifier.onnx", 1e8)), Optional.empty(),
        Map.of(), Map.of(), Map.of());
  }

  /** Nearest-neighbour "branches"; the classifier picks the branch from the patch's mean in thirds. */
  static final class Engine implements SrEngine {
    @Override
    public int scale() {
      return 2;
    }

    @Override
    public int subnetCount() {
      return 3;
    }

    @Override
    public String device() {
      return "cpu";
    }

    @Override
    public Nchw run(int subnet, Nchw in) {
      return FakeOutputs.nearest(in, 2, 0);
    }

    @Override
    public float[] classify(Nchw in) {
      return FakeOutputs.brightnessThirds(in);
    }

    @Override
    public void close() {}
  }

  @Test
  void classSrRoutesByTheClassifierAndRenders() throws Exception {
    Manifest m = classSrManifest();
    RgbImage lr = RgbImage.allocate(160, 96); // dark, mid and bright thirds: one branch each
    for (int y = 0; y < 96; y++) {
      for (int x = 0; x < 160; x++) {
        int v = (x < 64 ? 20 : x < 128 ? 128 : 240) + (x * 7 + y * 3) % 9;
        for (int c = 0; c < 3; c++) {
          lr.rgb()[(y * 160 + x) * 3 + c] = (byte) v;
        }
      }
    }
    var pipeline = dev.wbsr.pipeline.UpscaleSession.create(lr, m, new Engine(), PipelineOptions.batch().withWorkers(1));
    BundleInfo info = new BundleInfo("classsr-x2", "t", "", "0.0.1", "CC0-1.0", "classsr", 2, 32, 4, List.of(), 2,
        false, Path.of("classsr-x2"));
    try (CoreSession s = new CoreSession(pipeline, info)) {
      Routing r = s.route(RoutingRequest.of(RoutingMode.CLASSSR));
      assertThat(r.subnetOfClass()).isNull();
      assertThat(r.subnetOfPatch()).containsExactly(pipeline.plan(new dev.wbsr.pipeline.RoutingPolicy.ClassSr()).subnetMap());
      double branches = 0;
      for (int p = 0; p < r.subnetOfPatch().length; p++) {
        branches += FLOPS[r.subnetOfPatch()[p]] * pipeline.analysis().grid().patch(p).areaFraction(32);
      }
      assertThat(r.flops()).isGreaterThan(branches); // the classifier's FLOPs are counted
      assertThat(r.flopsSupernet()).isEqualTo(3e9 * 160 * 96 / (32.0 * 32));
      assertThat(java.util.Arrays.stream(r.subnetOfPatch()).distinct().count()).isGreaterThan(1);
      RgbImage out = s.run(r, null, (d, t) -> {}, () -> false);
      assertThat(out.width()).isEqualTo(320);
      assertThat(out.sample(5, 5, 0)).isEqualTo(lr.sample(2, 2, 0));
    }
  }
}
