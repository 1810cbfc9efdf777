package dev.wbsr.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wbsr.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared test vectors the Python side writes to {@code testvectors/}. */
final class Vectors {

  private Vectors() {}

  static JsonObject load(String name) throws IOException {
    Path file = Path.of("testvectors", name);
    assertThat(file).as("shared test vectors (written by training/wbsr/vectors.py)").exists();
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  /** {"height", "width", "channels", "data": [uint8 HWC]} as raw bytes. */
  static byte[] bytes(JsonObject image) {
    JsonArray data = image.getAsJsonArray("data");
    byte[] b = new byte[data.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) data.get(i).getAsInt();
    }
    return b;
  }

  static RgbImage rgb(JsonObject image) {
    assertThat(image.get("channels").getAsInt()).isEqualTo(3);
    return new RgbImage(
        image.get("width").getAsInt(), image.get("height").getAsInt(), bytes(image));
  }

  static double[] doubles(JsonArray a) {
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.get(i).getAsDouble();
    }
    return d;
  }
}
