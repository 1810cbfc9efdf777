package dev.wbsr.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strict JSON has no NaN or Infinity: a number that is not finite is written as {@code null}, with
 * a {@code <key>_reason} next to it saying why.
 */
final class JsonNumbers {

  private JsonNumbers() {}

  /**
   * @param nanReason why a NaN here has no value (e.g. "no image could be scored")
   */
  static Map<String, Object> finite(Map<String, Object> row, String nanReason) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (e.getValue() instanceof Double d && !Double.isFinite(d)) {
        out.put(e.getKey(), null);
        out.put(
            e.getKey() + "_reason",
            d.isNaN() ? nanReason : "infinite: the result is identical to the ground truth");
      } else {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
