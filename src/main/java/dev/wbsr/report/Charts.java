package dev.wbsr.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Small headless Java2D charts for the report: scatter/line plots and grouped bar charts with axes,
 * ticks, grid, labels and a legend beside the plot. Deterministic: same data, same pixels.
 */
final class Charts {

  static final int WIDTH = 1000;
  static final int HEIGHT = 600;
  private static final int LEFT = 90;
  private static final int TOP = 60;
  private static final int BOTTOM = 80;
  private static final int LEGEND = 270;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Color GRID = new Color(0xE3E3E3);

  /** Colours (matplotlib's tab10), black and grey. */
  static final Color BLUE = new Color(0x1F77B4);

  static final Color ORANGE = new Color(0xFF7F0E);
  static final Color GREEN = new Color(0x2CA02C);
  static final Color RED = new Color(0xD62728);
  static final Color PURPLE = new Color(0x9467BD);
  static final Color GREY = new Color(0x8C8C8C);
  static final Color BLACK = new Color(0x202020);

  enum Marker {
    NONE,
    CIRCLE,
    SQUARE,
    TRIANGLE,
    DIAMOND,
    STAR
  }

  /**
   * A series of (x, y) points.
   *
   * @param line join the points (in the given order)
   * @param size marker size in pixels
   */
  record Series(
      String name,
      Color color,
      List<double[]> points,
      boolean line,
      boolean dashed,
      Marker marker,
      int size) {}

  /** One bar per category. */
  record Bars(String name, Color color, double[] values) {}

  private Charts() {}

  // ---------------------------------------------------------------------------------------------
  // Line / scatter

