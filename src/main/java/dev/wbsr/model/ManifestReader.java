package dev.wbsr.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Parses and checks {@code manifest.json}: every rule of {@code models/README.md} it can check. */
final class ManifestReader {

  private ManifestReader() {}

  static Manifest parse(String json, String source) {
    JsonObject root;
    try {
      root = JsonParser.parseString(json).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new BundleException(source + ": not valid JSON (" + plainJsonError(e) + ")", e);
    }
    JsonFields m = new JsonFields(root, "", source);
    checkFormat(m, source);

    String kindId = m.string("kind");
    Manifest.Kind kind =
        switch (kindId) {
          case "wbsr" -> Manifest.Kind.WBSR;
          case "classsr" -> Manifest.Kind.CLASSSR;
          default ->
              throw m.fail("kind", "unknown kind '" + kindId + "' (expected wbsr or classsr)");
        };
    int scale = m.integer("scale");
    if (scale < 2 || scale > 8) {
      throw m.fail("scale", "must be 2..8, got " + scale);
    }
    int patchSize = m.integer("patch_size");
    if (patchSize < 4) {
      throw m.fail("patch_size", "must be at least 4, got " + patchSize);
    }
    int receptiveField = m.integer("receptive_field");
    if (receptiveField < 0) {
      throw m.fail("receptive_field", "must not be negative");
    }
    checkTensor(m.object("input"), "lr");
    checkTensor(m.object("output"), "sr");

    ComplexitySpec complexity = complexity(m.object("complexity"));
    List<SubnetSpec> subnets = subnets(m);
    int supernet = m.integer("supernet");
    if (supernet < 0 || supernet >= subnets.size()) {
      throw m.fail("supernet", "index " + supernet + " outside 0.." + (subnets.size() - 1));
    }
    if (kind == Manifest.Kind.WBSR && supernet != subnets.size() - 1) {
      throw m.fail("supernet", "a wbsr bundle's supernet must be its last (most costly) subnet");
    }
    Optional<ArmTable> arm =
        m.has("arm") ? Optional.of(arm(m.object("arm"), subnets.size())) : Optional.empty();
    Optional<ClassSrSpec> classsr = Optional.empty();
    if (m.has("classsr")) {
      JsonFields c = m.object("classsr");
      classsr =
          Optional.of(
              new ClassSrSpec(c.string("classifier_file"), c.number("classifier_flops_per_patch")));
    } else if (kind == Manifest.Kind.CLASSSR) {
      throw m.fail("classsr", "missing (required for kind classsr)");
    }
    Optional<ParitySpec> parity = Optional.empty();
    if (m.has("parity")) {
      JsonFields p = m.object("parity");
      parity = Optional.of(new ParitySpec(p.string("file"), p.number("max_abs_error")));
    }
    return Manifest.builder(m.string("name"), kind)
        .testFixture(m.has("test_fixture") && m.bool("test_fixture"))
        .title(m.string("title", m.string("name")))
        .description(m.string("description", ""))
        .version(m.string("version", "0.0.0"))
        .license(m.string("license", "unknown"))
        .scale(scale)
        .patchSize(patchSize)
        .receptiveField(receptiveField)
        .complexity(complexity)
        .subnets(subnets)
        .supernet(supernet)
        .arm(arm)
        .classsr(classsr)
        .parity(parity)
        .training(m.flat("training"))
        .validation(m.flat("validation"))
        .provenance(m.flat("provenance"))
        .routing(routing(m, subnets))
        .trainingRun(ManifestNumbers.trainingRun(root))
        .validationScores(ManifestNumbers.validationScores(root, kind))
        .build();
  }

