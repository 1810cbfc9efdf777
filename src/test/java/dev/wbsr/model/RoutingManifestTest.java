package dev.wbsr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format 2's routing fields (issue 11): read, checked, and format 1 bundles still load. */
class RoutingManifestTest {

  @TempDir Path tmp;

  /** A format 2 manifest: front {0, 2}, calibration numbers, an ARM table with its eta. */
  static void routing(JsonObject m) {
    m.addProperty("format_version", 2);
    JsonObject r = new JsonObject();
    r.addProperty("order", "pareto");
    r.add("front", TestManifests.array(0, 2));
    JsonObject c = new JsonObject();
    c.addProperty("set", "calib");
    JsonArray images = new JsonArray();
    images.add("Kite");
    images.add("snow");
    c.add("images", images);
    c.addProperty("bicubic_psnr_y", 30.5);
    c.add("psnr_y", TestManifests.array(31.0, 30.9, 31.4));
    c.add("pareto", routed(31.3, 0.71));
    c.add("literal", routed(31.2, 0.8));
    r.add("calibration", c);
    m.add("routing", r);
    JsonObject arm = new JsonObject();
    arm.addProperty("edge_score", "laplacian-mean-v1");
    arm.add("bin_edges", TestManifests.array(0, 10, 100));
    JsonArray rows = new JsonArray();
    rows.add(TestManifests.array(30, 31, 32));
    rows.add(TestManifests.array(25, 26, 27));
    arm.add("psnr_y", rows);
    arm.addProperty("built_on", "calib");
    JsonObject ac = new JsonObject();
    ac.addProperty("flops_target", 0.71);
    ac.addProperty("eta", 4.0);
    ac.addProperty("flops_ratio", 0.69);
    ac.addProperty("psnr_y", 31.35);
    arm.add("calibration", ac);
    m.add("arm", arm);
  }

  private static JsonObject routed(double psnr, double flops) {
    JsonObject o = new JsonObject();
    o.addProperty("psnr_y", psnr);
    o.addProperty("flops_ratio", flops);
    return o;
  }

  @Test
  void readsTheFrontTheCalibrationAndArmsEta() throws IOException {
    Manifest m =
        ModelBundle.load(TestManifests.write(tmp.resolve("b"), "t", RoutingManifestTest::routing))
            .manifest();
    RoutingSpec r = m.routing().orElseThrow();
    assertThat(m.front()).containsExactly(0, 2);
    assertThat(r.calibration().set()).isEqualTo("calib");
    assertThat(r.calibration().images()).containsExactly("Kite", "snow");
    assertThat(r.calibration().psnrY()).containsExactly(31.0, 30.9, 31.4);
    assertThat(r.calibration().pareto()).isEqualTo(new RoutingSpec.Routed(31.3, 0.71));
    assertThat(r.calibration().literal().flopsRatio()).isEqualTo(0.8);
    assertThat(r.arm()).hasValue(new RoutingSpec.ArmCalibration("calib", 4.0, 0.71, 0.69, 31.35));
  }

  @Test
  void formatOneBundlesStillLoadAndRouteOverEverySubnet() throws IOException {
    Manifest m = ModelBundle.load(TestManifests.write(tmp.resolve("b"), "t", x -> {})).manifest();
    assertThat(m.routing()).isEmpty();
    assertThat(m.front()).containsExactly(0, 1, 2);
  }

  @Test
  void refusesABrokenFrontOrCalibration() throws IOException {
    expect(m -> front(m).add("front", TestManifests.array(0, 3)), "routing.front[1]");
    expect(m -> front(m).add("front", TestManifests.array(2, 0)), "must ascend");
    expect(m -> front(m).add("front", new JsonArray()), "routing.front: empty");
    expect(
        m -> front(m).getAsJsonObject("calibration").add("psnr_y", TestManifests.array(1, 2)),
        "expected 3 values");
    expect(
        m -> m.getAsJsonObject("arm").getAsJsonObject("calibration").addProperty("eta", -1),
        "arm.calibration.eta");
    expect(m -> m.addProperty("format_version", 3), "newer than this WBSR Studio reads");
  }

  private static JsonObject front(JsonObject m) {
    routing(m);
    return m.getAsJsonObject("routing");
  }

  private void expect(Consumer<JsonObject> edit, String message) throws IOException {
    Path dir =
        TestManifests.write(
            tmp.resolve("b" + message.hashCode()),
            "t",
            m -> {
              routing(m);
              edit.accept(m);
            });
    assertThatThrownBy(() -> ModelBundle.load(dir))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining(message);
  }
}
