package dev.wbsr.ui.export;

import dev.wbsr.image.SaveOptions;
import dev.wbsr.ui.model.Settings;

/**
 * The JPEG and WebP quality the user chose, one setting for the export menu and the batch dialog
 * (remembered across runs). 100 writes lossless WebP.
 */
public final class OutputQuality {

  static final String KEY = "output.quality";

  /** The choices the menu offers (the batch dialog takes any 1..100). */
  public static final int[] CHOICES = {100, 95, SaveOptions.DEFAULT_JPEG_QUALITY, 85, 75, 60};

  private OutputQuality() {}

  public static int get(Settings s) {
    return clamp((int) Math.round(s.getDouble(KEY, SaveOptions.DEFAULT_JPEG_QUALITY)));
  }

  public static void set(Settings s, int q) {
    s.putDouble(KEY, clamp(q));
  }

  static int clamp(int q) {
    return Math.max(1, Math.min(100, q));
  }

  /** "92", "100 (lossless WebP)" as the menu names a choice. */
  public static String label(int q) {
    return q >= 100
        ? "100 (lossless WebP, best JPEG)"
        : q == SaveOptions.DEFAULT_JPEG_QUALITY ? q + " (default)" : String.valueOf(q);
  }
}
