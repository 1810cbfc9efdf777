package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wbsr.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Locks the Java scores to the Python ones through {@code testvectors/complexity.json}. */
class ComplexityTest {

  private static JsonObject vectors;
  private static double tolerance;
  private static double[] thresholds;

  @BeforeAll
  static void read() throws IOException {
    vectors =
        JsonParser.parseString(Files.readString(Path.of("testvectors/complexity.json")))
            .getAsJsonObject();
    tolerance = vectors.get("tolerance").getAsDouble();
    thresholds = doubles(vectors.getAsJsonArray("thresholds"));
  }

  @Test
  void gradientVectorScoreClassAndEdgeScoreMatchPython() {
    assertThat(vectors.getAsJsonArray("patches")).hasSizeGreaterThanOrEqualTo(10);
    for (JsonElement e : vectors.getAsJsonArray("patches")) {
      JsonObject p = e.getAsJsonObject();
      RgbImage img = image(p.getAsJsonObject("image"));
      String name = p.get("name").getAsString();
      double[] v = Complexity.gradientVector(img, 0, 0, img.width(), img.height());
      double[] expected = doubles(p.getAsJsonArray("vector"));
      for (int i = 0; i < 4; i++) {
        assertThat(v[i]).as(name + " v" + i).isCloseTo(expected[i], within(tolerance));
      }
      double score = Complexity.score(img, 0, 0, img.width(), img.height());
      assertThat(score).as(name).isCloseTo(p.get("score").getAsDouble(), within(tolerance));
      int k = Complexity.classOf(score, thresholds);
      assertThat(k).as(name).isEqualTo(p.get("class").getAsInt());
      assertThat(Complexity.paperSubnet(k, 9, 10)).as(name).isEqualTo(p.get("subnet").getAsInt());
      assertThat(Complexity.edgeScore(img, 0, 0, img.width(), img.height()))
          .as(name + " edge")
          .isCloseTo(p.get("edge_score").getAsDouble(), within(tolerance));
    }
  }

  @Test
  void scoresASubRectangleOfALargerImageLikeTheCroppedPatch() {
    JsonObject p = vectors.getAsJsonArray("patches").get(5).getAsJsonObject();
    RgbImage patch = image(p.getAsJsonObject("image"));
    RgbImage big = RgbImage.allocate(patch.width() + 7, patch.height() + 5);
    for (int y = 0; y < patch.height(); y++) {
      System.arraycopy(
          patch.rgb(),
          y * patch.width() * 3,
          big.rgb(),
          ((y + 5) * big.width() + 7) * 3,
          patch.width() * 3);
    }
    assertThat(Complexity.score(big, 7, 5, patch.width(), patch.height()))
        .isCloseTo(p.get("score").getAsDouble(), within(tolerance));
  }

  @Test
  void classTiesCountTheThresholdAndRoutesFollowThePaper() {
    for (JsonElement e : vectors.getAsJsonArray("class_cases")) {
      JsonObject c = e.getAsJsonObject();
      assertThat(Complexity.classOf(c.get("score").getAsDouble(), thresholds))
          .isEqualTo(c.get("class").getAsInt());
    }
    for (JsonElement e : vectors.getAsJsonArray("route_cases")) {
      JsonObject c = e.getAsJsonObject();
      int k = c.get("class").getAsInt();
      int m = c.get("num_subnets").getAsInt();
      assertThat(Complexity.paperSubnet(k, m, vectors.get("num_classes").getAsInt()))
          .as("class %d of %d subnets", k, m)
          .isEqualTo(c.get("subnet").getAsInt());
    }
  }

  static RgbImage image(JsonObject o) {
    int h = o.get("height").getAsInt();
    int w = o.get("width").getAsInt();
    int ch = o.get("channels").getAsInt();
    JsonArray data = o.getAsJsonArray("data");
    RgbImage img = RgbImage.allocate(w, h);
    for (int i = 0; i < w * h; i++) {
      for (int c = 0; c < 3; c++) {
        img.rgb()[i * 3 + c] = (byte) data.get(i * ch + (ch == 3 ? c : 0)).getAsInt();
      }
    }
    return img;
  }

  static double[] doubles(JsonArray a) {
    List<Double> out = new ArrayList<>();
    a.forEach(x -> out.add(x.getAsDouble()));
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
