package dev.wbsr.pipeline;

import dev.wbsr.model.ArmTable;
import dev.wbsr.model.ClassSrSpec;
import dev.wbsr.model.ComplexitySpec;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.SubnetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Manifests built in code, for routing and pipeline tests that need no files. */
final class SyntheticManifests {

  private SyntheticManifests() {}

  /** A wbsr manifest with the given FLOPs per subnet (ascending) and class thresholds. */
  static Manifest of(int scale, double[] flops, double[] thresholds, Optional<ArmTable> arm) {
    List<SubnetSpec> subnets = new ArrayList<>();
    for (int i = 0; i < flops.length; i++) {
      subnets.add(
          new SubnetSpec(
              i, "s" + i, 8, 2, "s" + i + ".onnx", flops[i], 100, 30, 0.9, OptionalInt.empty()));
    }
    List<Double> t = new ArrayList<>();
    for (double v : thresholds) {
      t.add(v);
    }
    return Manifest.builder("synthetic-x" + scale, Manifest.Kind.WBSR)
        .testFixture(true)
        .title("synthetic")
        .license("CC0-1.0")
        .scale(scale)
        .patchSize(32)
        .receptiveField(4)
        .complexity(
            new ComplexitySpec(ComplexitySpec.SOBEL_SUM_V1, thresholds.length + 1, t, List.of()))
        .subnets(subnets)
        .arm(arm)
        .build();
  }

  /**
   * {@code m} with a format 2 routing section: front {@code front}, calibration PSNR {@code psnr}.
   */
  static Manifest withFront(Manifest m, List<Integer> front, List<Double> psnr) {
    var calibration =
        new dev.wbsr.model.RoutingSpec.Calibration(
            "calib",
            List.of("a", "b"),
            30,
            psnr,
            new dev.wbsr.model.RoutingSpec.Routed(31, 0.5),
            new dev.wbsr.model.RoutingSpec.Routed(31, 0.6));
    return m.toBuilder()
        .routing(Optional.of(new dev.wbsr.model.RoutingSpec(front, calibration, Optional.empty())))
        .build();
  }

  /** A ClassSR bundle: three branches of cost 1, 2, 3 (x 1e9), a classifier of 0.1e9 per patch. */
  static Manifest classsr(int scale) {
    Manifest m =
        of(
            scale,
            new double[] {1e9, 2e9, 3e9},
            new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90},
            Optional.empty());
    return Manifest.builder("classsr-x" + scale, Manifest.Kind.CLASSSR)
        .testFixture(true)
        .title(m.title())
        .license(m.license())
        .scale(scale)
        .receptiveField(4)
        .complexity(m.complexity())
        .subnets(m.subnets())
        .supernet(2)
        .classsr(Optional.of(new ClassSrSpec("classifier.onnx", 1e8)))
        .build();
  }

  /** Nine subnets of cost 1..9 (x 1e9) and ten classes cut at 10, 20, ..., 90. */
  static Manifest nineByTen(int scale) {
    double[] flops = new double[9];
    for (int i = 0; i < 9; i++) {
      flops[i] = (i + 1) * 1e9;
    }
    double[] thresholds = new double[9];
    for (int i = 0; i < 9; i++) {
      thresholds[i] = 10 * (i + 1);
    }
    return of(scale, flops, thresholds, Optional.empty());
  }
}
