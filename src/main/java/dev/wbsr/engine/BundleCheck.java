package dev.wbsr.engine;

import dev.wbsr.model.BundleException;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.model.SubnetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Checks a bundle's networks against its manifest by running them, so that a wrong bundle fails at
 * load with a sentence instead of in the middle of an image (or, before issue 14, with a JVM
 * crash). {@link #probe} is the quick check every command runs: the supernet (and a ClassSR
 * classifier) on one small input. {@link #full} is {@code wbsr info --check}: every network, plus
 * its FLOPs read from the ONNX graph against the manifest's.
 */
public final class BundleCheck {

  /** Probe input: small, not square, not a multiple of 8, so swapped or rounded sizes show. */
  static final int PROBE_H = 12;

  static final int PROBE_W = 20;

  /** FLOPs from the ONNX graph may differ from the manifest's by rounding only. */
  static final double FLOPS_TOLERANCE = 0.02;

  /** One network's result: {@code problem} empty when it passed. */
  public record Line(String network, String file, String problem, OptionalDouble onnxFlops) {
    public boolean ok() {
      return problem.isEmpty();
    }
  }

  /** The outcome of {@link #full}: one line per network. */
  public record Report(String bundle, List<Line> lines) {
    public Report {
      lines = List.copyOf(lines);
    }

    public boolean ok() {
      return lines.stream().allMatch(Line::ok);
    }

    public List<String> problems() {
      return lines.stream().filter(l -> !l.ok()).map(Line::problem).toList();
    }
  }

  private BundleCheck() {}

  /**
   * Runs the supernet, and a ClassSR bundle's classifier, once on a small input; throws a {@link
   * BundleException} with one sentence if a network cannot be loaded, returns the wrong size, or
   * returns non-finite values.
   */
  public static void probe(ModelBundle bundle, SrEngine engine) {
    Manifest m = bundle.manifest();
    String problem = subnetProblem(bundle, engine, m.supernet());
    if (problem.isEmpty() && m.classsr().isPresent()) {
      problem = classifierProblem(bundle, engine);
    }
    if (!problem.isEmpty()) {
      throw new BundleException(problem);
    }
  }

  /**
   * {@link #full(ModelBundle, SrEngine)} on an engine of its own (CPU, one thread, closed before
   * returning), for the app's bundle open: call it off the FX thread (in the Task that loads the
   * bundle) and show {@link Report#problems()} if {@link Report#ok()} is false. Never throws for a
   * broken bundle: networks that cannot even be opened are one line of the report.
   */
  public static Report full(ModelBundle bundle) {
    try (OnnxEngine e = OnnxEngine.open(bundle, new EngineOptions(DeviceChoice.CPU, 1, 1))) {
      return full(bundle, e);
    } catch (RuntimeException ex) {
      return new Report(
          bundle.name(),
          List.of(
              new Line(
                  "networks",
                  "",
                  bundle.name()
                      + ": its networks cannot be loaded ("
                      + plain(ex)
                      + "); export the bundle again",
                  OptionalDouble.empty())));
    }
  }

  /** Loads and probes every network, and compares each subnet's graph FLOPs with the manifest. */
  public static Report full(ModelBundle bundle, SrEngine engine) {
    Manifest m = bundle.manifest();
    List<Line> lines = new ArrayList<>();
    for (SubnetSpec s : m.subnets()) {
      String problem = subnetProblem(bundle, engine, s.id());
      OptionalDouble flops = OptionalDouble.empty();
      if (problem.isEmpty()) {
        try {
          flops = OptionalDouble.of(OnnxFlops.perPatch(bundle.subnetFile(s.id()), m.patchSize()));
          double rel = Math.abs(flops.getAsDouble() - s.flopsPerPatch()) / s.flopsPerPatch();
          if (rel > FLOPS_TOLERANCE) {
            problem =
                String.format(
                    Locale.ROOT,
                    "%s: subnet %s (%s) computes %.4f GFLOPs per patch, the manifest says %.4f;"
                        + " the file is not the network the manifest describes",
                    bundle.name(),
                    s.label(),
                    s.file(),
                    flops.getAsDouble() / 1e9,
                    s.flopsPerPatch() / 1e9);
          }
        } catch (OnnxFlops.UnknownGraph e) {
          // FLOPs are counted for the plain conv networks WBSR exports; others are not compared.
        }
      }
      lines.add(new Line("subnet " + s.label(), s.file(), problem, flops));
    }
    m.classsr()
        .ifPresent(
            c ->
                lines.add(
                    new Line(
                        "classifier",
                        c.classifierFile(),
                        classifierProblem(bundle, engine),
                        OptionalDouble.empty())));
    return new Report(bundle.name(), lines);
  }

  private static String subnetProblem(ModelBundle bundle, SrEngine engine, int subnet) {
    Manifest m = bundle.manifest();
    SubnetSpec spec = m.subnets().get(subnet);
    String who = bundle.name() + ": subnet " + spec.label() + " (" + spec.file() + ")";
    Nchw out;
    try {
      out = engine.run(subnet, probeInput(1, PROBE_H, PROBE_W));
    } catch (RuntimeException e) {
      return who
          + " cannot be run ("
          + plain(e)
          + "); the file is damaged or not an ONNX"
          + " network, export the bundle again";
    }
    int s = m.scale();
    if (out.n() != 1 || out.c() != 3 || out.h() != PROBE_H * s || out.w() != PROBE_W * s) {
      String actual =
          out.h() % PROBE_H == 0 && out.w() % PROBE_W == 0 && out.h() / PROBE_H == out.w() / PROBE_W
              ? ", i.e. x" + out.h() / PROBE_H
              : "";
      return String.format(
          Locale.ROOT,
          "%s returns [%d,%d,%d,%d] for a [1,3,%d,%d] input%s, but the manifest says x%d:"
              + " the networks do not match the manifest",
          who,
          out.n(),
          out.c(),
          out.h(),
          out.w(),
          PROBE_H,
          PROBE_W,
          actual,
          s);
    }
    for (float v : out.data()) {
      if (!Float.isFinite(v)) {
        return who + " returns NaN or infinite values; its weights are damaged";
      }
    }
    return "";
  }

  private static String classifierProblem(ModelBundle bundle, SrEngine engine) {
    Manifest m = bundle.manifest();
    String file = m.classsr().orElseThrow().classifierFile();
    String who = bundle.name() + ": classifier (" + file + ")";
    int p = m.patchSize();
    int branches = m.subnets().size();
    float[] logits;
    try {
      logits = engine.classify(probeInput(2, p, p));
    } catch (RuntimeException e) {
      return who
          + " cannot be run ("
          + plain(e)
          + "); the file is damaged or not an ONNX"
          + " network, export the bundle again";
    }
    if (logits.length != 2 * branches) {
      return String.format(
          Locale.ROOT,
          "%s returns %d values for 2 patches, expected %d (one score per branch for each of"
              + " %d branches): it is not this bundle's classifier",
          who,
          logits.length,
          2 * branches,
          branches);
    }
    for (float v : logits) {
      if (!Float.isFinite(v)) {
        return who + " returns NaN or infinite scores; its weights are damaged";
      }
    }
    return "";
  }

  /** A smooth ramp with some texture, in [0, 1]. */
  static Nchw probeInput(int n, int h, int w) {
    float[] data = new float[n * 3 * h * w];
    for (int i = 0; i < data.length; i++) {
      int x = i % w;
      int y = (i / w) % h;
      data[i] = ((x * 7 + y * 13 + (i / (h * w)) * 29) % 64) / 63f;
    }
    return new Nchw(data, n, 3, h, w);
  }

  /** The innermost message, without Java class names. */
  static String plain(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? "no reason given" : t.getMessage();
    m = m.replaceAll("(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error)(?:: )?", "").strip();
    m = m.lines().findFirst().orElse(m);
    return m.length() > 200 ? m.substring(0, 197) + "..." : m;
  }
}
