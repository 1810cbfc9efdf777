package dev.wbsr.bench;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
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
   * @param wbsrPsnr WBSR routing vs its ideal composite
   * @param wbsrOver8 fraction of WBSR samples more than 8 levels off the composite
   * @param wbsrExecutedOverPaper executed FLOPs of the WBSR run over its paper-convention FLOPs
   */
  public record Row(
      int margin,
      int tileSide,
      double supernetPsnr,
      int supernetMaxAbsDiff,
      double wbsrPsnr,
      int wbsrMaxAbsDiff,
      double wbsrOver8,
      double wbsrExecutedOverPaper) {}

  private MarginSweep() {}

  public static List<Row> run(
      RgbImage lr, Manifest manifest, SrEngine engine, int[] margins, int tileSide)
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
              lr, manifest, engine, RoutingPolicy.Wbsr.paper(), o, RenderListener.NONE);
      RgbImage ideal = idealComposite(wbsr, lr, manifest, engine, wholes);
      rows.add(
          new Row(
              m,
              tileSide,
              psnr(sup.image(), whole),
              maxAbsDiff(sup.image(), whole),
              psnr(wbsr.image(), ideal),
              maxAbsDiff(wbsr.image(), ideal),
              fractionOver(wbsr.image(), ideal, 8),
              wbsr.render().executedFlops() / wbsr.assignment().paperFlops()));
    }
    return rows;
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
