package dev.wbsr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wbsr.image.RgbImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** PSNR-Y and SSIM-Y reproduce the Python reference on every shared vector. */
class QualityVectorsTest {

  @Test
  void everyCaseMatches() throws IOException {
    JsonObject file = Vectors.load("metrics.json");
    double tol = file.get("tolerance").getAsDouble();
    int cases = 0;
    for (JsonElement e : file.getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      String name = c.get("name").getAsString();
      RgbImage img = Vectors.rgb(c.getAsJsonObject("image"));
      RgbImage ref = Vectors.rgb(c.getAsJsonObject("reference"));
      int shave = c.get("crop_border").getAsInt();
      assertThat(ImageQuality.psnrY(img, ref, shave))
          .as(name + " psnr_y")
          .isCloseTo(c.get("psnr_y").getAsDouble(), within(tol));
      assertThat(ImageQuality.ssimY(img, ref, shave))
          .as(name + " ssim_y")
          .isCloseTo(c.get("ssim_y").getAsDouble(), within(tol));
      cases++;
    }
    assertThat(cases).isGreaterThanOrEqualTo(4);
  }
}
