package dev.wbsr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wbsr.image.GrayPlane;
import dev.wbsr.image.RgbImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** MATLAB-style bicubic reproduces the Python reference on every shared vector. */
class BicubicVectorsTest {

  @Test
  void everyCaseMatchesDoublesAndUint8() throws IOException {
    JsonObject file = Vectors.load("bicubic.json");
    double tol = file.get("tolerance").getAsDouble();
    int cases = 0;
    for (JsonElement e : file.getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      String name = c.get("name").getAsString();
      JsonObject in = c.getAsJsonObject("input");
      int w = in.get("width").getAsInt();
      int h = in.get("height").getAsInt();
      int ch = in.get("channels").getAsInt();
      byte[] src = Vectors.bytes(in);
      int oh = c.getAsJsonArray("output_shape").get(0).getAsInt();
      int ow = c.getAsJsonArray("output_shape").get(1).getAsInt();
      double[] got;
      byte[] rounded;
      if (c.get("output_size").isJsonNull()) {
        double scale = c.get("scale").getAsDouble();
        got = Bicubic.resizeToDouble(src, w, h, ch, scale);
        rounded =
            ch == 3
                ? Bicubic.resize(new RgbImage(w, h, src), scale).rgb()
                : Bicubic.resize(new GrayPlane(w, h, src), scale).data();
      } else {
        ow = c.getAsJsonArray("output_size").get(1).getAsInt();
        oh = c.getAsJsonArray("output_size").get(0).getAsInt();
        got = Bicubic.resizeToDouble(src, w, h, ch, ow, oh);
        rounded =
            ch == 3
                ? Bicubic.resize(new RgbImage(w, h, src), ow, oh).rgb()
                : Bicubic.resize(new GrayPlane(w, h, src), ow, oh).data();
      }
      double[] want = Vectors.doubles(c.getAsJsonArray("output_double"));
      assertThat(got).as(name + " size").hasSize(oh * ow * ch).hasSameSizeAs(want);
      for (int i = 0; i < want.length; i++) {
        assertThat(got[i]).as(name + " double #" + i).isCloseTo(want[i], within(tol));
      }
      byte[] wantU8 = Vectors.bytes(c.getAsJsonObject("output_uint8"));
      assertThat(rounded).as(name + " uint8").isEqualTo(wantU8);
      cases++;
    }
    assertThat(cases).isGreaterThanOrEqualTo(12);
  }
}
