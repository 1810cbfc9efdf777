package dev.wbsr.ui.export;

import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.ui.viewer.OverlayMap;
import dev.wbsr.ui.viewer.PixelSource;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Builds what the export commands write (pure; no JavaFX nodes). */
public final class Exports {

  private Exports() {}

  /** The image with the per-patch map blended over it at {@code opacity}, at full resolution. */
  public static RgbImage heatmap(RgbImage base, OverlayMap map, double opacity) {
    RgbImage out = RgbImage.allocate(base.width(), base.height());
    byte[] in = base.rgb();
    byte[] o = out.rgb();
    double a = Math.max(0, Math.min(1, opacity));
    for (int y = 0; y < base.height(); y++) {
      for (int x = 0; x < base.width(); x++) {
        int i = (y * base.width() + x) * 3;
        int c = map == null ? -1 : map.colorAt(x, y);
        for (int ch = 0; ch < 3; ch++) {
          int v = in[i + ch] & 0xFF;
          if (c >= 0) {
            int m = c >> (16 - 8 * ch) & 0xFF;
            v = (int) Math.round(v * (1 - a) + m * a);
          }
          o[i + ch] = (byte) v;
        }
      }
    }
    return out;
  }

  /** Left and right next to each other with a {@code gap} of white between. */
  public static RgbImage sideBySide(PixelSource left, PixelSource right, int gap) {
    int w = left.width();
    int h = left.height();
    RgbImage out = RgbImage.allocate(w * 2 + gap, h);
    byte[] o = out.rgb();
    java.util.Arrays.fill(o, (byte) 0xFF);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        put(o, (y * out.width() + x) * 3, left.rgb(x, y));
        if (x < right.width() && y < right.height()) {
          put(o, (y * out.width() + x + w + gap) * 3, right.rgb(x, y));
        }
      }
    }
    return out;
  }

  private static void put(byte[] o, int i, int rgb) {
    o[i] = (byte) (rgb >> 16);
    o[i + 1] = (byte) (rgb >> 8);
    o[i + 2] = (byte) rgb;
  }

  /** One line per patch: position in LR and SR pixels, score, class, subnet and its FLOPs. */
  public static void patchCsv(
      Writer w, ModelBundle b, PatchAnalysis g, Assignment r, int lrW, int lrH) throws IOException {
    w.write("col,row,lr_x,lr_y,lr_w,lr_h,score,class,subnet_id,subnet,gflops\n");
    int p = g.grid().patchSize();
    for (int row = 0; row < g.grid().rows(); row++) {
      for (int col = 0; col < g.grid().cols(); col++) {
        int i = g.grid().index(col, row);
        int m = r == null ? -1 : r.subnetOf(i);
        String name = m < 0 ? "bicubic" : b.manifest().subnets().get(m).name();
        double gf = m < 0 ? 0 : b.manifest().subnets().get(m).flopsPerPatch() / 1e9;
        w.write(
            String.format(
                Locale.ROOT,
                "%d,%d,%d,%d,%d,%d,%.6f,%d,%d,%s,%.6f%n",
                col,
                row,
                col * p,
                row * p,
                Math.min(p, lrW - col * p),
                Math.min(p, lrH - row * p),
                g.score(i),
                g.classOf(i),
                m,
                name,
                gf));
      }
    }
  }

  /** "png", "jpg" or "tif" from a file name (png when unknown). */
  public static String formatOf(String fileName) {
    return dev.wbsr.image.ImageFormat.fromFileName(fileName)
        .filter(dev.wbsr.image.ImageFormat::writable)
        .map(dev.wbsr.image.ImageFormat::extension)
        .orElse("png");
  }

  /** {@code photo.jpg} -> {@code photo-wbsr-x2} (no extension). */
  public static String stem(String name) {
    return dev.wbsr.image.ImageFormat.stem(name);
  }
}
