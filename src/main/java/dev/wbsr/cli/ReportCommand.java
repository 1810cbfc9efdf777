package dev.wbsr.cli;

import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.report.BundleCatalog;
import dev.wbsr.report.ReadmeBlock;
import dev.wbsr.report.ReportData;
import dev.wbsr.report.ReportFiles;
import dev.wbsr.report.ReportOptions;
import dev.wbsr.report.ReportRunner;
import dev.wbsr.report.ValidationSets;
import dev.wbsr.report.Waifu2x;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate every shipped bundle and routing mode on Val-Photo, Val-Classic and Val-Large at",
      "x2 and x4, with waifu2x (CUNet) as an external row when installed,",
      "and write RESULTS.md with its plots: base, +ClassSR, +ARM, +WBSR, WBSR-dagger",
      "(Table 1), the x2 ablation (Table 2), PSNR-Y vs FLOPs sweeps, patch classes.",
      "Missing bundles leave their rows empty with the reason; rerun when they exist."
    })
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Folder with val-photo/, val-classic/ and val-large/ PNGs (written by `"
              + ValidationSets.WRITE_COMMAND
              + "`). Default: $WBSR_DATA/png/v1 or ~/.cache/wbsr/png/v1.")
  Path data;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description =
          "Look for the bundles (base-xN, wbsr-xN, classsr-xN, hes-x2, bd-x2) only in these"
              + " folders (repeatable). Default: $WBSR_MODELS, ./models, models/ beside the jar.")
  List<Path> models;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "docs",
      description = "Write DIR/RESULTS.md and DIR/results/*.png. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(
      names = "--sets",
      paramLabel = "SET",
      split = ",",
      description = "Sets to evaluate (default: val-photo,val-classic,val-large).")
  List<String> sets;

  @Option(
      names = "--scales",
      paramLabel = "S",
      split = ",",
      description = "Scales to evaluate (default: 2,4).")
  List<Integer> scales;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "0",
      description = "Only the first N images of each set (0 = all; the page says so).")
  int limit;

  @Option(
      names = "--budgets",
      paramLabel = "B",
      split = ",",
      description = "WBSR budget sweep (default: 0.10,0.15,...,1.00).")
  List<Double> budgets;

  @Option(
      names = "--etas",
      paramLabel = "ETA",
      split = ",",
      description = "ARM eta sweep (default: 2^(k/4) for k = -8..32, i.e. 0.25..256).")
  List<Double> etas;

  @Option(
      names = "--waifu2x",
      paramLabel = "DIR",
      description =
          "Folder with "
              + Waifu2x.BINARY
              + " and "
              + Waifu2x.MODELS
              + "/ for the external row (install: "
              + Waifu2x.INSTALL
              + "). Default: $"
              + Waifu2x.ENV
              + ", else $WBSR_DATA/waifu2x, else ~/.cache/wbsr/waifu2x. Not installed: the row"
              + " says so and the report is still written.")
  Path waifu2x;

  @Option(
      names = "--waifu2x-exe",
      paramLabel = "FILE",
      description =
          "Run this executable in place of "
              + Waifu2x.BINARY
              + " (same command line, the --waifu2x folder's models), e.g. training/tools/"
              + Waifu2x.TORCH
              + ", waifu2x CUNet in PyTorch on the CPU; the row's label names what ran. Default: $"
              + Waifu2x.EXE_ENV
              + ", else the binary.")
  Path waifu2xExe;

  @Option(
      names = "--readme",
      paramLabel = "FILE",
      description =
          "Also rewrite the results block of this README (between the markers "
              + ReadmeBlock.BEGIN
              + " and "
              + ReadmeBlock.END
              + ") with the headline, linking RESULTS.md.")
  Path readme;

  @Option(
      names = "--no-timing",
      description =
          "Do not measure wall time: no warm-up, no time column, so two runs write identical"
              + " files.")
  boolean noTiming;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      defaultValue = "auto",
      description =
          "auto, cpu or gpu (CUDA; falls back to CPU with a warning). Default: ${DEFAULT-VALUE}.")
  String device;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Inference calls running side by side (default: one per core).")
  Integer workers;

  @Option(
      names = "--margin",
      paramLabel = "PX",
      description =
          "LR context pixels around each tile (default: "
              + ReportOptions.MARGIN
              + ", where routed results equal whole-image inference; the app uses "
              + PipelineOptions.DEFAULT_MARGIN
              + ").")
  Integer margin;

  @Override
  public Integer call() throws Exception {
    PrintWriter log = spec.commandLine().getOut();
    ReportOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (readme != null && !ReadmeBlock.hasMarkers(readme)) {
      spec.commandLine()
          .getErr()
          .println(
              "error: --readme "
                  + readme
                  + " is not a file with the lines "
                  + ReadmeBlock.BEGIN
                  + " and "
                  + ReadmeBlock.END);
      return 1;
    }
    List<Path> roots =
        models == null || models.isEmpty()
            ? BundleLocator.defaultRoots()
            : models.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    DeviceChoice choice = DeviceChoice.parse(device);
    int predictors = options.pipeline().workers();
    ReportRunner runner =
        new ReportRunner(
            options,
            BundleCatalog.of(new BundleLocator(roots)),
            bundle -> {
              OnnxEngine e = OnnxEngine.open(bundle, new EngineOptions(choice, 1, predictors));
              e.loadAll();
              return e;
            },
            log);
    ReportData data;
    try {
      data = runner.run();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
    Path file = ReportFiles.write(data, out, commandText());
    if (readme != null) {
      Path base = readme.toAbsolutePath().getParent();
      String link = base.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
      if (ReadmeBlock.update(readme, ReadmeBlock.content(data, link))) {
        log.println("Updated the results block of " + readme);
      } else {
        spec.commandLine()
            .getErr()
            .println("error: " + readme + " has no " + ReadmeBlock.BEGIN + " marker; not changed");
        return 1;
      }
    }
    long missing =
        data.scales().stream()
            .flatMap(s -> s.bundles().stream().map(b -> s.problem(b.role())))
            .filter(p -> !p.isEmpty())
            .count();
    long failed = data.scales().stream().mapToLong(s -> s.failures().size()).sum();
    log.println(
        "Wrote "
            + file
            + (missing == 0 ? "" : " (incomplete: " + missing + " bundle(s) missing or failed)"));
    return failed == 0 ? 0 : 1;
  }

  private ReportOptions options() {
    ReportOptions o =
        ReportOptions.defaults(data == null ? ValidationSets.defaultDir() : data)
            .withLimit(limit)
            .withTiming(!noTiming);
    if (sets != null && !sets.isEmpty()) {
      o = o.withSets(sets);
    }
    if (scales != null && !scales.isEmpty()) {
      o = o.withScales(scales);
    }
    o = o.withSweeps(budgets == null ? o.budgets() : budgets, etas == null ? o.etas() : etas);
    PipelineOptions p = o.pipeline();
    if (workers != null) {
      p = p.withWorkers(workers);
    }
    if (margin != null) {
      p = p.withMargin(margin);
    }
    Path w2x =
        waifu2x != null
            ? waifu2x
            : Waifu2x.defaultDir(System.getenv(), System.getProperty("user.home"));
    java.util.Optional<Path> exe =
        waifu2xExe != null
            ? java.util.Optional.of(waifu2xExe)
            : Waifu2x.defaultExecutable(System.getenv());
    return o.withPipeline(p).withWaifu2x(java.util.Optional.of(w2x)).withWaifu2xExecutable(exe);
  }

  /** {@code wbsr report} and the arguments given, for the page. */
  private String commandText() {
    List<String> parts = new ArrayList<>(List.of("wbsr", "report"));
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    // picocli hands a subcommand the whole command line
    int from = args.indexOf("report") + 1;
    parts.addAll(args.subList(from, args.size()));
    return String.join(" ", parts);
  }
}
