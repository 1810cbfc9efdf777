package dev.wbsr.cli;

import dev.wbsr.bench.MarginSweep;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code bench --margins}: the seam tables per image and over all images, text and JSON. */
final class MarginTable {

  private MarginTable() {}

  /** One image's sweep, printed; its rows are added to {@code sweeps} for the summary. */
  static Map<String, Object> sweep(
      PrintWriter out,
      Path item,
      RgbImage lr,
      ModelBundle bundle,
      OnnxEngine onnx,
      int[] margins,
      int tileSide,
      int wbsrTileSide,
      List<List<MarginSweep.Row>> sweeps)
      throws InterruptedException {
    out.println(
        Units.f("  %-7s %-28s %-54s", "", "supernet vs whole image", "wbsr vs ideal composite"));
    out.println(
        Units.f(
            "  %-7s %9s %8s %9s   %4s %8s %8s %8s %10s %12s",
            "margin",
            "tile side",
            "PSNR dB",
            "max diff",
            "tile",
            "PSNR dB",
            "PSNR-Y",
            "max diff",
            ">8 levels",
            "exec/paper"));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<MarginSweep.Row> swept =
        MarginSweep.run(lr, bundle.manifest(), onnx, margins, tileSide, wbsrTileSide);
    sweeps.add(swept);
    for (MarginSweep.Row r : swept) {
      out.println(
          Units.f(
              "  %-7d %9d %8.2f %9d   %4d %8.2f %8.2f %8d %9.4f%% %12.3f",
              r.margin(),
              r.tileSide(),
              r.supernetPsnr(),
              r.supernetMaxAbsDiff(),
              r.wbsrTileSide(),
              r.wbsrPsnr(),
              r.wbsrPsnrY(),
              r.wbsrMaxAbsDiff(),
              100 * r.wbsrOver8(),
              r.wbsrExecutedOverPaper()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("margin", r.margin());
      m.put("tile_side", r.tileSide());
      m.put("supernet_psnr_vs_whole", r.supernetPsnr());
      m.put("supernet_max_abs_diff", r.supernetMaxAbsDiff());
      m.put("wbsr_tile_side", r.wbsrTileSide());
      m.put("wbsr_psnr_vs_composite", r.wbsrPsnr());
      m.put("wbsr_psnr_y_vs_composite", r.wbsrPsnrY());
      m.put("wbsr_max_abs_diff", r.wbsrMaxAbsDiff());
      m.put("wbsr_fraction_over_8", r.wbsrOver8());
      m.put("wbsr_executed_over_paper_flops", r.wbsrExecutedOverPaper());
      rows.add(m);
    }
    Map<String, Object> img = new LinkedHashMap<>();
    img.put("name", item.getFileName().toString());
    img.put("width", lr.width());
    img.put("height", lr.height());
    img.put("margins", rows);
    return img;
  }

  /** The margin table over all images: what the seams cost in PSNR-Y against executed FLOPs. */
  static List<Map<String, Object>> summary(PrintWriter out, List<List<MarginSweep.Row>> sweeps) {
    List<MarginSweep.Summary> rows = MarginSweep.summarize(sweeps);
    out.println(
        Units.f(
            "all %d image(s): wbsr vs ideal composite%n  %-7s %12s %12s %12s",
            sweeps.size(), "margin", "mean PSNR-Y", "min PSNR-Y", "exec/paper"));
    List<Map<String, Object>> json = new ArrayList<>();
    for (MarginSweep.Summary r : rows) {
      out.println(
          Units.f(
              "  %-7d %12.2f %12.2f %12.3f",
              r.margin(), r.meanPsnrY(), r.minPsnrY(), r.meanExecutedOverPaper()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("margin", r.margin());
      m.put("images", r.images());
      m.put("mean_psnr_y", r.meanPsnrY());
      m.put("min_psnr_y", r.minPsnrY());
      m.put("mean_executed_over_paper", r.meanExecutedOverPaper());
      json.add(m);
    }
    return json;
  }
}
