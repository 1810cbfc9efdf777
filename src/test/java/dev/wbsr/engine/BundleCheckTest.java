package dev.wbsr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.model.BundleException;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.model.SubnetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14.1 and 14.11: a bundle whose networks do not match its manifest fails at load. */
class BundleCheckTest {

  @TempDir Path tmp;

  private static final EngineOptions CPU = new EngineOptions(DeviceChoice.CPU, 1, 1);

  private Path copy(Path from, String name) throws IOException {
    Path to = tmp.resolve(name);
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  @Test
  void theFixturesPassTheFullCheckWithTheManifestsFlops() {
    for (String name : new String[] {"tiny-x2", "tiny-v2-x2", "tiny-x4", "tiny-classsr-x2"}) {
      ModelBundle b = ModelBundle.load(TestBundles.FIXTURES.resolve(name));
      try (OnnxEngine e = OnnxEngine.open(b, CPU)) {
        BundleCheck.probe(b, e);
        BundleCheck.Report r = BundleCheck.full(b, e);
        assertThat(r.problems()).as(name).isEmpty();
        for (BundleCheck.Line l : r.lines()) {
          if (l.network().startsWith("subnet")) {
            assertThat(l.onnxFlops()).as(name + " " + l.network()).isPresent();
          }
        }
      }
    }
  }

  @Test
  void aManifestScaleThatTheNetworksDoNotHaveFailsTheProbe() throws Exception {
    Path dir = copy(TestBundles.FIXTURES.resolve("tiny-x2"), "x2-says-x4");
    String json = Files.readString(dir.resolve("manifest.json"));
    Files.writeString(
        dir.resolve("manifest.json"), json.replaceFirst("\"scale\": 2", "\"scale\": 4"));
    ModelBundle b = ModelBundle.load(dir);
    assertThat(b.manifest().scale()).isEqualTo(4);
    try (OnnxEngine e = OnnxEngine.open(b, CPU)) {
      assertThatThrownBy(() -> BundleCheck.probe(b, e))
          .isInstanceOf(BundleException.class)
          .hasMessageContaining("i.e. x2, but the manifest says x4");
    }
  }

  @Test
  void x4NetworksInAnX2BundleFailTheProbe() throws Exception {
    Path dir = copy(TestBundles.FIXTURES.resolve("tiny-x2"), "x4-files");
    ModelBundle x4 = ModelBundle.load(TestBundles.FIXTURES.resolve("tiny-x4"));
    ModelBundle x2 = ModelBundle.load(dir);
    int sx2 = x2.manifest().supernet();
    Files.copy(
        x4.subnetFile(x4.manifest().supernet()),
        dir.resolve(x2.manifest().subnets().get(sx2).file()),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (OnnxEngine e = OnnxEngine.open(x2, CPU)) {
      assertThatThrownBy(() -> BundleCheck.probe(x2, e)).hasMessageContaining("i.e. x4");
    }
  }

  @Test
  void garbageEmptyAndTruncatedNetworksFailTheFullCheck() throws Exception {
    Path dir = copy(TestBundles.FIXTURES.resolve("tiny-x2"), "broken");
    ModelBundle b = ModelBundle.load(dir);
    SubnetSpec s0 = b.manifest().subnets().get(0);
    SubnetSpec s1 = b.manifest().subnets().get(1);
    SubnetSpec s2 = b.manifest().subnets().get(2);
    Files.writeString(dir.resolve(s0.file()), "garbage, not a network");
    Files.write(dir.resolve(s1.file()), new byte[0]);
    byte[] whole = Files.readAllBytes(dir.resolve(s2.file()));
    Files.write(dir.resolve(s2.file()), java.util.Arrays.copyOf(whole, whole.length / 2));
    try (OnnxEngine e = OnnxEngine.open(b, CPU)) {
      BundleCheck.Report r = BundleCheck.full(b, e);
      assertThat(r.ok()).isFalse();
      assertThat(r.problems()).hasSize(3);
      assertThat(r.problems())
          .allSatisfy(p -> assertThat(p).contains("cannot be run").doesNotContain("Exception"));
    }
  }

  @Test
  void aClassifierThatIsAnSrNetworkFailsTheProbe() throws Exception {
    Path dir = copy(TestBundles.FIXTURES.resolve("tiny-classsr-x2"), "sr-classifier");
    ModelBundle b = ModelBundle.load(dir);
    String classifier = b.manifest().classsr().orElseThrow().classifierFile();
    Files.copy(
        b.subnetFile(0),
        dir.resolve(classifier),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (OnnxEngine e = OnnxEngine.open(b, CPU)) {
      assertThatThrownBy(() -> BundleCheck.probe(b, e))
          .hasMessageContaining("it is not this bundle's classifier");
    }
  }

  @Test
  void aSubnetFromAnotherWidthFailsTheFlopsComparison() throws Exception {
    Path dir = copy(TestBundles.FIXTURES.resolve("tiny-x2"), "swapped");
    ModelBundle b = ModelBundle.load(dir);
    Files.copy(
        b.subnetFile(b.manifest().supernet()),
        dir.resolve(b.manifest().subnets().get(0).file()),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (OnnxEngine e = OnnxEngine.open(b, CPU)) {
      BundleCheck.Report r = BundleCheck.full(b, e);
      assertThat(r.problems())
          .singleElement()
          .asString()
          .contains("GFLOPs per patch, the manifest says");
    }
  }

  /** Item 11 for the app: one call that opens its own engine and reports, never throws. */
  @Test
  void theOneCallCheckPassesAFixtureAndReportsAGarbageNetwork() throws Exception {
    BundleCheck.Report good =
        BundleCheck.full(ModelBundle.load(TestBundles.FIXTURES.resolve("tiny-x2")));
    assertThat(good.ok()).as(good.problems().toString()).isTrue();
    assertThat(good.lines()).isNotEmpty();

    Path dir = copy(TestBundles.FIXTURES.resolve("tiny-x2"), "garbage-subnet");
    ModelBundle b = ModelBundle.load(dir);
    SubnetSpec last = b.manifest().subnets().get(b.manifest().subnets().size() - 1);
    Files.write(dir.resolve(last.file()), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    BundleCheck.Report bad = BundleCheck.full(ModelBundle.load(dir));
    assertThat(bad.ok()).isFalse();
    assertThat(bad.problems()).hasSize(1);
    assertThat(bad.problems().get(0))
        .contains(last.file())
        .contains("export the bundle again")
        .doesNotContain("Exception");
  }
}