  static BufferedImage lines(
      String title, String xLabel, String yLabel, List<Series> series, double xMin) {
    double[] xr = {xMin, Double.NEGATIVE_INFINITY};
    double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (Series s : series) {
      for (double[] p : s.points()) {
        xr[1] = Math.max(xr[1], p[0]);
        yr[0] = Math.min(yr[0], p[1]);
        yr[1] = Math.max(yr[1], p[1]);
      }
    }
    Axis x = Axis.of(xr[0], xr[1] + 0.04 * (xr[1] - xr[0]));
    double pad = Math.max(0.06 * (yr[1] - yr[0]), 0.01);
    Axis y = Axis.of(yr[0] - pad, yr[1] + pad);
    Canvas c = new Canvas(title, xLabel, yLabel, x, y);
    for (Series s : series) {
      c.g.setColor(s.color());
      if (s.line() && s.points().size() > 1) {
        c.g.setStroke(stroke(2f, s.dashed()));
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < s.points().size(); i++) {
          double[] p = s.points().get(i);
          if (i == 0) {
            path.moveTo(c.px(p[0]), c.py(p[1]));
          } else {
            path.lineTo(c.px(p[0]), c.py(p[1]));
          }
        }
        c.g.draw(path);
      }
      for (double[] p : s.points()) {
        c.marker(s.marker(), s.color(), c.px(p[0]), c.py(p[1]), s.size());
      }
    }
    c.legend(series);
    return c.done();
  }

  // ---------------------------------------------------------------------------------------------
  // Grouped bars

  /**
   * Grouped bars; {@code reference} (NaN for none) draws a dashed horizontal line named {@code
   * referenceName} in the legend. The y axis always includes 0.
   */
  static BufferedImage bars(
      String title,
      String xLabel,
      String yLabel,
      List<String> categories,
      List<Bars> bars,
      double reference,
      String referenceName) {
    double lo = 0;
    double hi = 0;
    for (Bars b : bars) {
      for (double v : b.values()) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (Double.isFinite(reference)) {
      hi = Math.max(hi, reference);
    }
    double pad = Math.max(0.08 * (hi - lo), 1e-3);
    Axis y = Axis.of(lo < 0 ? lo - pad : 0, hi + pad);
    Axis x = new Axis(0, categories.size(), List.of(), 0);
    Canvas c = new Canvas(title, xLabel, yLabel, x, y);
    double slot = c.plotW / (double) categories.size();
    double barW = slot * 0.8 / Math.max(1, bars.size());
    for (int k = 0; k < categories.size(); k++) {
      double x0 = c.px(k) + slot * 0.1;
      for (int b = 0; b < bars.size(); b++) {
        double v = bars.get(b).values()[k];
        if (!Double.isFinite(v)) {
          continue;
        }
        double top = c.py(Math.max(v, 0));
        double bottom = c.py(Math.min(v, 0));
        c.g.setColor(bars.get(b).color());
        c.g.fill(new Rectangle2D.Double(x0 + b * barW, top, barW - 1, bottom - top));
      }
      c.g.setColor(BLACK);
      c.g.setFont(TICK);
      String[] label = categories.get(k).split("\n");
      for (int i = 0; i < label.length; i++) {
        c.centered(label[i], c.px(k) + slot / 2, c.top + c.plotH + 20 + 15 * i);
      }
    }
    c.g.setColor(BLACK);
    c.g.setStroke(new BasicStroke(1f));
    c.g.draw(new Line2D.Double(c.left, c.py(0), c.left + c.plotW, c.py(0)));
    List<Series> legend = new ArrayList<>();
    for (Bars b : bars) {
      legend.add(new Series(b.name(), b.color(), List.of(), false, false, Marker.SQUARE, 12));
    }
    if (Double.isFinite(reference)) {
      c.g.setColor(BLACK);
      c.g.setStroke(stroke(1.5f, true));
      c.g.draw(new Line2D.Double(c.left, c.py(reference), c.left + c.plotW, c.py(reference)));
      legend.add(new Series(referenceName, BLACK, List.of(), true, true, Marker.NONE, 0));
    }
    c.legend(legend);
    return c.done();
  }

  static void writePng(BufferedImage img, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
    if (!ImageIO.write(img, "png", tmp.toFile())) {
      throw new IOException("no PNG writer");
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static Stroke stroke(float width, boolean dashed) {
    return dashed
        ? new BasicStroke(
            width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f)
        : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  // ---------------------------------------------------------------------------------------------

  /** A linear axis with "nice" ticks (1, 2, 2.5 or 5 times a power of ten). */
  record Axis(double min, double max, List<Double> ticks, int decimals) {

    static Axis of(double lo, double hi) {
      if (!(hi > lo)) {
        double d = Math.max(Math.abs(lo) * 0.01, 1e-3);
        lo -= d;
        hi += d;
      }
      double raw = (hi - lo) / 6;
      double mag = Math.pow(10, Math.floor(Math.log10(raw)));
      double step = mag;
      for (double m : new double[] {1, 2, 2.5, 5, 10}) {
        if (m * mag >= raw) {
          step = m * mag;
          break;
        }
      }
      int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
      if (Math.abs(step / Math.pow(10, -decimals) - Math.rint(step / Math.pow(10, -decimals)))
          > 1e-6) {
        decimals++;
      }
      List<Double> ticks = new ArrayList<>();
      for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi + 1e-9 * step; i++) {
        ticks.add(i * step);
      }
      return new Axis(lo, hi, ticks, decimals);
    }

    String label(double v) {
      return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < 1e-12 ? 0 : v);
    }
  }

  /** The drawing surface: title, axes, grid; maps data to pixels. */
  private static final class Canvas {
    final BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    final Graphics2D g = img.createGraphics();
    final int left = LEFT;
    final int top = TOP;
    final int plotW = WIDTH - LEFT - LEGEND;
    final int plotH = HEIGHT - TOP - BOTTOM;
    final Axis x;
    final Axis y;

    Canvas(String title, String xLabel, String yLabel, Axis x, Axis y) {
      this.x = x;
      this.y = y;
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(BLACK);
      g.setFont(TITLE);
      g.drawString(title, left, 34);
      g.setFont(TICK);
      g.setStroke(new BasicStroke(1f));
      for (double t : x.ticks()) {
        g.setColor(GRID);
        g.draw(new Line2D.Double(px(t), top, px(t), top + plotH));
        g.setColor(BLACK);
        g.draw(new Line2D.Double(px(t), top + plotH, px(t), top + plotH + 5));
        centered(x.label(t), px(t), top + plotH + 20);
      }
      for (double t : y.ticks()) {
        g.setColor(GRID);
        g.draw(new Line2D.Double(left, py(t), left + plotW, py(t)));
        g.setColor(BLACK);
        g.draw(new Line2D.Double(left - 5, py(t), left, py(t)));
        String s = y.label(t);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, left - 8 - fm.stringWidth(s), (float) py(t) + fm.getAscent() / 2f - 1);
      }
      g.setColor(BLACK);
      g.draw(new Rectangle2D.Double(left, top, plotW, plotH));
      g.setFont(LABEL);
      centered(xLabel, left + plotW / 2.0, HEIGHT - 22);
      AffineTransform saved = g.getTransform();
      g.rotate(-Math.PI / 2);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(yLabel, -(top + plotH / 2f) - fm.stringWidth(yLabel) / 2f, 24);
      g.setTransform(saved);
      g.clip(new Rectangle2D.Double(left - 10, top - 10, plotW + 20, plotH + 10));
    }

    double px(double v) {
      return left + (v - x.min()) / (x.max() - x.min()) * plotW;
    }

    double py(double v) {
      return top + plotH - (v - y.min()) / (y.max() - y.min()) * plotH;
    }

    void centered(String s, double cx, double baseline) {
      Shape clip = g.getClip();
      g.setClip(null);
      FontMetrics fm = g.getFontMetrics();
      g.drawString(s, (float) (cx - fm.stringWidth(s) / 2.0), (float) baseline);
      g.setClip(clip);
    }

    void marker(Marker m, Color color, double cx, double cy, int size) {
      double r = size / 2.0;
      Shape s =
          switch (m) {
            case NONE -> null;
            case CIRCLE -> new Ellipse2D.Double(cx - r, cy - r, size, size);
            case SQUARE -> new Rectangle2D.Double(cx - r, cy - r, size, size);
            case TRIANGLE -> polygon(cx, cy, r * 1.2, 3, -Math.PI / 2);
            case DIAMOND -> polygon(cx, cy, r * 1.3, 4, 0);
            case STAR -> star(cx, cy, r * 1.5);
          };
      if (s == null) {
        return;
      }
      g.setColor(color);
      g.fill(s);
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(1f));
      g.draw(s);
    }

    void legend(List<Series> series) {
      g.setClip(null);
      int x0 = left + plotW + 20;
      int y0 = top + 10;
      g.setFont(TICK);
      FontMetrics fm = g.getFontMetrics();
      for (Series s : series) {
        double cy = y0 - fm.getAscent() / 2.0 + 2;
        g.setColor(s.color());
        if (s.line()) {
          g.setStroke(stroke(2f, s.dashed()));
          g.draw(new Line2D.Double(x0, cy, x0 + 30, cy));
        }
        marker(s.marker(), s.color(), x0 + 15, cy, Math.min(s.size(), 14));
        g.setColor(BLACK);
        int y = y0;
        for (String line : wrap(s.name(), fm, WIDTH - x0 - 45)) {
          g.drawString(line, x0 + 38, y);
          y += fm.getHeight();
        }
        y0 = y + 8;
      }
    }

    BufferedImage done() {
      g.dispose();
      return img;
    }
  }

  private static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String next = line.length() == 0 ? word : line + " " + word;
      if (fm.stringWidth(next) > width && line.length() > 0) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(next);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static Shape polygon(double cx, double cy, double r, int n, double phase) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < n; i++) {
      double a = phase + 2 * Math.PI * i / n;
      if (i == 0) {
        p.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
      } else {
        p.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
      }
    }
    p.closePath();
    return p;
  }

  private static Shape star(double cx, double cy, double r) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double a = -Math.PI / 2 + Math.PI * i / 5;
      double rr = i % 2 == 0 ? r : r * 0.45;
      if (i == 0) {
        p.moveTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
      } else {
        p.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
      }
    }
    p.closePath();
    return p;
  }
}
