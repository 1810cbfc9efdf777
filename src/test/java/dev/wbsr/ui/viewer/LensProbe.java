package dev.wbsr.ui.viewer;

/** Reads the magnifier's pixels from tests in other packages. */
public final class LensProbe {

  private LensProbe() {}

  public static int side() {
    return MagnifierLens.SIDE;
  }

  public static int rgb(CompareView v, int x, int y) {
    return v.magnifier().rgbAt(x, y);
  }
}
