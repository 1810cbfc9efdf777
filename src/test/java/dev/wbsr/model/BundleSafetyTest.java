package dev.wbsr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14.2, 14.10 and 14.13: what a hostile or damaged manifest cannot make the app do. */
class BundleSafetyTest {

  @TempDir Path tmp;

  private static void classsr(JsonObject m, String classifierFile) {
    m.addProperty("kind", "classsr");
    JsonObject c = new JsonObject();
    c.addProperty("classifier_file", classifierFile);
    c.addProperty("classifier_flops_per_patch", 1e6);
    m.add("classsr", c);
  }

  @Test
  void aClassifierFileOutsideTheBundleIsRefused() throws Exception {
    for (String name : new String[] {"/etc/passwd", "../../../../etc/passwd", "../other/x.onnx"}) {
      Path dir = TestManifests.write(tmp.resolve("b" + name.length()), "t", m -> classsr(m, name));
      assertThatThrownBy(() -> ModelBundle.load(dir))
          .as(name)
          .isInstanceOf(BundleException.class)
          .hasMessageContaining("classifier file")
          .hasMessageContaining("refusing to read it");
    }
  }

  @Test
  void aSubnetThatLinksOutOfTheBundleIsRefused() throws Exception {
    Path outside = Files.writeString(tmp.resolve("secret.onnx"), "not yours");
    Path dir = TestManifests.write(tmp.resolve("b"), "t", m -> {});
    Files.delete(dir.resolve("subnet-1.onnx"));
    Files.createSymbolicLink(dir.resolve("subnet-1.onnx"), outside);
    assertThatThrownBy(() -> ModelBundle.load(dir))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("subnet 1:")
        .hasMessageContaining("outside the bundle");
  }

  @Test
  void aClassifierThatLinksOutOfTheBundleIsRefused() throws Exception {
    Path outside = Files.writeString(tmp.resolve("elsewhere.onnx"), "not yours");
    Path dir = TestManifests.write(tmp.resolve("b"), "t", m -> classsr(m, "classifier.onnx"));
    Files.createSymbolicLink(dir.resolve("classifier.onnx"), outside);
    assertThatThrownBy(() -> ModelBundle.load(dir)).hasMessageContaining("outside the bundle");
  }

  @Test
  void aLinkInsideTheBundleIsFine() throws Exception {
    Path dir = TestManifests.write(tmp.resolve("b"), "t", m -> classsr(m, "classifier.onnx"));
    Files.createSymbolicLink(dir.resolve("classifier.onnx"), dir.resolve("subnet-0.onnx"));
    assertThat(ModelBundle.load(dir).manifest().classsr()).isPresent();
  }

  @Test
  void aFolderNamedAsASubnetIsRefused() throws Exception {
    Path dir = TestManifests.write(tmp.resolve("b"), "t", m -> {});
    Files.delete(dir.resolve("subnet-2.onnx"));
    Files.createDirectory(dir.resolve("subnet-2.onnx"));
    assertThatThrownBy(() -> ModelBundle.load(dir)).hasMessageContaining("not a regular file");
  }

  @Test
  void absurdValuesAreRefused() throws Exception {
    assertRefused(m -> m.addProperty("patch_size", 1_000_000), "patch_size is 1000000");
    assertRefused(
        m -> m.getAsJsonObject("complexity").add("thresholds", TestManifests.array(-5, 20, 60)),
        "complexity.thresholds[0] is -5.0");
    assertRefused(
        m -> {
          JsonObject c = m.getAsJsonObject("complexity");
          int k = 2000;
          c.addProperty("num_classes", k);
          double[] t = new double[k - 1];
          for (int i = 0; i < t.length; i++) {
            t[i] = i;
          }
          c.add("thresholds", TestManifests.array(t));
          c.remove("train_class_fractions");
        },
        "complexity.num_classes is 2000");
    assertRefused(
        m -> m.getAsJsonObject("complexity").addProperty("num_classes", 2_000_000),
        "expected 1999999 values for 2000000 classes");
    assertRefused(m -> m.addProperty("receptive_field", 1_000_000), "receptive_field");
    assertRefused(
        m ->
            m.getAsJsonArray("subnets")
                .get(2)
                .getAsJsonObject()
                .addProperty("flops_per_patch", 1e300),
        "flops_per_patch");
  }

  private void assertRefused(java.util.function.Consumer<JsonObject> edit, String expected)
      throws Exception {
    Path dir = TestManifests.write(tmp.resolve("absurd-" + expected.hashCode()), "t", edit);
    assertThatThrownBy(() -> ModelBundle.load(dir))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void aManifestOfRandomBytesGetsAPlainSentence() throws Exception {
    Path dir = TestManifests.write(tmp.resolve("b"), "t", m -> {});
    byte[] junk = new byte[4096];
    new Random(14).nextBytes(junk);
    Files.write(dir.resolve("manifest.json"), junk);
    assertThatThrownBy(() -> ModelBundle.load(dir))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("not a text file")
        .hasMessageNotContaining("Input length");
  }
}
