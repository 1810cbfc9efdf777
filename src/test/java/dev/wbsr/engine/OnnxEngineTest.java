package dev.wbsr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.model.BundleException;
import dev.wbsr.model.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEngineTest {

  private final ModelBundle bundle = TestBundles.tiny(2);

  private static Nchw random(int n, int h, int w, long seed) {
    Random r = new Random(seed);
    float[] d = new float[n * 3 * h * w];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextFloat();
    }
    return new Nchw(d, n, 3, h, w);
  }

  @Test
  void gpuFallsBackToCpuWhenCudaIsMissingAndReportsTheDevice() {
    // the default build carries the CPU-only onnxruntime, so this is the fallback path
    try (OnnxEngine e = OnnxEngine.open(bundle, new EngineOptions(DeviceChoice.GPU, 1, 1))) {
      assertThat(e.device()).isEqualTo("cpu");
      Nchw out = e.run(0, random(1, 12, 10, 1));
      assertThat(new int[] {out.n(), out.c(), out.h(), out.w()}).containsExactly(1, 3, 24, 20);
    }
    try (OnnxEngine e = OnnxEngine.open(bundle, EngineOptions.defaults(DeviceChoice.AUTO))) {
      assertThat(e.device()).isIn("cpu", "cuda:0");
      assertThat(e.scale()).isEqualTo(2);
      assertThat(e.subnetCount()).isEqualTo(bundle.manifest().subnets().size());
    }
  }

  @Test
  void concurrentCallsOnOneSubnetGiveTheSameResultsAsSerialOnes() throws Exception {
    try (OnnxEngine e = OnnxEngine.open(bundle, new EngineOptions(DeviceChoice.CPU, 1, 2))) {
      List<Nchw> inputs = new ArrayList<>();
      List<float[]> serial = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        inputs.add(random(2, 16 + i, 20, i));
        serial.add(e.run(8, inputs.get(i)).data());
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Nchw>> futures = new ArrayList<>();
        for (Nchw in : inputs) {
          futures.add(pool.submit(() -> e.run(8, in)));
        }
        for (int i = 0; i < inputs.size(); i++) {
          assertThat(futures.get(i).get().data()).isEqualTo(serial.get(i));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aBrokenOnnxFileIsAClearError(@TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("broken-x2");
    Files.createDirectories(copy);
    try (var files = Files.list(bundle.dir())) {
      for (var f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Files.writeString(copy.resolve(bundle.manifest().subnets().get(0).file()), "not onnx");
    try (OnnxEngine e =
        OnnxEngine.open(ModelBundle.load(copy), new EngineOptions(DeviceChoice.CPU, 1, 1))) {
      assertThatThrownBy(() -> e.run(0, random(1, 8, 8, 0)))
          .isInstanceOf(BundleException.class)
          .hasMessageContaining("cannot load");
    }
  }
}
