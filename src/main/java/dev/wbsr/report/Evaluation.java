package dev.wbsr.report;

import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.metrics.ModCrop;
import dev.wbsr.pipeline.UpscaleResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scoring an upscaler against ground truth, shared by {@code wbsr eval} and {@code wbsr report}
 * (method note, section 8): the HR image is modcropped to a multiple of the scale, the LR input is
 * MATLAB's bicubic {@code imresize} of it, and the SR result is compared on BT.601 Y with the scale
 * shaved at every border.
 */
public final class Evaluation {

  private Evaluation() {}

  /** A ground-truth image and the LR input made from it. */
  public record Sample(String name, RgbImage hr, RgbImage lr, int scale) {

    /**
     * Modcrops {@code hr} to a multiple of {@code scale} and downscales it with {@link Bicubic}.
     */
    public static Sample of(String name, RgbImage hr, int scale) {
      RgbImage cropped = ModCrop.apply(hr, scale);
      return new Sample(name, cropped, Bicubic.downscale(cropped, scale), scale);
    }
  }

  /**
   * One upscaled image, scored: the fields of an {@code images} entry of {@code wbsr eval --json}.
   * FLOPs in FLOPs (not G). {@code executedFlops} counts what ran, tile margins included, plus a
   * router network's FLOPs on every patch (ClassSR's classifier; the paper convention counts it per
   * patch too).
   *
   * @param seconds wall time of the one-shot upscale (scoring, routing, inference, stitching)
   */
  public record ImageScore(
      String name,
      double psnrY,
      double ssimY,
      double paperFlops,
      double executedFlops,
      double supernetFlops,
      double seconds,
      int[] patchesPerSubnet,
      int patchesBicubic) {

    public ImageScore {
      patchesPerSubnet = patchesPerSubnet.clone();
    }

    @Override
    public int[] patchesPerSubnet() {
      return patchesPerSubnet.clone();
    }

    /** The {@code wbsr eval --json} row: GFLOPs, patch counts as lists. */
    public Map<String, Object> json() {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", name);
      row.put("psnr_y", psnrY);
      row.put("ssim_y", ssimY);
      row.put("gflops", paperFlops / 1e9);
      row.put("gflops_executed", executedFlops / 1e9);
      row.put("gflops_supernet", supernetFlops / 1e9);
      row.put("seconds", seconds);
      row.put("patches_per_subnet", Arrays.stream(patchesPerSubnet).boxed().toList());
      row.put("patches_bicubic", patchesBicubic);
      return row;
    }
  }

  /**
   * Means over images. {@code flopsRatio} is total FLOPs over total supernet FLOPs (the paper's
   * average over all patches of the set), likewise {@code flopsRatioExecuted}; FLOPs fields are the
   * per-image means.
   */
  public record Mean(
      int images,
      double psnrY,
      double ssimY,
      double paperFlops,
      double executedFlops,
      double supernetFlops,
      double seconds,
      double flopsRatio,
      double flopsRatioExecuted) {

    public static Mean of(List<ImageScore> scores) {
      double supernet = scores.stream().mapToDouble(ImageScore::supernetFlops).sum();
      return new Mean(
          scores.size(),
          average(scores.stream().mapToDouble(ImageScore::psnrY).toArray()),
          average(scores.stream().mapToDouble(ImageScore::ssimY).toArray()),
          average(scores.stream().mapToDouble(ImageScore::paperFlops).toArray()),
          average(scores.stream().mapToDouble(ImageScore::executedFlops).toArray()),
          average(scores.stream().mapToDouble(ImageScore::supernetFlops).toArray()),
          average(scores.stream().mapToDouble(ImageScore::seconds).toArray()),
          scores.stream().mapToDouble(ImageScore::paperFlops).sum() / supernet,
          scores.stream().mapToDouble(ImageScore::executedFlops).sum() / supernet);
    }

    /** The {@code mean} object of {@code wbsr eval --json}. */
    public Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("psnr_y", psnrY);
      m.put("ssim_y", ssimY);
      m.put("gflops", paperFlops / 1e9);
      m.put("gflops_executed", executedFlops / 1e9);
      m.put("gflops_supernet", supernetFlops / 1e9);
      m.put("seconds", seconds);
      m.put("flops_ratio", flopsRatio);
      m.put("flops_ratio_executed", flopsRatioExecuted);
      return m;
    }

    private static double average(double[] v) {
      return Arrays.stream(v).average().orElse(Double.NaN);
    }
  }

  /** Scores the result of upscaling {@code sample.lr()}. */
  public static ImageScore score(Sample sample, UpscaleResult result) {
    RgbImage sr = result.image();
    int s = sample.scale();
    double router = result.assignment().routerFlopsPerPatch() * result.analysis().grid().size();
    return new ImageScore(
        sample.name(),
        ImageQuality.psnrY(sr, sample.hr(), s),
        ImageQuality.ssimY(sr, sample.hr(), s),
        result.assignment().paperFlops(),
        result.render().executedFlops() + router,
        result.assignment().supernetFlops(),
        result.seconds(),
        result.assignment().patchesPerSubnet(),
        result.assignment().bicubicPatches());
  }
}
