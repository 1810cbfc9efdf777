package dev.wbsr.cli;

import com.google.gson.GsonBuilder;
import dev.wbsr.bench.Bench;
import dev.wbsr.bench.BenchMode;
import dev.wbsr.bench.BenchResult;
import dev.wbsr.bench.CallSweep;
import dev.wbsr.bench.LoadAverage;
import dev.wbsr.bench.MarginSweep;
import dev.wbsr.bench.OtherCpu;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.RgbImage;
import dev.wbsr.job.FileLoop;
import dev.wbsr.job.InputScan;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Budget;
import dev.wbsr.pipeline.RoutingCost;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.SubnetOrder;
import dev.wbsr.report.Evaluation;
import dev.wbsr.timing.SubnetTimes;
import dev.wbsr.timing.SubnetTimesCache;
import dev.wbsr.timing.TimeCosts;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure speed: whole-image supernet vs patch pipeline vs WBSR vs bicubic.",
      "Median wall time, output megapixels per second, FLOPs ratio vs wall-time ratio and peak"
          + " heap, printed as a",
      "table and as JSON."
    })
final class BenchCommand implements Callable<Integer> {

  @Mixin EngineMixin engine;
  @Spec CommandSpec spec;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "5",
      description = "Timed runs per mode, after one warm-up. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(
      names = "--budget",
      paramLabel = "B",
      description = "Time WBSR with this budget instead of the paper rule.")
  Double budget;

  @Option(
      names = "--cost",
      paramLabel = "flops|time",
      defaultValue = "flops",
      description =
          "What --budget counts: flops (paper) or time (each subnet measured on this machine, cached"
              + " per machine and bundle). Default: ${DEFAULT-VALUE}.")
  String cost;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the JSON here (it is always printed).")
  Path json;

  @Option(
      names = "--margins",
      paramLabel = "M,...",
      split = ",",
      description =
          "Instead of timing: for each margin, the seams: supernet tiles vs the whole-image"
              + " supernet, and WBSR vs its ideal composite of whole-image outputs.")
  int[] margins;

  @Option(
      names = "--tile-side",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "With --margins: tile side in patches (1 = every patch alone, the worst case). Default:"
              + " ${DEFAULT-VALUE}.")
  int tileSide;

  @Option(
      names = "--wbsr-tile-side",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "With --margins: longest tile side of the WBSR run in patches (8 = the pipeline's"
              + " default; 1 = every patch alone). Default: ${DEFAULT-VALUE}.")
  int wbsrTileSide;

  @Option(
      names = "--from-hr",
      description =
          "Inputs are high-resolution references (a validation set): downscale each by the"
              + " model's scale first (bicubic, as eval does) and bench on that.")
  boolean fromHr;

  @Option(
      names = "--subnets",
      description =
          "Time every subnet on its own (patch pipeline) instead of the four modes: FLOPs vs time"
              + " per subnet.")
  boolean subnets;

  @Option(
      names = "--calls",
      description =
          "Instead of timing images: GFLOP/s of single calls per subnet and call shape (one thread,"
              + " thread CPU time), to see per-call cost and which widths run fast. No INPUT needed.")
  boolean calls;

  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description = "Image files or folders (not recursive).")
  List<Path> inputs;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ModelBundle bundle = engine.bundle();
    if (calls) {
      return callSweep(out, bundle);
    }
    if (bundle.manifest().testFixture()) {
      spec.commandLine()
          .getErr()
          .println(
              "warning: "
                  + bundle.name()
                  + " is a test fixture; its timings say nothing about a real model");
    }
    if (inputs == null || inputs.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give at least one INPUT image or folder (or use --calls)");
    }
    if (!"flops".equals(cost) && !("time".equals(cost) && budget != null)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--cost must be flops, or time together with --budget");
    }
    RoutingPolicy wbsr = new RoutingPolicy.Wbsr(Budget.of(budget));
    List<Map<String, Object>> images = new ArrayList<>();
    Map<String, Object> report = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    List<List<MarginSweep.Row>> sweeps = new ArrayList<>();
    LoadAverage loadStart = LoadAverage.now();
    OtherCpu.Since othersStart = OtherCpu.take();
    try (OnnxEngine onnx = engine.engine(bundle);
        OnnxEngine whole =
            OnnxEngine.open(bundle, EngineOptions.singleCall(engine.deviceChoice()))) {
      Bench bench = new Bench(bundle.manifest(), onnx, whole, engine.pipeline(), runs);
      List<BenchMode> modes =
          subnets ? subnetModes(bundle) : Bench.standardModes(wbsrMode(wbsr, bundle, onnx, report));
      report.put("model", bundle.name());
      report.put("scale", bundle.manifest().scale());
      report.put("device", onnx.device());
      report.put("cores", Runtime.getRuntime().availableProcessors());
      report.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
      report.put("runs", runs);
      report.put("margin", engine.margin == null ? "default" : engine.margin);
      report.put("workers", engine.pipeline().workers());
      report.put("threads_per_call", engine.threads == null ? 1 : engine.threads);
      List<Path> files = InputScan.images(inputs);
      ImageLoader loader = new ImageLoader();
      FileLoop.run(
          files,
          p -> p,
          () -> false,
          (index, item) -> {
            RgbImage loaded = loader.load(item).rgb();
            RgbImage lr =
                fromHr
                    ? Evaluation.Sample.of(item.toString(), loaded, bundle.manifest().scale()).lr()
                    : loaded;
            out.println(
                Units.f(
                    "%s  %dx%d -> %dx%d  model %s  device %s%s",
                    item,
                    lr.width(),
                    lr.height(),
                    lr.width() * bundle.manifest().scale(),
                    lr.height() * bundle.manifest().scale(),
                    bundle.name(),
                    onnx.device(),
                    margins != null ? "" : Units.f("  median of %d runs", runs)));
            if (margins != null) {
              images.add(
                  MarginTable.sweep(
                      out, item, lr, bundle, onnx, margins, tileSide, wbsrTileSide, sweeps));
              return;
            }
            LoadAverage before = LoadAverage.now();
            OtherCpu.Since othersBefore = OtherCpu.take();
            List<BenchResult> results = bench.run(lr, modes);
            OtherCpu others = othersBefore.now();
            LoadAverage after = LoadAverage.now();
            printTable(out, results);
            out.println(loadLine(before, after, engine.pipeline().workers(), others));
            Map<String, Object> img = imageJson(item, lr, results);
            img.put("load_average_start", loadJson(before));
            img.put("load_average_end", loadJson(after));
            img.put("other_processes_cores", others.cores());
            images.add(img);
          },
          (index, item, reason) -> failures.add(item + ": " + reason));
      failures.forEach(f -> spec.commandLine().getErr().println("failed  " + f));
    }
    OtherCpu othersAll = othersStart.now();
    LoadAverage loadEnd = LoadAverage.now();
    if (margins != null) {
      report.put("margin_summary", MarginTable.summary(out, sweeps));
      out.println(loadLine(loadStart, loadEnd, engine.pipeline().workers(), othersAll));
    }
    report.put("load_average_start", loadJson(loadStart));
    report.put("load_average_end", loadJson(loadEnd));
    report.put("other_processes_cores", othersAll.cores());
    report.put(
        "idle", LoadAverage.idle(loadStart, loadEnd, engine.pipeline().workers(), othersAll));
    report.put("images", images);
    String text = toJson(report);
    out.println(text);
    if (json != null) {
      Files.writeString(json, text + "\n", StandardCharsets.UTF_8);
    }
    return failures.isEmpty() ? 0 : 1;
  }

  /**
   * WBSR as asked: the policy, or with {@code --cost time} the same budget over measured time (its
   * front and budget by this machine's subnet times, which go into the JSON with the time front).
   */
  private BenchMode wbsrMode(
      RoutingPolicy wbsr, ModelBundle bundle, OnnxEngine onnx, Map<String, Object> report) {
    if (!"time".equals(cost)) {
      return new BenchMode(wbsr.label(), wbsr);
    }
    SubnetTimes times = TimeCosts.of(bundle, onnx, engine.pipeline(), SubnetTimesCache.standard());
    report.put("subnet_seconds_per_patch", times.secondsPerPatch());
    RoutingCost.Time byTime = times.routingCost();
    report.put("front_by_time", byTime.members(bundle.manifest(), SubnetOrder.PARETO));
    report.put("front_by_flops", RoutingCost.FLOPS.members(bundle.manifest(), SubnetOrder.PARETO));
    return new BenchMode(
        Units.f("wbsr (time %.2f)", budget), ((RoutingPolicy.Wbsr) wbsr).withCost(byTime));
  }

  /** The report as pretty JSON; NaN stays NaN (an unknown load figure off Linux). */
  private static String toJson(Map<String, Object> report) {
    return new GsonBuilder()
        .setPrettyPrinting()
        .serializeSpecialFloatingPointValues()
        .create()
        .toJson(report);
  }

  /**
   * One line under each table: the load average before and after, the cores other processes kept
   * busy meanwhile, and whether that is idle.
   */
  static String loadLine(LoadAverage start, LoadAverage end, int ownThreads, OtherCpu others) {
    return Units.f(
        "  load average (1/5/15 min): %s at start, %s at end; other processes: %s cores: %s",
        start,
        end,
        others,
        LoadAverage.idle(start, end, ownThreads, others)
            ? "idle machine"
            : "machine NOT idle, compare ratios within this run only");
  }

  private static Map<String, Object> loadJson(LoadAverage l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("1min", l.one());
    m.put("5min", l.five());
    m.put("15min", l.fifteen());
    return m;
  }

  private int callSweep(PrintWriter out, ModelBundle bundle) throws java.io.IOException {
    List<CallSweep.Shape> shapes = CallSweep.defaultShapes();
    LoadAverage start = LoadAverage.now();
    OtherCpu.Since othersStart = OtherCpu.take();
    List<CallSweep.Row> rows;
    try (OnnxEngine one = OnnxEngine.open(bundle, new EngineOptions(engine.deviceChoice(), 1, 1))) {
      rows = CallSweep.run(bundle.manifest(), one, shapes, Math.max(0.2, 0.1 * runs));
    }
    OtherCpu others = othersStart.now();
    LoadAverage end = LoadAverage.now();
    out.println(
        Units.f(
            "%s  single calls, one thread: executed GFLOPs per CPU second (call shape = tiles x"
                + " side in LR px)",
            bundle.name()));
    StringBuilder head = new StringBuilder(Units.f("  %-12s %5s %5s", "subnet", "width", "depth"));
    for (CallSweep.Shape s : shapes) {
      head.append(Units.f(" %9s", s.label()));
    }
    head.append(Units.f(" %10s %12s", "best/super", "us/1x34 call"));
    out.println(head);
    double superBest = max(rows.get(bundle.manifest().supernet()).gflopsPerCpuSecond());
    List<Map<String, Object>> rowsJson = new ArrayList<>();
    for (CallSweep.Row r : rows) {
      StringBuilder line =
          new StringBuilder(Units.f("  %-12s %5d %5d", r.name(), r.width(), r.depth()));
      for (double g : r.gflopsPerCpuSecond()) {
        line.append(Units.f(" %9.1f", g));
      }
      line.append(
          Units.f(" %10.2f %12.0f", max(r.gflopsPerCpuSecond()) / superBest, r.microsPerCall()[0]));
      out.println(line);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("subnet", r.name());
      m.put("width", r.width());
      m.put("depth", r.depth());
      Map<String, Object> rates = new LinkedHashMap<>();
      Map<String, Object> micros = new LinkedHashMap<>();
      for (int i = 0; i < shapes.size(); i++) {
        rates.put(shapes.get(i).label(), r.gflopsPerCpuSecond()[i]);
        micros.put(shapes.get(i).label(), r.microsPerCall()[i]);
      }
      m.put("gflops_per_cpu_s", rates);
      m.put("cpu_us_per_call", micros);
      rowsJson.add(m);
    }
    out.println(loadLine(start, end, 1, others));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("model", bundle.name());
    report.put("load_average_start", loadJson(start));
    report.put("load_average_end", loadJson(end));
    report.put("other_processes_cores", others.cores());
    report.put("idle", LoadAverage.idle(start, end, 1, others));
    report.put("calls", rowsJson);
    String text = toJson(report);
    out.println(text);
    if (json != null) {
      Files.writeString(json, text + "\n", StandardCharsets.UTF_8);
    }
    return 0;
  }

  private static double max(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static List<BenchMode> subnetModes(ModelBundle bundle) {
    List<BenchMode> modes = new ArrayList<>();
    modes.add(new BenchMode("supernet-whole", null));
    modes.add(new BenchMode("supernet-patches", new RoutingPolicy.Supernet()));
    for (var s : bundle.manifest().subnets()) {
      modes.add(
          new BenchMode("subnet:" + s.id() + " " + s.name(), new RoutingPolicy.Subnet(s.id())));
    }
    return modes;
  }

  private static void printTable(PrintWriter out, List<BenchResult> results) {
    BenchResult whole = results.get(0);
    BenchResult patches = results.get(1);
    out.println(
        Units.f(
            "  %-18s %9s %7s %7s %8s %10s %7s %7s %10s %10s %9s %9s",
            "mode",
            "median s",
            "CPU s",
            "MP/s",
            "GFLOPs",
            "exec GFLOPs",
            "FLOPs",
            "exec",
            "time/whole",
            "time/patch",
            "CPU/whole",
            "heap MB"));
    for (BenchResult r : results) {
      if (r.error() != null) {
        out.println(Units.f("  %-18s %s", r.mode(), r.error()));
        continue;
      }
      out.println(
          Units.f(
              "  %-18s %9.3f %7.2f %7.2f %8.2f %10.2f %7.3f %7.3f %10.3f %10.3f %9.3f %9.0f",
              r.mode(),
              r.medianSeconds(),
              r.medianCpuSeconds(),
              r.outputMegapixelsPerSecond(),
              r.gflops(),
              r.gflopsExecuted(),
              r.flopsRatio(),
              r.executedFlopsRatio(),
              r.medianSeconds() / whole.medianSeconds(),
              r.medianSeconds() / patches.medianSeconds(),
              r.medianCpuSeconds() / whole.medianCpuSeconds(),
              r.peakHeapMb()));
    }
  }

  private static Map<String, Object> imageJson(Path item, RgbImage lr, List<BenchResult> results) {
    BenchResult whole = results.get(0);
    BenchResult patches = results.get(1);
    Map<String, Object> img = new LinkedHashMap<>();
    img.put("name", item.getFileName().toString());
    img.put("width", lr.width());
    img.put("height", lr.height());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BenchResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mode", r.mode());
      m.put("seconds_median", r.medianSeconds());
      m.put("seconds", r.seconds());
      m.put("cpu_seconds_median", r.medianCpuSeconds());
      m.put("cpu_ratio_whole", r.medianCpuSeconds() / whole.medianCpuSeconds());
      m.put("output_mpix_per_s", r.outputMegapixelsPerSecond());
      m.put("gflops", r.gflops());
      m.put("gflops_executed", r.gflopsExecuted());
      m.put("gflops_supernet", r.gflopsSupernet());
      m.put("flops_ratio", r.flopsRatio());
      m.put("flops_ratio_executed", r.executedFlopsRatio());
      m.put("time_ratio_whole", r.medianSeconds() / whole.medianSeconds());
      m.put("time_ratio_patches", r.medianSeconds() / patches.medianSeconds());
      m.put("peak_heap_mb", r.peakHeapMb());
      if (r.error() != null) {
        m.put("error", r.error());
      }
      rows.add(m);
    }
    img.put("modes", rows);
    return img;
  }
}
