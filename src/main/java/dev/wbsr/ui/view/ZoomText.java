package dev.wbsr.ui.view;

import java.util.Locale;

/** The zoom indicator's text: whole percent from 10 % up, one decimal below ("6.3 %"). */
final class ZoomText {

  private ZoomText() {}

  static String of(double zoom) {
    double p = zoom * 100;
    return p >= 9.95
        ? String.format(Locale.ROOT, "%.0f %%", p)
        : String.format(Locale.ROOT, "%.1f %%", p);
  }
}
