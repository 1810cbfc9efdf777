package dev.wbsr.bench;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PatchGrid;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RenderListener;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.Upscaler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much context the patch pipeline needs. For each margin: the supernet through the patch
 * pipeline (tiles of a given side; 1 = every patch alone, the worst case) against the supernet on
 * the whole image; and WBSR routing (default tiles, mostly lone patches) against its ideal
 * composite, in which every patch takes its subnet's whole-image output (how {@code
 * training/wbsr/evaluate.py} scores routing). PSNR over RGB, 8-bit.
 */
public final class MarginSweep {

  /**
   * One margin's outcome.
   *
   * @param supernetPsnr supernet tiles vs the whole-image supernet
   * @param wbsrTileSide longest tile side of the WBSR run, in patches (the tile arrangement)
   * @param wbsrPsnr WBSR routing vs its ideal composite
   * @param wbsrPsnrY the same in PSNR-Y (BT.601 luma, no shave), the unit of the quality tables
   * @param wbsrOver8 fraction of WBSR samples more than 8 levels off the composite
   * @param wbsrExecutedOverPaper executed FLOPs of the WBSR run over its paper-convention FLOPs
   */
  public record Row(
      int margin,
      int tileSide,
      double supernetPsnr,
      int supernetMaxAbsDiff,
      int wbsrTileSide,
      double wbsrPsnr,
      double wbsrPsnrY,
      int wbsrMaxAbsDiff,
      double wbsrOver8,
      double wbsrExecutedOverPaper) {}

  private MarginSweep() {}

  /**
   * @param tileSide longest tile side of the supernet run (1 = lone patches)
   * @param wbsrTileSide longest tile side of the WBSR run (the pipeline's default is 8)
   */
  public static List<Row> run(
      RgbImage lr,
      Manifest manifest,
      SrEngine engine,
      int[] margins,
      int tileSide,
      int wbsrTileSide)
      throws InterruptedException {
    Map<Integer, RgbImage> wholes = new HashMap<>();
    RgbImage whole = wholeOutput(lr, manifest, engine, manifest.supernet(), wholes);
    List<Row> rows = new ArrayList<>();
    for (int m : margins) {
      PipelineOptions o = PipelineOptions.batch().withMargin(m);
      UpscaleResult sup =
          Upscaler.upscale(
              lr,
              manifest,
              engine,
              new RoutingPolicy.Supernet(),
              o.withMaxTileSide(tileSide),
              RenderListener.NONE);
      UpscaleResult wbsr =
          Upscaler.upscale(
              lr,
              manifest,
              engine,
              RoutingPolicy.Wbsr.paper(),
              o.withMaxTileSide(wbsrTileSide),
              RenderListener.NONE);
      RgbImage ideal = idealComposite(wbsr, lr, manifest, engine, wholes);
      rows.add(
          new Row(
              m,
              tileSide,
              psnr(sup.image(), whole),
              maxAbsDiff(sup.image(), whole),
              wbsrTileSide,
              psnr(wbsr.image(), ideal),
              ImageQuality.psnrY(wbsr.image(), ideal, 0),
              maxAbsDiff(wbsr.image(), ideal),
              fractionOver(wbsr.image(), ideal, 8),
              wbsr.render().executedFlops() / wbsr.assignment().paperFlops()));
    }
    return rows;
  }

  /**
   * One margin over a set of images.
   *
   * @param meanPsnrY mean over images of WBSR's PSNR-Y against its ideal composite (dB)
   * @param minPsnrY the worst image's
   * @param meanExecutedOverPaper mean over images of executed over paper FLOPs
   */
  public record Summary(
      int margin, int images, double meanPsnrY, double minPsnrY, double meanExecutedOverPaper) {}

  /** Per margin, over images ({@code perImage} holds each image's rows, in the same margins). */
  public static List<Summary> summarize(List<List<Row>> perImage) {
    List<Summary> out = new ArrayList<>();
    if (perImage.isEmpty()) {
      return out;
    }
    for (int i = 0; i < perImage.get(0).size(); i++) {
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double exec = 0;
      for (List<Row> rows : perImage) {
        Row r = rows.get(i);
        sum += r.wbsrPsnrY();
        min = Math.min(min, r.wbsrPsnrY());
        exec += r.wbsrExecutedOverPaper();
      }
      int n = perImage.size();
      out.add(new Summary(perImage.get(0).get(i).margin(), n, sum / n, min, exec / n));
    }
    return out;
  }

  /**
   * The seam-free reference of a routed result: every patch copied from its subnet's whole-image
   * output ({@code wholes} caches those outputs by subnet).
   */
  public static RgbImage idealComposite(
      UpscaleResult routed,
      RgbImage lr,
      Manifest manifest,
      SrEngine engine,
      Map<Integer, RgbImage> wholes) {
    RgbImage ideal = RgbImage.allocate(routed.image().width(), routed.image().height());
    PatchGrid grid = routed.analysis().grid();
    int s = manifest.scale();
    for (int p = 0; p < grid.size(); p++) {
      RgbImage full = wholeOutput(lr, manifest, engine, routed.assignment().subnetOf(p), wholes);
      PatchGrid.Patch patch = grid.patch(p);
      for (int r = 0; r < patch.h() * s; r++) {
        int off = ((patch.y() * s + r) * full.width() + patch.x() * s) * 3;
        System.arraycopy(full.rgb(), off, ideal.rgb(), off, patch.w() * s * 3);
      }
    }
    return ideal;
  }

  private static RgbImage wholeOutput(
      RgbImage lr, Manifest manifest, SrEngine engine, int subnet, Map<Integer, RgbImage> wholes) {
    return wholes.computeIfAbsent(
        subnet,
        k ->
            k == Assignment.BICUBIC
                ? Bicubic.resize(lr, manifest.scale())
                : Upscaler.wholeImage(lr, manifest, engine, k));
  }

  /** Fraction of samples differing by more than {@code levels}. */
  public static double fractionOver(RgbImage a, RgbImage b, int levels) {
    check(a, b);
    long n = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      if (Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF)) > levels) {
        n++;
      }
    }
    return (double) n / a.rgb().length;
  }

  /** PSNR over all RGB samples (8-bit peak); +infinity for identical images. */
  public static double psnr(RgbImage a, RgbImage b) {
    check(a, b);
    byte[] x = a.rgb();
    byte[] y = b.rgb();
    double se = 0;
    for (int i = 0; i < x.length; i++) {
      double d = (x[i] & 0xFF) - (y[i] & 0xFF);
      se += d * d;
    }
    return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / (se / x.length));
  }

  public static int maxAbsDiff(RgbImage a, RgbImage b) {
    check(a, b);
    int max = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      max = Math.max(max, Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF)));
    }
    return max;
  }

  private static void check(RgbImage a, RgbImage b) {
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new IllegalArgumentException("sizes differ");
    }
  }
}