  /**
   * Format 2's {@code routing} object (and the {@code arm.calibration} it explains), if present.
   */
  private static Optional<RoutingSpec> routing(JsonFields m, List<SubnetSpec> subnets) {
    if (!m.has("routing")) {
      return Optional.empty();
    }
    JsonFields r = m.object("routing");
    List<Double> ids = r.numbers("front");
    if (ids.isEmpty()) {
      throw r.fail("front", "empty");
    }
    List<Integer> front = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      double v = ids.get(i);
      if (v != Math.rint(v) || v < 0 || v >= subnets.size()) {
        throw r.fail("front[" + i + "]", "not a subnet id 0.." + (subnets.size() - 1) + ": " + v);
      }
      if (i > 0 && v <= front.get(i - 1)) {
        throw r.fail("front", "ids must ascend (the front is sorted by cost, like the subnets)");
      }
      front.add((int) v);
    }
    JsonFields c = r.object("calibration");
    List<Double> psnr = c.numbers("psnr_y");
    if (psnr.size() != subnets.size()) {
      throw c.fail(
          "psnr_y", "expected " + subnets.size() + " values (one per subnet), got " + psnr.size());
    }
    RoutingSpec.Calibration calibration =
        new RoutingSpec.Calibration(
            c.string("set"),
            c.has("images") ? c.strings("images") : List.of(),
            c.has("bicubic_psnr_y") ? c.number("bicubic_psnr_y") : Double.NaN,
            psnr,
            routed(c, "pareto"),
            routed(c, "literal"));
    Optional<RoutingSpec.ArmCalibration> arm = Optional.empty();
    if (m.has("arm") && m.object("arm").has("calibration")) {
      JsonFields a = m.object("arm");
      JsonFields ac = a.object("calibration");
      double eta = ac.number("eta");
      if (!(eta > 0) || Double.isInfinite(eta)) {
        throw ac.fail("eta", "must be a positive number, got " + eta);
      }
      arm =
          Optional.of(
              new RoutingSpec.ArmCalibration(
                  a.string("built_on", calibration.set()),
                  eta,
                  ac.number("flops_target"),
                  ac.number("flops_ratio"),
                  ac.number("psnr_y")));
    }
    return Optional.of(new RoutingSpec(front, calibration, arm));
  }

  private static RoutingSpec.Routed routed(JsonFields c, String key) {
    if (!c.has(key)) {
      return new RoutingSpec.Routed(Double.NaN, Double.NaN);
    }
    JsonFields o = c.object(key);
    return new RoutingSpec.Routed(o.number("psnr_y"), o.number("flops_ratio"));
  }

  /** Gson's message without its exception class names and troubleshooting links. */
  static String plainJsonError(RuntimeException e) {
    if (e instanceof IllegalStateException) {
      return "the top level is not an object";
    }
    Throwable t = e.getCause() != null ? e.getCause() : e;
    String m = t.getMessage() == null ? "malformed" : t.getMessage();
    m = m.replaceAll("(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
    int see = m.indexOf("\nSee ");
    m = see >= 0 ? m.substring(0, see) : m;
    m = m.replaceAll("\\s*See https?://\\S+", "").strip();
    return m.length() > 160 ? m.substring(0, 157) + "..." : m;
  }

  private static void checkFormat(JsonFields m, String source) {
    String format = m.has("format") ? m.string("format") : "(none)";
    if (!Manifest.FORMAT.equals(format)) {
      throw new BundleException(
          source
              + ": format is '"
              + format
              + "', expected '"
              + Manifest.FORMAT
              + "': not a WBSR model bundle");
    }
    int version = m.integer("format_version");
    if (version > Manifest.FORMAT_VERSION) {
      throw new BundleException(
          source
              + ": bundle format version "
              + version
              + " is newer than this WBSR Studio reads ("
              + Manifest.FORMAT_VERSION
              + "); update WBSR Studio");
    }
    if (version < 1) {
      throw m.fail("format_version", "must be at least 1, got " + version);
    }
  }

  private static void checkTensor(JsonFields t, String expectedName) {
    String name = t.string("name");
    if (!expectedName.equals(name)) {
      throw t.fail("name", "expected '" + expectedName + "', got '" + name + "'");
    }
    if (t.has("layout") && !"NCHW".equals(t.string("layout"))) {
      throw t.fail("layout", "only NCHW is supported");
    }
    if (t.has("dtype") && !"float32".equals(t.string("dtype"))) {
      throw t.fail("dtype", "only float32 is supported");
    }
  }

  private static ComplexitySpec complexity(JsonFields c) {
    String score = c.string("score");
    if (!ComplexitySpec.SOBEL_SUM_V1.equals(score)) {
      throw c.fail(
          "score",
          "unsupported score '"
              + score
              + "' (this version knows "
              + ComplexitySpec.SOBEL_SUM_V1
              + ")");
    }
    int k = c.integer("num_classes");
    if (k < 1) {
      throw c.fail("num_classes", "must be at least 1");
    }
    List<Double> thresholds = c.numbers("thresholds");
    if (thresholds.size() != k - 1) {
      throw c.fail(
          "thresholds",
          "expected " + (k - 1) + " values for " + k + " classes, got " + thresholds.size());
    }
    for (int i = 0; i < thresholds.size(); i++) {
      if (!Double.isFinite(thresholds.get(i))) {
        throw c.fail("thresholds[" + i + "]", "not a finite number");
      }
      if (i > 0 && thresholds.get(i) < thresholds.get(i - 1)) {
        throw c.fail(
            "thresholds",
            "not ascending at index "
                + i
                + " ("
                + thresholds.get(i - 1)
                + " > "
                + thresholds.get(i)
                + ")");
      }
    }
    List<Double> fractions =
        c.has("train_class_fractions") ? c.numbers("train_class_fractions") : List.of();
    if (!fractions.isEmpty() && fractions.size() != k) {
      throw c.fail("train_class_fractions", "expected " + k + " values, got " + fractions.size());
    }
    return new ComplexitySpec(score, k, thresholds, fractions);
  }

  private static List<SubnetSpec> subnets(JsonFields m) {
    List<JsonFields> entries = m.objects("subnets");
    if (entries.isEmpty()) {
      throw m.fail("subnets", "empty");
    }
    List<SubnetSpec> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonFields s = entries.get(i);
      int id = s.integer("id");
      if (id != i) {
        throw s.fail("id", "expected " + i + " (subnets are listed in id order), got " + id);
      }
      double flops = s.number("flops_per_patch");
      if (!(flops > 0)) {
        throw s.fail("flops_per_patch", "must be positive");
      }
      if (i > 0 && flops < out.get(i - 1).flopsPerPatch()) {
        throw s.fail("flops_per_patch", "subnets must be sorted by cost, cheapest first");
      }
      String file = s.string("file");
      if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
        throw s.fail("file", "must be a plain file name inside the bundle, got '" + file + "'");
      }
      OptionalInt rf =
          s.has("receptive_field")
              ? OptionalInt.of(s.integer("receptive_field"))
              : OptionalInt.empty();
      out.add(
          new SubnetSpec(
              id,
              s.string("name", "subnet-" + id),
              s.has("width") ? s.integer("width") : 0,
              s.has("depth") ? s.integer("depth") : 0,
              file,
              flops,
              s.has("params") ? (long) s.number("params") : 0L,
              s.has("val_psnr_y") ? s.number("val_psnr_y") : Double.NaN,
              s.has("val_ssim_y") ? s.number("val_ssim_y") : Double.NaN,
              rf));
    }
    return out;
  }

  private static ArmTable arm(JsonFields a, int subnets) {
    String edgeScore = a.string("edge_score");
    if (!ArmTable.LAPLACIAN_MEAN_V1.equals(edgeScore)) {
      throw a.fail("edge_score", "unsupported edge score '" + edgeScore + "'");
    }
    List<Double> edges = a.numbers("bin_edges");
    List<List<Double>> psnr = a.numberRows("psnr_y");
    int bins = psnr.size();
    if (bins < 1 || edges.size() != bins + 1) {
      throw a.fail(
          "bin_edges",
          "expected " + (bins + 1) + " edges for " + bins + " bins, got " + edges.size());
    }
    for (int i = 1; i < edges.size(); i++) {
      if (edges.get(i) < edges.get(i - 1)) {
        throw a.fail("bin_edges", "not ascending at index " + i);
      }
    }
    for (int b = 0; b < bins; b++) {
      if (psnr.get(b).size() != subnets) {
        throw a.fail(
            "psnr_y[" + b + "]",
            "expected " + subnets + " values (one per subnet), got " + psnr.get(b).size());
      }
    }
    List<Integer> counts =
        a.has("counts") ? a.numbers("counts").stream().map(Double::intValue).toList() : List.of();
    List<Double> bicubic = a.has("bicubic_psnr_y") ? a.numbers("bicubic_psnr_y") : List.of();
    return new ArmTable(edgeScore, edges, psnr, counts, bicubic);
  }
}
