package dev.wbsr.cli;

import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.timing.SubnetTimesCache;
import dev.wbsr.pipeline.RenderListener;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.Upscaler;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
          "png, jpg or tif (EXIF and ICC profile carried where the format allows). Default:"
              + " ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--quality",
      paramLabel = "Q",
      defaultValue = "92",
      description = "JPEG quality 1..100. Default: ${DEFAULT-VALUE}.")
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
    String ext = outFormat.extension();
    if (overwrite && skipExisting) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--overwrite and --skip-existing exclude each other");
    }
    if (quality < 1 || quality > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--quality must be 1..100");
    }
    SaveOptions save =
        SaveOptions.defaults()
            .withFormat(outFormat)
            .withJpegQuality(quality)
            .withOverwrite(overwrite);
    ImageLoader loader = new ImageLoader();
    mode.validate(spec.commandLine());
    List<InputFiles.Item> items = new ArrayList<>();
    for (Path in : inputs) {
      if (!Files.exists(in)) {
        err.println("error: no such file or folder: " + in);
        return 1;
      }
    }
    items.addAll(InputFiles.expand(inputs, outDir, ext, recursive));
    if (items.isEmpty()) {
      err.println("error: no images found in " + inputs);
      return 1;
    }
    ModelBundle bundle = engine.bundle();
    RoutingPolicy policy = mode.policy(spec.commandLine(), bundle);
    PipelineOptions options = engine.pipeline();
    int ok = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    Set<Path> written = new HashSet<>();
    ProgressBar bar = ProgressBar.forTerminal();
    try (OnnxEngine onnx = engine.engine(bundle)) {
      var router =
          mode.router(
              spec.commandLine(),
              bundle,
              () -> TimeCosts.of(bundle, onnx, options, SubnetTimesCache.standard()));
      out.println(
          Units.f(
              "Model %s (x%d), mode %s, device %s; %d image(s) -> %s",
              bundle.name(),
              bundle.manifest().scale(),
              mode.timeCost() ? policy.label() + " of measured time" : policy.label(),
              onnx.device(),
              items.size(),
              outDir));
      for (int i = 0; i < items.size(); i++) {
        InputFiles.Item item = items.get(i);
        Path target = item.output();
        if (!written.add(target.toAbsolutePath().normalize())) {
          failures.add(
              item.display()
                  + ": its output "
                  + target
                  + " is also the output of an earlier input");
          continue;
        }
        if (Files.exists(target) && !overwrite) {
          if (skipExisting) {
            skipped++;
            continue;
          }
          failures.add(
              item.display()
                  + ": output "
                  + target
                  + " exists (use --overwrite or --skip-existing)");
          continue;
        }
        int index = i;
        try {
          LoadedImage source = loader.load(item.input());
          RgbImage lr = source.rgb();
          RenderListener progress =
              new RenderListener() {
                @Override
                public void onProgress(int done, int total) {
                  bar.update(
                      (index + (double) done / Math.max(1, total)) / items.size(),
                      item.input().getFileName().toString());
                }
              };
          UpscaleResult r =
              Upscaler.upscale(lr, bundle.manifest(), onnx, router, options, progress);
          ImageSaver.save(Bicubic.attachAlpha(source, r.image()), target, save);
          bar.clear();
          out.println(
              Units.f(
                  "ok  %s -> %s  %dx%d -> %dx%d  %.1f%% of supernet FLOPs  %.2f s",
                  item.display(),
                  target,
                  lr.width(),
                  lr.height(),
                  r.image().width(),
                  r.image().height(),
                  100 * r.assignment().flopsRatio(),
                  r.seconds()));
          ok++;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw e;
        } catch (Exception | OutOfMemoryError e) {
          bar.clear();
          failures.add(item.display() + ": " + withoutFileName(message(e), item.input()));
        }
        bar.update((i + 1.0) / items.size(), "");
      }
    }
    bar.clear();
    for (String f : failures) {
      err.println("failed  " + f);
    }
    out.println(Units.f("Done: %d upscaled, %d skipped, %d failed.", ok, skipped, failures.size()));
    return failures.isEmpty() ? 0 : 1;
  }

  /** ImageException messages start with the file name; the summary already names the file. */
  private static String withoutFileName(String message, Path file) {
    String prefix = file.getFileName() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  static String message(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      return "out of memory (try a larger -Xmx)";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
