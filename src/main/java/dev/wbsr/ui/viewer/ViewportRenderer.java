package dev.wbsr.ui.viewer;

/**
 * Renders the visible part of one or two sources into an ARGB buffer of the viewport's size:
 * nearest neighbour when zoomed in, 2x2 supersampling when zoomed out, an optional per-patch
 * overlay blended at {@code opacity}, and a split column left of which {@code left} and right of
 * which {@code right} is drawn. Cost is O(viewport pixels), independent of the image size.
 */
public final class ViewportRenderer {

  private ViewportRenderer() {}

  /** What to draw; {@code splitX < 0} draws {@code left} only. */
  public record Frame(
      PixelSource left,
      PixelSource right,
      int splitX,
      OverlayMap overlay,
      double opacity,
      double zoom,
      double centerX,
      double centerY,
      int background) {}

  public static void render(int[] dst, int w, int h, Frame f) {
    int bg = 0xFF000000 | f.background();
    if (f.left() == null) {
      java.util.Arrays.fill(dst, 0, w * h, bg);
      return;
    }
    int imgW = f.left().width();
    int imgH = f.left().height();
    boolean minify = f.zoom() < 1;
    double q = minify ? 0.25 / f.zoom() : 0;
    int[] x0 = columns(w, f.zoom(), f.centerX(), -q, imgW);
    int[] x1 = minify ? columns(w, f.zoom(), f.centerX(), q, imgW) : x0;
    int split = f.splitX() >= 0 && f.right() != null ? f.splitX() : w;
    Lookup a = new Lookup(f.left(), x0, x1);
    Lookup b = split < w ? new Lookup(f.right(), x0, x1) : null;
    OverlayMap ov = f.overlay();
    int alpha = (int) Math.round(Math.max(0, Math.min(1, f.opacity())) * 256);
    int[] ocol = null;
    if (ov != null && alpha > 0) {
      ocol = new int[w];
      for (int sx = 0; sx < w; sx++) {
        ocol[sx] = x0[sx] < 0 ? -1 : Math.min(x0[sx] / ov.side(), ov.cols());
      }
    }
    Rows rows = new Rows(dst, w, h, f, q, minify, imgH, split, a, b, ov, ocol, alpha, bg, x0);
    int chunks =
        (minify && (long) w * h > 400_000) || (long) w * h > 2_000_000
            ? Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()))
            : 1;
    if (chunks == 1) {
      rows.run(0, h);
    } else {
      java.util.stream.IntStream.range(0, chunks)
          .parallel()
          .forEach(c -> rows.run(h * c / chunks, h * (c + 1) / chunks));
    }
  }

  private record Rows(
      int[] dst,
      int w,
      int h,
      Frame f,
      double q,
      boolean minify,
      int imgH,
      int split,
      Lookup a,
      Lookup b,
      OverlayMap ov,
      int[] ocol,
      int alpha,
      int bg,
      int[] x0) {
    void run(int from, int to) {
      for (int sy = from; sy < to; sy++) {
        double iy = f.centerY() + (sy + 0.5 - h / 2.0) / f.zoom();
        int y0 = coord(iy - q, imgH);
        int y1 = minify ? coord(iy + q, imgH) : y0;
        int row = sy * w;
        if (y0 < 0) {
          java.util.Arrays.fill(dst, row, row + w, bg);
          continue;
        }
        if (y1 < 0) {
          y1 = y0;
        }
        int orow = ocol == null ? -1 : y0 / ov.side();
        int obase = orow >= 0 && orow < ov.rows() ? orow * ov.cols() : -1;
        for (int sx = 0; sx < w; sx++) {
          if (x0[sx] < 0) {
            dst[row + sx] = bg;
            continue;
          }
          Lookup src = sx >= split ? b : a;
          int c = minify ? src.avg(sx, y0, y1) : src.at(sx, y0);
          if (obase >= 0 && ocol[sx] < ov.cols()) {
            int o = ov.colors()[obase + ocol[sx]];
            if (o >= 0) {
              c = blend(c, o, alpha);
            }
          }
          dst[row + sx] = 0xFF000000 | c;
        }
      }
    }
  }

  /** Per-column byte offsets into one source, so the inner loop does no division. */
  private static final class Lookup {
    final byte[] p;
    final int factor;
    final int stride;
    final int height;
    final int[] xa;
    final int[] xb;

    Lookup(PixelSource s, int[] x0, int[] x1) {
      p = s.image().rgb();
      factor = s.factor();
      stride = s.image().width() * 3;
      height = s.image().height();
      xa = offsets(x0, s);
      xb = x1 == x0 ? xa : offsets(x1, s);
    }

    private static int[] offsets(int[] xs, PixelSource s) {
      int[] o = new int[xs.length];
      for (int i = 0; i < xs.length; i++) {
        int x = xs[i] < 0 ? 0 : xs[i];
        o[i] = x >= s.width() ? -1 : (x / s.factor()) * 3;
      }
      return o;
    }

    int at(int sx, int y) {
      int xo = xa[sx];
      int yy = y / factor;
      if (xo < 0 || yy >= height) {
        return 0;
      }
      int i = yy * stride + xo;
      return (p[i] & 0xFF) << 16 | (p[i + 1] & 0xFF) << 8 | (p[i + 2] & 0xFF);
    }

    int avg(int sx, int ya, int yb) {
      int xo0 = xa[sx];
      int xo1 = xb[sx] < 0 ? xo0 : xb[sx];
      int r0 = ya / factor;
      int r1 = yb / factor;
      if (xo0 < 0 || r0 >= height) {
        return 0;
      }
      if (r1 >= height) {
        r1 = r0;
      }
      int i = r0 * stride + xo0;
      int j = r0 * stride + xo1;
      int k = r1 * stride + xo0;
      int l = r1 * stride + xo1;
      int r = ((p[i] & 0xFF) + (p[j] & 0xFF) + (p[k] & 0xFF) + (p[l] & 0xFF) + 2) >> 2;
      int g =
          ((p[i + 1] & 0xFF) + (p[j + 1] & 0xFF) + (p[k + 1] & 0xFF) + (p[l + 1] & 0xFF) + 2) >> 2;
      int bl =
          ((p[i + 2] & 0xFF) + (p[j + 2] & 0xFF) + (p[k + 2] & 0xFF) + (p[l + 2] & 0xFF) + 2) >> 2;
      return r << 16 | g << 8 | bl;
    }
  }

  static int blend(int c, int o, int alpha) {
    int inv = 256 - alpha;
    int r = ((c >> 16 & 0xFF) * inv + (o >> 16 & 0xFF) * alpha) >> 8;
    int g = ((c >> 8 & 0xFF) * inv + (o >> 8 & 0xFF) * alpha) >> 8;
    int b = ((c & 0xFF) * inv + (o & 0xFF) * alpha) >> 8;
    return r << 16 | g << 8 | b;
  }

  private static int[] columns(int w, double zoom, double cx, double offset, int imgW) {
    int[] xs = new int[w];
    for (int sx = 0; sx < w; sx++) {
      xs[sx] = coord(cx + (sx + 0.5 - w / 2.0) / zoom + offset, imgW);
    }
    return xs;
  }

  private static int coord(double v, int size) {
    int i = (int) Math.floor(v);
    return i < 0 || i >= size ? -1 : i;
  }
}
