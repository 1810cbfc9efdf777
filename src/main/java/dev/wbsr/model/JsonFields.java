package dev.wbsr.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from a JSON object that fail with the dotted path of the offending key, so that a
 * broken manifest is reported as, say, {@code complexity.thresholds: expected an array}.
 */
final class JsonFields {

  private final JsonObject object;
  private final String path;
  private final String source;

  JsonFields(JsonObject object, String path, String source) {
    this.object = object;
    this.path = path;
    this.source = source;
  }

  boolean has(String key) {
    return object.has(key) && !object.get(key).isJsonNull();
  }

  String string(String key) {
    JsonElement e = required(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw fail(key, "expected a string");
    }
    return e.getAsString();
  }

  String string(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  boolean bool(String key) {
    JsonElement e = required(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw fail(key, "expected true or false");
    }
    return e.getAsBoolean();
  }

  int integer(String key) {
    double v = number(key);
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw fail(key, "expected an integer, got " + v);
    }
    return (int) v;
  }

  double number(String key) {
    JsonElement e = required(key);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw fail(key, "expected a number");
    }
    return e.getAsDouble();
  }

  JsonFields object(String key) {
    JsonElement e = required(key);
    if (!e.isJsonObject()) {
      throw fail(key, "expected an object");
    }
    return new JsonFields(e.getAsJsonObject(), child(key), source);
  }

  List<JsonFields> objects(String key) {
    JsonArray a = array(key);
    List<JsonFields> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).isJsonObject()) {
        throw fail(key + "[" + i + "]", "expected an object");
      }
      out.add(new JsonFields(a.get(i).getAsJsonObject(), child(key) + "[" + i + "]", source));
    }
    return out;
  }

  List<Double> numbers(String key) {
    return numbers(array(key), key);
  }

  List<String> strings(String key) {
    JsonArray a = array(key);
    List<String> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      JsonElement e = a.get(i);
      if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isString()) {
        throw fail(key + "[" + i + "]", "expected a string");
      }
      out.add(e.getAsString());
    }
    return out;
  }

  List<List<Double>> numberRows(String key) {
    JsonArray a = array(key);
    List<List<Double>> rows = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).isJsonArray()) {
        throw fail(key + "[" + i + "]", "expected an array of numbers");
      }
      rows.add(numbers(a.get(i).getAsJsonArray(), key + "[" + i + "]"));
    }
    return rows;
  }

  /** Top-level entries of an optional object as display strings (nested values as JSON). */
  Map<String, String> flat(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (has(key) && object.get(key).isJsonObject()) {
      for (Map.Entry<String, JsonElement> e : object.getAsJsonObject(key).entrySet()) {
        JsonElement v = e.getValue();
        out.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
      }
    }
    return out;
  }

  BundleException fail(String key, String problem) {
    return new BundleException(source + ": " + child(key) + ": " + problem);
  }

  private List<Double> numbers(JsonArray a, String key) {
    List<Double> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      JsonElement e = a.get(i);
      if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
        throw fail(key + "[" + i + "]", "expected a number");
      }
      out.add(e.getAsDouble());
    }
    return out;
  }

  private JsonArray array(String key) {
    JsonElement e = required(key);
    if (!e.isJsonArray()) {
      throw fail(key, "expected an array");
    }
    return e.getAsJsonArray();
  }

  private JsonElement required(String key) {
    if (!has(key)) {
      throw fail(key, "missing");
    }
    return object.get(key);
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
