package dev.wbsr.cli;

import dev.wbsr.engine.BundleCheck;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.model.SubnetSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "List the model bundles found, and show one bundle's subnets, thresholds and the device.")
final class InfoCommand implements Callable<Integer> {

  @Mixin EngineMixin engine;
  @Spec CommandSpec spec;

  @Option(
      names = "--check",
      description =
          "Load every network of the bundle, run each once and compare its output size and FLOPs"
              + " with the manifest; exit 1 if anything is wrong.")
  boolean check;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    BundleLocator locator = engine.locator();
    List<BundleLocator.Entry> entries = locator.scan();
    out.println(
        "Model folders: "
            + (locator.roots().isEmpty()
                ? "(none found; expected models/)"
                : locator.roots().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining(", "))));
    if (entries.isEmpty()) {
      out.println("  (no model bundles there)");
    }
    for (BundleLocator.Entry e : entries) {
      if (e.bundle().isPresent()) {
        Manifest m = e.bundle().get().manifest();
        out.println(
            Units.f(
                "  %-16s x%d  %-7s  %d subnets  %s",
                m.name(), m.scale(), m.kind().id(), m.subnets().size(), e.dir()));
      } else {
        out.println(Units.f("  %-16s BROKEN: %s", e.name(), e.error().orElse("")));
      }
    }
    if (entries.stream().noneMatch(e -> e.bundle().isPresent()) && engine.model == null) {
      spec.commandLine()
          .getErr()
          .println("error: no usable model bundle; put one under models/ or pass -m FOLDER");
      return 1;
    }
    ModelBundle bundle = engine.bundle();
    describe(out, bundle);
    if (check) {
      return check(out, bundle);
    }
    try (OnnxEngine e = engine.engine(bundle)) {
      out.println("Device: " + e.device());
    }
    return 0;
  }

  /** {@code --check}: every network loaded and run once; not the load-time probe only. */
  private int check(PrintWriter out, ModelBundle bundle) {
    BundleCheck.Report report;
    String device;
    try (OnnxEngine e = engine.rawEngine(bundle)) {
      device = e.device();
      report = BundleCheck.full(bundle, e);
    }
    out.println("Device: " + device);
    out.println("Check:");
    for (BundleCheck.Line l : report.lines()) {
      String flops =
          l.onnxFlops().isPresent()
              ? Units.f("  %.4f GFLOPs/patch in the graph", l.onnxFlops().getAsDouble() / 1e9)
              : "";
      out.println(
          Units.f("  %-4s %-20s %s%s", l.ok() ? "ok" : "FAIL", l.network(), l.file(), flops));
    }
    if (!report.ok()) {
      PrintWriter err = spec.commandLine().getErr();
      report.problems().forEach(p -> err.println("error: " + p));
      return 1;
    }
    out.println("All " + report.lines().size() + " networks match the manifest.");
    return 0;
  }

  static void describe(PrintWriter out, ModelBundle bundle) {
    Manifest m = bundle.manifest();
    out.println();
    boolean saysFixture = m.title().toLowerCase(java.util.Locale.ROOT).contains("fixture");
    out.println(
        m.name()
            + ": "
            + m.title()
            + " (version "
            + m.version()
            + ", "
            + m.license()
            + ")"
            + (m.testFixture() && !saysFixture ? "  TEST FIXTURE: not a real model" : ""));
    if (!m.description().isBlank()) {
      out.println("  " + m.description());
    }
    out.println(
        Units.f(
            "  scale x%d, %dx%d patches, receptive field %d px, %d classes, kind %s",
            m.scale(),
            m.patchSize(),
            m.patchSize(),
            m.receptiveField(),
            m.numClasses(),
            m.kind().id()));
    out.println(
        "  thresholds: "
            + m.complexity().thresholds().stream()
                .map(t -> Units.f("%.2f", t))
                .collect(Collectors.joining(" ")));
    out.println(
        "  training: "
            + m.training().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
    out.println(
        Units.f(
            "  %-3s %-12s %5s %5s %12s %10s %10s",
            "id", "subnet", "width", "depth", "GFLOPs/patch", "params", "PSNR-Y"));
    for (SubnetSpec s : m.subnets()) {
      out.println(
          Units.f(
              "  %-3d %-12s %5d %5d %12.3f %10d %10s%s",
              s.id(),
              s.name(),
              s.width(),
              s.depth(),
              Units.giga(s.flopsPerPatch()),
              s.params(),
              Double.isNaN(s.valPsnrY()) ? "-" : Units.f("%.2f", s.valPsnrY()),
              s.id() == m.supernet() ? "  (supernet)" : ""));
    }
    out.println("  ARM table: " + m.arm().map(a -> a.bins() + " edge-score bins").orElse("none"));
  }
}
