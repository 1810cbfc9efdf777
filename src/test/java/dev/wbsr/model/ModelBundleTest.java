package dev.wbsr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelBundleTest {

  @TempDir Path tmp;

  @Test
  void loadsAValidManifestIntoRecords() throws IOException {
    ModelBundle b = ModelBundle.load(TestManifests.write(tmp.resolve("b"), "test-x2", m -> {}));

    Manifest m = b.manifest();
    assertThat(m.name()).isEqualTo("test-x2");
    assertThat(m.kind()).isEqualTo(Manifest.Kind.WBSR);
    assertThat(m.scale()).isEqualTo(2);
    assertThat(m.numClasses()).isEqualTo(4);
    assertThat(m.complexity().thresholds()).containsExactly(5.0, 20.0, 60.0);
    assertThat(m.subnets())
        .extracting(SubnetSpec::name)
        .containsExactly("w8-d2", "w16-d2", "w24-d2");
    assertThat(m.supernetSpec().id()).isEqualTo(2);
    assertThat(m.flopsPerPatch()).containsExactly(1e6, 2e6, 3e6);
    assertThat(m.receptiveField(0)).isEqualTo(6);
    assertThat(m.arm()).isEmpty();
    assertThat(b.subnetFile(1)).isEqualTo(b.dir().resolve("subnet-1.onnx"));
    assertThat(b.parityFile()).isEmpty();
  }

  @Test
  void perSubnetReceptiveFieldOverridesTheBundleValue() throws IOException {
    ModelBundle b =
        ModelBundle.load(
            TestManifests.write(
                tmp.resolve("b"), "t", m -> subnet(m, 0).addProperty("receptive_field", 3)));
    assertThat(b.manifest().receptiveField(0)).isEqualTo(3);
    assertThat(b.manifest().receptiveField(1)).isEqualTo(6);
  }

  static Stream<Arguments> brokenManifests() {
    return Stream.of(
        broken("format", m -> m.addProperty("format", "onnx-zoo"), "not a WBSR model bundle"),
        broken(
            "newer version",
            m -> m.addProperty("format_version", Manifest.FORMAT_VERSION + 1),
            "newer than this WBSR Studio reads"),
        broken("kind", m -> m.addProperty("kind", "esrgan"), "unknown kind 'esrgan'"),
        broken("missing scale", m -> m.remove("scale"), "scale: missing"),
        broken("scale type", m -> m.addProperty("scale", "two"), "scale: expected a number"),
        broken(
            "thresholds order",
            m -> m.getAsJsonObject("complexity").add("thresholds", TestManifests.array(5, 60, 20)),
            "thresholds: not ascending at index 2"),
        broken(
            "thresholds count",
            m -> m.getAsJsonObject("complexity").add("thresholds", TestManifests.array(5, 20)),
            "expected 3 values for 4 classes"),
        broken(
            "score name",
            m -> m.getAsJsonObject("complexity").addProperty("score", "canny"),
            "unsupported score 'canny'"),
        broken(
            "cost order", m -> subnet(m, 2).addProperty("flops_per_patch", 10), "sorted by cost"),
        broken(
            "supernet index", m -> m.addProperty("supernet", 7), "supernet: index 7 outside 0..2"),
        broken("supernet not last", m -> m.addProperty("supernet", 1), "must be its last"),
        broken(
            "file escapes", m -> subnet(m, 0).addProperty("file", "../x.onnx"), "plain file name"),
        broken(
            "missing onnx",
            m -> subnet(m, 1).addProperty("file", "gone.onnx"),
            "gone.onnx is missing"),
        broken(
            "input name", m -> m.getAsJsonObject("input").addProperty("name", "x"), "input.name"),
        broken("classsr without table", m -> m.addProperty("kind", "classsr"), "classsr: missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenManifests")
  void refusesBrokenManifestsWithAClearMessage(
      String what, Consumer<JsonObject> edit, String message) throws IOException {
    Path dir = TestManifests.write(tmp.resolve("b"), "t", edit);
    assertThatThrownBy(() -> ModelBundle.load(dir))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining(message);
  }

  @Test
  void refusesInvalidJsonAndMissingFolders() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bad"));
    Files.writeString(dir.resolve("manifest.json"), "{ not json");
    assertThatThrownBy(() -> ModelBundle.load(dir)).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> ModelBundle.load(tmp.resolve("nothing")))
        .hasMessageContaining("no such folder");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> ModelBundle.load(empty)).hasMessageContaining("no manifest.json");
  }

  private static JsonObject subnet(JsonObject m, int i) {
    return m.getAsJsonArray("subnets").get(i).getAsJsonObject();
  }

  private static Arguments broken(String what, Consumer<JsonObject> edit, String message) {
    return Arguments.of(what, edit, message);
  }
}
