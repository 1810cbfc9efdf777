package dev.wbsr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.model.ModelBundle;
import dev.wbsr.model.ParityData;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** ONNX Runtime reproduces the PyTorch outputs shipped with every bundle (models/README.md). */
class ParityTest {

  @TestFactory
  Stream<DynamicTest> everyBundleMatchesItsPyTorchReference() {
    Assumptions.assumeTrue(
        Files.isDirectory(TestBundles.FIXTURES) || !TestBundles.all().isEmpty(),
        "no test bundles yet (training/ writes " + TestBundles.FIXTURES + ")");
    List<ModelBundle> bundles = TestBundles.all();
    assertThat(bundles).as("test bundles (fixtures and models/)").isNotEmpty();
    return bundles.stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> check(b)));
  }

  private static void check(ModelBundle bundle) throws Exception {
    assertThat(bundle.parityFile()).as(bundle.name() + " parity file").isPresent();
    ParityData parity = ParityData.read(bundle.parityFile().orElseThrow());
    double tolerance = bundle.manifest().parity().orElseThrow().maxAbsError();
    int[] s = parity.input().shape();
    Nchw input = new Nchw(parity.input().data(), s[0], s[1], s[2], s[3]);
    assertThat(parity.outputs()).hasSize(bundle.manifest().subnets().size());
    try (OnnxEngine engine = OnnxEngine.open(bundle, new EngineOptions(DeviceChoice.CPU, 1, 1))) {
      for (ParityData.SubnetOutput expected : parity.outputs()) {
        Nchw out = engine.run(expected.subnet(), input);
        assertThat(new int[] {out.n(), out.c(), out.h(), out.w()})
            .as("subnet %d output shape", expected.subnet())
            .containsExactly(expected.output().shape());
        float[] want = expected.output().data();
        double max = 0;
        for (int i = 0; i < want.length; i++) {
          max = Math.max(max, Math.abs(out.data()[i] - want[i]));
        }
        assertThat(max)
            .as("%s subnet %d max |onnx - torch|", bundle.name(), expected.subnet())
            .isLessThan(tolerance);
      }
      if (bundle.manifest().classsr().isPresent()) {
        float[] want =
            parity
                .classifierLogits()
                .orElseThrow(() -> new AssertionError("no classifier_logits"))
                .data();
        float[] got = engine.classify(input);
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.length; i++) {
          assertThat((double) Math.abs(got[i] - want[i]))
              .as("%s classifier logit %d", bundle.name(), i)
              .isLessThan(tolerance);
        }
      }
    }
  }
}
