package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Locks {@link ParetoFront} and {@link BudgetRouting} to {@code training/wbsr/routing.py} through
 * {@code testvectors/routing.json}: integer tables must match exactly.
 */
class RoutingVectorsTest {

  private static JsonObject vectors;

  @BeforeAll
  static void read() throws IOException {
    vectors =
        JsonParser.parseString(Files.readString(Path.of("testvectors/routing.json")))
            .getAsJsonObject();
  }

  @Test
  void paretoFrontMatchesPython() {
    JsonArray cases = vectors.getAsJsonArray("fronts");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(8);
    for (JsonElement e : cases) {
      JsonObject c = e.getAsJsonObject();
      assertThat(ParetoFront.select(doubles(c, "cost"), doubles(c, "quality")))
          .as(c.toString())
          .containsExactly(ints(c, "front"));
    }
  }

  @Test
  void eq15AndEq16TablesMatchPython() {
    for (JsonElement e : vectors.getAsJsonArray("paper_tables")) {
      JsonObject c = e.getAsJsonObject();
      assertThat(
              BudgetRouting.paperTable(
                  c.get("num_classes").getAsInt(), c.get("members").getAsInt()))
          .containsExactly(ints(c, "table"));
    }
    for (JsonElement e : vectors.getAsJsonArray("eq16_tables")) {
      JsonObject c = e.getAsJsonObject();
      assertThat(
              BudgetRouting.eq16Table(
                  c.get("num_classes").getAsInt(), doubles(c, "costs"), c.get("tau").getAsDouble()))
          .as(c.toString())
          .containsExactly(ints(c, "table"));
    }
    JsonObject t = vectors.getAsJsonObject("eq16_taus");
    assertThat(BudgetRouting.eq16Taus(t.get("num_classes").getAsInt(), doubles(t, "costs")))
        .containsExactly(doubles(t, "taus"));
  }

  @Test
  void bothBudgetRulesMatchPython() {
    JsonArray cases = vectors.getAsJsonArray("budget_cases");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
    for (JsonElement e : cases) {
      JsonObject c = e.getAsJsonObject();
      double[] w = doubles(c, "weights");
      double[] costs = doubles(c, "costs");
      double b = c.get("budget").getAsDouble();
      double full = costs[costs.length - 1];
      assertThat(BudgetRouting.table(BudgetRule.LEVEL, w, costs, full, b))
          .as("level " + c)
          .containsExactly(ints(c, "level"));
      assertThat(BudgetRouting.table(BudgetRule.EQ16, w, costs, full, b))
          .as("eq16 " + c)
          .containsExactly(ints(c, "eq16"));
    }
  }

  private static double[] doubles(JsonObject o, String key) {
    JsonArray a = o.getAsJsonArray(key);
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).getAsDouble();
    }
    return v;
  }

  private static int[] ints(JsonObject o, String key) {
    JsonArray a = o.getAsJsonArray(key);
    int[] v = new int[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).getAsInt();
    }
    return v;
  }
}
