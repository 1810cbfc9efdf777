package dev.wbsr.cli;

import com.google.gson.GsonBuilder;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.job.FileLoop;
import dev.wbsr.job.InputScan;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.RenderListener;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.Upscaler;
import dev.wbsr.report.Evaluation;
import dev.wbsr.timing.SubnetTimesCache;
import dev.wbsr.timing.TimeCosts;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Score a model on ground-truth images: PSNR-Y, SSIM-Y, FLOPs, time.",
      "Each HR image is modcropped to a multiple of the scale, downscaled with MATLAB's bicubic"
          + " imresize to make",
      "the LR input, upscaled, and compared on Y with the scale shaved at every border (method"
          + " note, section 8)."
    })
final class EvalCommand implements Callable<Integer> {

  @Mixin EngineMixin engine;
  @Mixin ModeMixin mode;
  @Spec CommandSpec spec;

  @Option(
      names = "--hr",
      paramLabel = "DIR",
      required = true,
      description = "Folder of ground-truth (HR) images.")
  Path hrDir;

  @Option(
      names = "--save-sr",
      paramLabel = "DIR",
      description = "Save the SR results here as PNGs named after their input.")
  Path saveSr;

  @Option(
      names = "--save-lr",
      paramLabel = "DIR",
      description = "Save the LR inputs here as PNGs named after their input.")
  Path saveLr;

  @Option(names = "--overwrite", description = "Replace existing files in --save-sr / --save-lr.")
  boolean overwrite;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the per-image and mean results as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    mode.validate(spec.commandLine());
    if (!Files.isDirectory(hrDir)) {
      spec.commandLine().getErr().println("error: --hr " + hrDir + " is not a folder");
      return 1;
    }
    for (Path d : Arrays.asList(saveSr, saveLr)) {
      if (d != null && Files.isDirectory(d) && Files.isSameFile(d, hrDir)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "refusing to save into the --hr folder " + hrDir);
      }
    }
    List<Path> items = InputScan.imagesIn(hrDir);
    if (items.isEmpty()) {
      spec.commandLine().getErr().println("error: no images in " + hrDir);
      return 1;
    }
    ModelBundle bundle = engine.bundle();
    RoutingPolicy policy = mode.policy(spec.commandLine(), bundle);
    int s = bundle.manifest().scale();
    SaveOptions png =
        SaveOptions.defaults().withFormat(dev.wbsr.image.ImageFormat.PNG).withOverwrite(overwrite);
    ImageLoader loader = new ImageLoader();
    List<Evaluation.ImageScore> scores = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    ProgressBar bar = ProgressBar.forTerminal();
    Map<String, Object> report = new LinkedHashMap<>();
    try (OnnxEngine onnx = engine.engine(bundle)) {
      RoutingPolicy routed =
          mode.routed(
              spec.commandLine(),
              bundle,
              p ->
                  TimeCosts.byTime(
                      p, bundle, onnx, engine.pipeline(), SubnetTimesCache.standard()));
      report.put("model", bundle.name());
      report.put("scale", s);
      report.put("mode", policy.mode());
      report.put("budget", mode.budget);
      report.put("cost", mode.cost);
      report.put("device", onnx.device());
      out.println(
          Units.f(
              "Model %s (x%d), mode %s, device %s, %d image(s) in %s",
              bundle.name(), s, routed.label(), onnx.device(), items.size(), hrDir));
      out.println(
          Units.f(
              "  %-28s %8s %8s %9s %9s %7s %8s",
              "image", "PSNR-Y", "SSIM-Y", "GFLOPs", "exec", "FLOPs%", "seconds"));
      FileLoop.run(
          items,
          p -> p,
          () -> false,
          (index, file) -> {
            String stem = ImageFormat.stem(file.getFileName().toString());
            LoadedImage hr = loader.load(file);
            Warnings.print(spec.commandLine().getErr(), file, hr.metadata().warnings());
            Evaluation.Sample sample =
                Evaluation.Sample.of(file.getFileName().toString(), hr.rgb(), s);
            UpscaleResult r =
                Upscaler.upscale(
                    sample.lr(),
                    bundle.manifest(),
                    onnx,
                    a -> routed,
                    engine.pipeline(),
                    new RenderListener() {
                      @Override
                      public void onProgress(int done, int total) {
                        bar.update(
                            (index + (double) done / Math.max(1, total)) / items.size(), stem);
                      }
                    });
            Evaluation.ImageScore score = Evaluation.score(sample, r);
            if (saveSr != null) {
              ImageSaver.save(r.image(), saveSr.resolve(stem + ".png"), png);
            }
            if (saveLr != null) {
              ImageSaver.save(sample.lr(), saveLr.resolve(stem + ".png"), png);
            }
            scores.add(score);
            bar.clear();
            out.println(
                Units.f(
                    "  %-28s %8.3f %8.4f %9.2f %9.2f %6.1f%% %8.2f",
                    stem,
                    score.psnrY(),
                    score.ssimY(),
                    Units.giga(score.paperFlops()),
                    Units.giga(score.executedFlops()),
                    100 * r.assignment().flopsRatio(),
                    r.seconds()));
          },
          (index, file, reason) -> {
            bar.clear();
            failures.add(file + ": " + reason);
          });
    }
    bar.clear();
    Evaluation.Mean mean = Evaluation.Mean.of(scores);
    report.put(
        "images",
        scores.stream()
            .map(sc -> JsonNumbers.finite(sc.json(), "could not be measured on this image"))
            .toList());
    report.put(
        "mean",
        JsonNumbers.finite(
            mean.json(), scores.isEmpty() ? "no image could be scored" : "could not be averaged"));
    if (!scores.isEmpty()) {
      out.println(
          Units.f(
              "  %-28s %8.3f %8.4f %9.2f %9.2f %6.1f%% %8.2f",
              "mean (" + scores.size() + " images)",
              mean.psnrY(),
              mean.ssimY(),
              Units.giga(mean.paperFlops()),
              Units.giga(mean.executedFlops()),
              100 * mean.flopsRatio(),
              mean.seconds()));
    }
    if (json != null) {
      Files.writeString(
          json,
          new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(report) + "\n",
          StandardCharsets.UTF_8);
    }
    for (String f : failures) {
      spec.commandLine().getErr().println("failed  " + f);
    }
    return failures.isEmpty() ? 0 : 1;
  }
}
