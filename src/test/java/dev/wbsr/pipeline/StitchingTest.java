package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.bench.MarginSweep;
import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.engine.TestBundles;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seams, on every real bundle (fixtures and models/) and a real photo: the patch pipeline with its
 * default margin against whole-image inference, at least 38 dB (PSNR over RGB, 8-bit).
 */
class StitchingTest {

  static final double MIN_PSNR = 38.0;

  @TestFactory
  Stream<DynamicTest> patchPipelineMatchesWholeImageInference() throws Exception {
    // the cat's face and a stretch of background: every kind of patch, small enough for CI at x4
    RgbImage full = new ImageLoader().load(Path.of("assets/samples/chelsea.png")).rgb();
    RgbImage photo = TileExecutor.crop(full, 60, 20, 250, 180);
    return TestBundles.all().stream()
        .map(b -> DynamicTest.dynamicTest(b.name(), () -> check(b, photo)));
  }

  private static void check(ModelBundle bundle, RgbImage photo) throws Exception {
    Manifest m = bundle.manifest();
    try (OnnxEngine engine = OnnxEngine.open(bundle, EngineOptions.defaults(DeviceChoice.CPU))) {
      PipelineOptions options = PipelineOptions.batch();
      // the supernet everywhere (large tiles)
      RgbImage whole = Upscaler.wholeImage(photo, m, engine, m.supernet());
      UpscaleResult patches =
          Upscaler.upscale(
              photo, m, engine, new RoutingPolicy.Supernet(), options, RenderListener.NONE);
      assertThat(MarginSweep.psnr(patches.image(), whole))
          .as("%s supernet vs whole image", bundle.name())
          .isGreaterThanOrEqualTo(MIN_PSNR);

      // WBSR routing (mostly 1x1 tiles): against the ideal composite, where every patch takes the
      // whole-image output of its subnet (how training/wbsr/evaluate.py scores routing)
      UpscaleResult wbsr =
          Upscaler.upscale(
              photo, m, engine, RoutingPolicy.Wbsr.paper(), options, RenderListener.NONE);
      RgbImage ideal = MarginSweep.idealComposite(wbsr, photo, m, engine, new HashMap<>());
      assertThat(MarginSweep.psnr(wbsr.image(), ideal))
          .as("%s wbsr vs ideal composite", bundle.name())
          .isGreaterThanOrEqualTo(MIN_PSNR);
    }
  }
}
