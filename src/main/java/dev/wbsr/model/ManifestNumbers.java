package dev.wbsr.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The typed numbers of the free-form sections {@code provenance} and {@code validation}. Lenient on
 * purpose: these sections describe how a bundle was made and never change how it runs, so a missing
 * or mistyped value is left empty instead of rejecting the bundle.
 */
final class ManifestNumbers {

  private ManifestNumbers() {}

  static TrainingRun trainingRun(JsonObject root) {
    JsonObject p = object(root, "provenance");
    if (p == null) {
      return TrainingRun.UNKNOWN;
    }
    OptionalDouble steps = number(p, "iterations");
    List<TrainingRun.DataPackage> packages = new ArrayList<>();
    if (p.get("data_packages") instanceof com.google.gson.JsonArray arr) {
      for (JsonElement e : arr) {
        if (e.isJsonObject()) {
          packages.add(
              new TrainingRun.DataPackage(
                  string(e.getAsJsonObject(), "name", "?"),
                  string(e.getAsJsonObject(), "version", "?")));
        }
      }
    }
    return new TrainingRun(
        steps.isPresent() ? OptionalLong.of(Math.round(steps.getAsDouble())) : OptionalLong.empty(),
        number(p, "wall_time_s"),
        packages);
  }

  static Map<String, ValidationScores> validationScores(JsonObject root, Manifest.Kind kind) {
    JsonObject v = object(root, "validation");
    Map<String, ValidationScores> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    String routed = kind == Manifest.Kind.CLASSSR ? "classsr" : "wbsr";
    for (Map.Entry<String, JsonElement> e : v.entrySet()) {
      if (!e.getValue().isJsonObject()) {
        continue;
      }
      JsonObject s = e.getValue().getAsJsonObject();
      OptionalDouble images = number(s, "images");
      out.put(
          e.getKey(),
          new ValidationScores(
              images.isPresent() ? (int) images.getAsDouble() : 0,
              number(s, "bicubic_psnr_y"),
              number(s, "supernet_psnr_y"),
              number(s, "supernet_ssim_y"),
              routed,
              number(s, routed + "_psnr_y"),
              number(s, routed + "_ssim_y"),
              number(s, routed + "_flops_ratio")));
    }
    return out;
  }

  private static JsonObject object(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  private static OptionalDouble number(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e instanceof JsonPrimitive p && p.isNumber()
        ? OptionalDouble.of(p.getAsDouble())
        : OptionalDouble.empty();
  }

  private static String string(JsonObject o, String key, String fallback) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : fallback;
  }
}
