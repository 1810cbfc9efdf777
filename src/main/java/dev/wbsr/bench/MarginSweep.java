package dev.wbsr.bench;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RenderListener;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.Upscaler;
import java.util.ArrayList;
import java.util.List;

/**
 * How much context the patch pipeline needs: for each margin, the supernet run through the patch
 * pipeline against the supernet on the whole image (PSNR over RGB, 8-bit), and the executed FLOPs
 * it costs. The worst case for seams is small tiles, so it is measured at a given tile side.
 */
public final class MarginSweep {

  /** One margin's outcome. */
  public record Row(
      int margin, int tileSide, double psnr, double maxAbsDiff, double executedOverSupernet) {}

  private MarginSweep() {}

  public static List<Row> run(
      RgbImage lr, Manifest manifest, SrEngine engine, int[] margins, int tileSide)
      throws InterruptedException {
    RgbImage whole = Upscaler.wholeImage(lr, manifest, engine, manifest.supernet());
    List<Row> rows = new ArrayList<>();
    for (int m : margins) {
      PipelineOptions o = PipelineOptions.batch().withMargin(m).withMaxTileSide(tileSide);
      UpscaleResult r =
          Upscaler.upscale(
              lr, manifest, engine, new RoutingPolicy.Supernet(), o, RenderListener.NONE);
      rows.add(
          new Row(
              m,
              tileSide,
              psnr(r.image(), whole),
              maxAbsDiff(r.image(), whole),
              r.render().executedFlops() / r.assignment().supernetFlops()));
    }
    return rows;
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
