package dev.wbsr.report;

import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.FakeOutputs;
import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.engine.TestBundles;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.ClassSrSpec;
import dev.wbsr.model.ComplexitySpec;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.model.SubnetSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Test data for the report: small PNG sets, a models folder of renamed tiny fixtures, and a
 * synthetic ClassSR bundle with a fake engine (no tiny ClassSR fixture exists).
 */
final class ReportFixtures {

  private ReportFixtures() {}

  /** One measured report shared by the test classes (it takes a few seconds). */
  record Measured(Path data, Path models, ReportOptions options, ReportData report) {}

  private static Measured measured;

  /**
   * Data (two Val-Photo images, one Val-Classic), models {@code wbsr-x2}, {@code base-x2}, {@code
   * wbsr-x4} (tiny fixtures), {@code hes-x2} of the wrong scale, a broken {@code bd-x2}, the
   * synthetic {@code classsr-x2}; short sweeps, no timing.
   */
  static synchronized Measured measured() throws Exception {
    if (measured == null) {
      Path root = Files.createTempDirectory("wbsr-report-test");
      Path data = dataDir(root);
      Map<String, Integer> bundles = new LinkedHashMap<>();
      bundles.put("wbsr-x2", 2);
      bundles.put("base-x2", 2);
      bundles.put("wbsr-x4", 4);
      bundles.put("hes-x2", 4); // wrong scale on purpose
      Path models = modelsDir(root, bundles);
      Files.createDirectories(models.resolve("bd-x2"));
      Files.writeString(models.resolve("bd-x2/manifest.json"), "{\"format\": \"other\"}");
      ReportOptions options =
          ReportOptions.defaults(data)
              .withTiming(false)
              .withSweeps(List.of(0.3, 0.6, 1.0), List.of(0.5, 4.0, 32.0));
      measured = new Measured(data, models, options, run(options, models));
    }
    return measured;
  }

  /** {@link #measured()}'s report, failures unchecked. */
  static ReportData report() {
    try {
      return measured().report();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ReportData run(ReportOptions o, Path models) throws Exception {
    return new ReportRunner(o, catalog(models, 2), engines(), new PrintWriter(new StringWriter()))
        .run();
  }

  /** A photo-like PNG: smooth gradients, a sharp edge, a noisy textured band. */
  static void writePng(Path file, int w, int h, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int base = (x * 2 + y) % 200;
        int edge = x > w / 2 ? 40 : 0;
        int noise = y > h / 2 ? r.nextInt(90) : r.nextInt(3);
        int v = Math.min(255, base + edge + noise);
        img.setRGB(x, y, v << 16 | (255 - v) << 8 | (v / 2 + 30));
      }
    }
    ImageIO.write(img, "png", file.toFile());
  }

  /**
   * {@code val-photo}: two images; {@code val-classic} and {@code val-large}: one; not multiples of
   * 4.
   */
  static Path dataDir(Path root) throws IOException {
    Path d = root.resolve("data");
    writePng(d.resolve("val-photo/a.png"), 130, 90, 1);
    writePng(d.resolve("val-photo/b.png"), 70, 66, 2);
    writePng(d.resolve("val-classic/c.png"), 90, 75, 3);
    writePng(d.resolve("val-large/d.png"), 96, 70, 4);
    return d;
  }

  /** {@code models/<name>} copies of the tiny fixtures: {@code names[i]} gets {@code scales[i]}. */
  static Path modelsDir(Path root, Map<String, Integer> bundles) throws IOException {
    Path models = root.resolve("models");
    for (Map.Entry<String, Integer> e : bundles.entrySet()) {
      Path src = TestBundles.tiny(e.getValue()).dir();
      Path dst = models.resolve(e.getKey());
      Files.createDirectories(dst);
      try (Stream<Path> files = Files.list(src)) {
        for (Path f : files.toList()) {
          Files.copy(f, dst.resolve(f.getFileName()));
        }
      }
    }
    return models;
  }

  /** {@code models/<name>} copies of the fixture folder {@code fixture}, one per name. */
  static Path modelsOf(Path root, String fixture, String... names) throws IOException {
    Path models = root.resolve("models");
    Path src = TestBundles.FIXTURES.resolve(fixture);
    for (String name : names) {
      Path dst = models.resolve(name);
      Files.createDirectories(dst);
      try (Stream<Path> files = Files.list(src)) {
        for (Path f : files.toList()) {
          Files.copy(f, dst.resolve(f.getFileName()));
        }
      }
    }
    return models;
  }

  /** The locator's bundles, plus the synthetic ClassSR bundle under {@code classsr-xN}. */
  static BundleCatalog catalog(Path models, int... classsrScales) {
    BundleCatalog found = BundleCatalog.of(new BundleLocator(List.of(models)));
    return name -> {
      for (int s : classsrScales) {
        if (name.equals("classsr-x" + s)) {
          return BundleCatalog.Lookup.found(classsr(s));
        }
      }
      return found.find(name);
    };
  }

  /** ONNX Runtime on CPU for real bundles, {@link FakeClassSr} for the synthetic ClassSR one. */
  static ReportRunner.EngineFactory engines() {
    return b ->
        b.manifest().kind() == Manifest.Kind.CLASSSR
            ? new FakeClassSr(b.manifest().scale())
            : OnnxEngine.open(b, new EngineOptions(DeviceChoice.CPU, 1, 2));
  }

  /** A ClassSR manifest: three branches of 1, 2, 3 MFLOPs and a 0.5 MFLOPs classifier. */
  static ModelBundle classsr(int scale) {
    List<SubnetSpec> subnets = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      subnets.add(
          new SubnetSpec(
              i,
              "b" + i,
              4 + 2 * i,
              2,
              "b" + i + ".onnx",
              (i + 1) * 1e6,
              10,
              30,
              0.9,
              OptionalInt.empty()));
    }
    List<Double> t = new ArrayList<>();
    for (int i = 1; i < 10; i++) {
      t.add(10.0 * i);
    }
    Manifest m =
        Manifest.builder("classsr-x" + scale, Manifest.Kind.CLASSSR)
            .testFixture(true)
            .title("synthetic ClassSR")
            .license("CC0-1.0")
            .scale(scale)
            .receptiveField(4)
            .complexity(new ComplexitySpec(ComplexitySpec.SOBEL_SUM_V1, 10, t, List.of()))
            .subnets(subnets)
            .supernet(2)
            .classsr(Optional.of(new ClassSrSpec("classifier.onnx", 5e5)))
            .build();
    return new ModelBundle(Path.of("synthetic-classsr-x" + scale), m);
  }

  /**
   * Nearest-neighbour upscaling plus a branch-dependent brightness offset (branch 2 is exact); the
   * classifier picks the branch by the patch's mean brightness, in thirds.
   */
  static final class FakeClassSr implements SrEngine {
    private final int scale;

    FakeClassSr(int scale) {
      this.scale = scale;
    }

    @Override
    public int scale() {
      return scale;
    }

    @Override
    public int subnetCount() {
      return 3;
    }

    @Override
    public String device() {
      return "fake";
    }

    @Override
    public Nchw run(int subnet, Nchw in) {
      return FakeOutputs.nearest(in, scale, 0.01f * (2 - subnet));
    }

    @Override
    public float[] classify(Nchw in) {
      return FakeOutputs.brightnessThirds(in);
    }

    @Override
    public void close() {}
  }
}
