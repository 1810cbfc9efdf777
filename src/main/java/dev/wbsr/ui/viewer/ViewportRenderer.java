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
    int alpha = (int) Math.round(Math.max(0, Math.min(1, f.opacity())) * 256);
    for (int sy = 0; sy < h; sy++) {
      double iy = f.centerY() + (sy + 0.5 - h / 2.0) / f.zoom();
      int y0 = coord(iy - q, imgH);
      int y1 = minify ? coord(iy + q, imgH) : y0;
      int row = sy * w;
      for (int sx = 0; sx < w; sx++) {
        int ax = x0[sx];
        if (ax < 0 || y0 < 0) {
          dst[row + sx] = bg;
          continue;
        }
        PixelSource src = f.splitX() >= 0 && sx >= f.splitX() && f.right() != null ? f.right() : f.left();
        int c;
        if (minify && x1[sx] >= 0 && y1 >= 0) {
          c = avg(src, ax, x1[sx], y0, y1);
        } else {
          c = sample(src, ax, y0);
        }
        if (f.overlay() != null && alpha > 0) {
          int o = f.overlay().colorAt(ax, y0);
          if (o >= 0) {
            c = blend(c, o, alpha);
          }
        }
        dst[row + sx] = 0xFF000000 | c;
      }
    }
  }

  private static int sample(PixelSource s, int x, int y) {
    if (x >= s.width() || y >= s.height()) {
      return 0;
    }
    return s.rgb(x, y);
  }

  private static int avg(PixelSource s, int xa, int xb, int ya, int yb) {
    int a = sample(s, xa, ya);
    int b = sample(s, xb, ya);
    int c = sample(s, xa, yb);
    int d = sample(s, xb, yb);
    int r = ((a >> 16 & 0xFF) + (b >> 16 & 0xFF) + (c >> 16 & 0xFF) + (d >> 16 & 0xFF) + 2) >> 2;
    int g = ((a >> 8 & 0xFF) + (b >> 8 & 0xFF) + (c >> 8 & 0xFF) + (d >> 8 & 0xFF) + 2) >> 2;
    int bl = ((a & 0xFF) + (b & 0xFF) + (c & 0xFF) + (d & 0xFF) + 2) >> 2;
    return r << 16 | g << 8 | bl;
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
