package dev.wbsr.ui.viewer;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * The magnifier: two squares side by side, the left side's and the right side's pixels around the
 * same image point, enlarged nearest-neighbour (a pixel stays a sharp block, which is what one
 * looks for when judging an upscale). With only one side it shows one square.
 */
public final class MagnifierLens extends Region {

  /** Edge of one square in screen pixels. */
  static final int SIDE = 160;

  /** The lens enlarges this much beyond the view's own zoom, up to {@link #MAX_SCALE}. */
  static final double FACTOR = 2;

  static final double MAX_SCALE = 32;

  private final ImageView view = new ImageView();
  private WritableImage image;
  private int[] pixels = new int[0];
  private int background = 0x202124;

  public MagnifierLens() {
    getStyleClass().add("magnifier-lens");
    setId("magnifierLens");
    setMouseTransparent(true);
    setManaged(false);
    setVisible(false);
    view.setSmooth(false);
    getChildren().add(view);
  }

  void setBackgroundColor(int rgb) {
    background = rgb;
  }

  /** Screen pixels per image pixel in the lens for a view at {@code viewZoom}. */
  static double scaleFor(double viewZoom) {
    return Math.min(MAX_SCALE, Math.max(2, viewZoom * FACTOR));
  }

  /** Draws both sides around image point (ix, iy) at {@code scale}; {@code right} may be null. */
  void render(PixelSource left, PixelSource right, double ix, double iy, double scale) {
    int squares = right == null ? 1 : 2;
    int w = SIDE * squares + (squares - 1) * 2;
    if (image == null || (int) image.getWidth() != w) {
      image = new WritableImage(w, SIDE);
      pixels = new int[w * SIDE];
      view.setImage(image);
    }
    java.util.Arrays.fill(pixels, 0xFF000000 | 0xFFFFFF);
    fill(left, ix, iy, scale, 0, w);
    if (right != null) {
      fill(right, ix, iy, scale, SIDE + 2, w);
    }
    image.getPixelWriter().setPixels(0, 0, w, SIDE, PixelFormat.getIntArgbInstance(), pixels, 0, w);
    resize(w, SIDE);
    view.relocate(0, 0);
  }

  private void fill(PixelSource s, double ix, double iy, double scale, int x0, int stride) {
    for (int y = 0; y < SIDE; y++) {
      int sy = (int) Math.floor(iy + (y + 0.5 - SIDE / 2.0) / scale);
      for (int x = 0; x < SIDE; x++) {
        int sx = (int) Math.floor(ix + (x + 0.5 - SIDE / 2.0) / scale);
        int rgb =
            s == null || sx < 0 || sy < 0 || sx >= s.width() || sy >= s.height()
                ? background
                : s.rgb(sx, sy);
        pixels[y * stride + x0 + x] = 0xFF000000 | rgb;
      }
    }
  }

  /** 0xRRGGBB at lens pixel (x, y) (tests). */
  int rgbAt(int x, int y) {
    return image.getPixelReader().getArgb(x, y) & 0xFFFFFF;
  }

  int lensWidth() {
    return image == null ? 0 : (int) image.getWidth();
  }
}
