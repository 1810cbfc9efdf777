package dev.wbsr.model;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Writes small synthetic bundles (valid manifest, placeholder files) for tests of this package. */
public final class TestManifests {

  private TestManifests() {}

  /** A valid manifest of a 3-subnet, 4-class x2 bundle called {@code name}. */
  public static JsonObject valid(String name) {
    JsonObject m = new JsonObject();
    m.addProperty("format", "wbsr-bundle");
    m.addProperty("format_version", 1);
    m.addProperty("name", name);
    m.addProperty("kind", "wbsr");
    m.addProperty("title", "Test " + name);
    m.addProperty("scale", 2);
    m.addProperty("patch_size", 32);
    m.addProperty("receptive_field", 6);
    m.add("input", tensor("lr"));
    m.add("output", tensor("sr"));
    m.addProperty("unknown_future_key", "ignored");
    JsonObject c = new JsonObject();
    c.addProperty("score", "sobel-gradient-sum-v1");
    c.addProperty("num_classes", 4);
    c.add("thresholds", array(5, 20, 60));
    c.add("train_class_fractions", array(0.25, 0.25, 0.25, 0.25));
    m.add("complexity", c);
    JsonArray subnets = new JsonArray();
    for (int i = 0; i < 3; i++) {
      JsonObject s = new JsonObject();
      s.addProperty("id", i);
      s.addProperty("name", "w" + (8 * (i + 1)) + "-d2");
      s.addProperty("width", 8 * (i + 1));
      s.addProperty("depth", 2);
      s.addProperty("file", "subnet-" + i + ".onnx");
      s.addProperty("flops_per_patch", 1e6 * (i + 1));
      s.addProperty("params", 1000 * (i + 1));
      subnets.add(s);
    }
    m.add("subnets", subnets);
    m.addProperty("supernet", 2);
    JsonObject p = new JsonObject();
    p.addProperty("file", "parity.json");
    p.addProperty("max_abs_error", 1e-4);
    m.add("parity", p);
    return m;
  }

  /**
   * Writes {@link #valid} after {@code edit} plus a placeholder file per subnet into {@code dir}.
   */
  public static Path write(Path dir, String name, Consumer<JsonObject> edit) throws IOException {
    JsonObject m = valid(name);
    edit.accept(m);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("manifest.json"), new Gson().toJson(m));
    for (int i = 0; i < 3; i++) {
      Files.writeString(dir.resolve("subnet-" + i + ".onnx"), "placeholder");
    }
    return dir;
  }

  static JsonArray array(double... values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }

  private static JsonObject tensor(String name) {
    JsonObject t = new JsonObject();
    t.addProperty("name", name);
    t.addProperty("layout", "NCHW");
    t.addProperty("dtype", "float32");
    return t;
  }
}
