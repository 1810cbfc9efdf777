package dev.wbsr.cli;

import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.image.ImageFormat;
import dev.wbsr.job.EngineUpscaler;
import dev.wbsr.job.FileJob;
import dev.wbsr.job.FileResult;
import dev.wbsr.job.JobListener;
import dev.wbsr.job.JobSummary;
import dev.wbsr.job.ModelRef;
import dev.wbsr.job.OutputPolicy;
import dev.wbsr.job.UpscaleRequest;
import dev.wbsr.job.UpscaleRunner;
import dev.wbsr.job.WhenExists;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.timing.SubnetTimesCache;
import dev.wbsr.timing.TimeCosts;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "upscale",
    mixinStandardHelpOptions = true,
    description = {
      "Upscale image files and folders.",
      "Folders are mirrored under the output folder; existing files are never overwritten unless"
          + " --overwrite is",
      "given; every file is written atomically; a file that fails is reported and skipped, the rest"
          + " go on."
    })
final class UpscaleCommand implements Callable<Integer> {

  @Mixin EngineMixin engine;
  @Mixin ModeMixin mode;
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "upscaled",
      description = "Output folder. Default: ${DEFAULT-VALUE}.")
  Path outDir;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "png",
      description =
          "png, jpg, webp or tif (EXIF and ICC profile carried where the format allows; webp"
              + " carries none). Default:"
              + " ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--quality",
      paramLabel = "Q",
      defaultValue = "92",
      description =
          "JPEG and WebP quality 1..100 (WebP: 100 is lossless). Default:" + " ${DEFAULT-VALUE}.")
  int quality;

  @Option(
      names = {"-r", "--recursive"},
      description = "Descend into subfolders of folder inputs.")
  boolean recursive;

  @Option(
      names = "--skip-existing",
      description = "Skip inputs whose output exists (instead of failing them).")
  boolean skipExisting;

  @Option(names = "--overwrite", description = "Replace existing outputs.")
  boolean overwrite;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Image files or folders.")
  List<Path> inputs;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImageFormat outFormat;
    try {
      outFormat = ImageFormat.parseWritable(format);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
    if (overwrite && skipExisting) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--overwrite and --skip-existing exclude each other");
    }
    if (quality < 1 || quality > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--quality must be 1..100");
    }
    mode.validate(spec.commandLine());
    ModelBundle bundle = engine.bundle();
    RoutingPolicy policy = mode.policy(spec.commandLine(), bundle);
    WhenExists whenExists =
        overwrite ? WhenExists.OVERWRITE : skipExisting ? WhenExists.SKIP : WhenExists.FAIL;
    UpscaleRequest request =
        new UpscaleRequest(
            inputs,
            recursive,
            ModelRef.of(bundle),
            policy,
            OutputPolicy.of(outDir, outFormat).withJpegQuality(quality).withWhenExists(whenExists));
    UpscaleRunner runner;
    List<FileJob> jobs;
    PipelineOptions options = engine.pipeline();
    try (OnnxEngine onnx = engine.engine(bundle)) {
      RoutingPolicy routed =
          mode.routed(
              spec.commandLine(),
              bundle,
              p -> TimeCosts.byTime(p, bundle, onnx, options, SubnetTimesCache.standard()));
      runner =
          new UpscaleRunner(
              request, new EngineUpscaler(bundle.manifest(), onnx, a -> routed, options));
      try {
        jobs = runner.plan();
      } catch (NoSuchFileException e) {
        err.println("error: " + e.getReason() + ": " + e.getFile());
        return 1;
      }
      if (jobs.isEmpty()) {
        err.println("error: no images found in " + inputs);
        return 1;
      }
      out.println(
          Units.f(
              "Model %s (x%d), mode %s, device %s; %d image(s) -> %s",
              bundle.name(),
              bundle.manifest().scale(),
              routed.label(),
              onnx.device(),
              jobs.size(),
              outDir));
      ProgressBar bar = ProgressBar.forTerminal();
      JobSummary summary = runner.run(new Lines(out, err, bar), () -> false);
      bar.clear();
      for (FileResult f : summary.failures()) {
        err.println("failed  " + f.input() + ": " + f.reason());
      }
      hints(summary, err);
      out.println(
          Units.f(
              "Done: %d upscaled, %d skipped, %d failed.",
              summary.written(), summary.skipped(), summary.failures().size()));
      return summary.failures().isEmpty() ? 0 : 1;
    }
  }

  /** What to do about the failures the user can fix with an option, said once. */
  private static void hints(JobSummary summary, PrintWriter err) {
    Set<FileResult.Cause> causes = EnumSet.noneOf(FileResult.Cause.class);
    summary.failures().forEach(f -> causes.add(f.cause()));
    if (causes.contains(FileResult.Cause.OUTPUT_EXISTS)) {
      err.println(
          "Outputs exist: choose another output folder with -o, or add --skip-existing or"
              + " --overwrite.");
    }
    if (causes.contains(FileResult.Cause.OUTPUT_IS_INPUT)) {
      err.println("Inputs are never written over, not even with --overwrite: use -o DIR.");
    }
  }

  /** One line per finished file, its warnings on stderr; the progress bar while one runs. */
  private record Lines(PrintWriter out, PrintWriter err, ProgressBar bar) implements JobListener {
    @Override
    public void onProgress(int index, int files, Path input, double fraction) {
      bar.update((index + fraction) / files, input.getFileName().toString());
    }

    @Override
    public void onResult(int index, FileResult r) {
      bar.clear();
      if (r.ok()) {
        out.println(
            Units.f(
                "ok  %s -> %s  %dx%d -> %dx%d  %.1f%% of supernet FLOPs  %.2f s",
                r.input(),
                r.output(),
                r.inWidth(),
                r.inHeight(),
                r.outWidth(),
                r.outHeight(),
                100 * r.flopsRatio(),
                r.seconds()));
        Warnings.print(err, r.input(), r.warnings());
      } else if (r.status() == FileResult.Status.SKIPPED) {
        out.println("skip  " + r.input() + ": " + r.reason());
      }
    }
  }
}
