package dev.wbsr.image;

/**
 * Applies an EXIF orientation (1..8) to pixels, so that what is stored becomes what a viewer shows.
 * For stored size W x H, orientations 5..8 swap the output to H x W. Mapping from an output pixel
 * (x', y') to the stored pixel (x, y):
 *
 * <pre>
 * 1 identity      x = x',        y = y'
 * 2 mirror H      x = W-1-x',    y = y'
 * 3 rotate 180    x = W-1-x',    y = H-1-y'
 * 4 mirror V      x = x',        y = H-1-y'
 * 5 transpose     x = y',        y = x'
 * 6 rotate 90 CW  x = y',        y = H-1-x'
 * 7 transverse    x = W-1-y',    y = H-1-x'
 * 8 rotate 90 CCW x = W-1-y',    y = x'
 * </pre>
 */
public final class Orientation {

  private Orientation() {}

  public static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  public static RgbImage apply(RgbImage img, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return img;
    }
    byte[] out = remap(img.rgb(), img.width(), img.height(), 3, orientation);
    boolean swap = swapsAxes(orientation);
    return new RgbImage(swap ? img.height() : img.width(), swap ? img.width() : img.height(), out);
  }

  public static GrayPlane apply(GrayPlane plane, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return plane;
    }
    byte[] out = remap(plane.data(), plane.width(), plane.height(), 1, orientation);
    boolean swap = swapsAxes(orientation);
    return new GrayPlane(
        swap ? plane.height() : plane.width(), swap ? plane.width() : plane.height(), out);
  }

  private static byte[] remap(byte[] src, int w, int h, int c, int o) {
    int ow = swapsAxes(o) ? h : w;
    int oh = swapsAxes(o) ? w : h;
    byte[] dst = new byte[src.length];
    for (int yo = 0; yo < oh; yo++) {
      int d = yo * ow * c;
      for (int xo = 0; xo < ow; xo++) {
        int x;
        int y;
        switch (o) {
          case 2 -> {
            x = w - 1 - xo;
            y = yo;
          }
          case 3 -> {
            x = w - 1 - xo;
            y = h - 1 - yo;
          }
          case 4 -> {
            x = xo;
            y = h - 1 - yo;
          }
          case 5 -> {
            x = yo;
            y = xo;
          }
          case 6 -> {
            x = yo;
            y = h - 1 - xo;
          }
          case 7 -> {
            x = w - 1 - yo;
            y = h - 1 - xo;
          }
          default -> {
            x = w - 1 - yo;
            y = xo;
          }
        }
        int s = (y * w + x) * c;
        for (int k = 0; k < c; k++) {
          dst[d++] = src[s + k];
        }
      }
    }
    return dst;
  }
}
