package dev.wbsr.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The one rounding rule of both results pages, on the cases of {@code testvectors/rounding.json}
 * that {@code training/tests/test_numbers.py} checks on the Python side.
 */
class DecimalsTest {

  private static JsonObject vectors() throws Exception {
    return JsonParser.parseString(Files.readString(Path.of("testvectors/rounding.json")))
        .getAsJsonObject();
  }

  @Test
  void fixedAndPercentFollowTheSharedVectors() throws Exception {
    JsonObject v = vectors();
    assertThat(v.getAsJsonArray("fixed")).hasSizeGreaterThan(5);
    for (JsonElement e : v.getAsJsonArray("fixed")) {
      JsonObject c = e.getAsJsonObject();
      double x = c.get("value").getAsDouble();
      int n = c.get("decimals").getAsInt();
      String want = c.get("text").getAsString();
      assertThat(Decimals.fixed(x, n)).as("fixed(%s, %d)", x, n).isEqualTo(want);
      // the report's format() gives the same digits through %.Nf
      assertThat(Decimals.format("%." + n + "f", x)).as("format %s", x).isEqualTo(want);
    }
    for (JsonElement e : v.getAsJsonArray("percent")) {
      JsonObject c = e.getAsJsonObject();
      double r = c.get("ratio").getAsDouble();
      int n = c.get("decimals").getAsInt();
      String want = c.get("text").getAsString();
      assertThat(Decimals.percent(r, n)).as("percent(%s, %d)", r, n).isEqualTo(want);
      assertThat(Decimals.format("%." + n + "f", Decimals.percentValue(r))).isEqualTo(want);
    }
  }

  @Test
  void formatRoundsOnlyFixedPointDoublesAndKeepsTheRest() {
    assertThat(Decimals.format("%s: %.1f%% (%d images, %+.3f dB)", "x2", 85.95, 12, -0.0004))
        .isEqualTo("x2: 86.0% (12 images, +0.000 dB)");
    assertThat(Decimals.format("%.2f and %.2f", 0.125, Double.NaN)).isEqualTo("0.13 and NaN");
    assertThat(Decimals.format("%1$.1f/%1$.3f", 0.25)).isEqualTo("0.3/0.250");
  }
}
