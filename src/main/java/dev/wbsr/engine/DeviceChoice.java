package dev.wbsr.engine;

import java.util.Locale;

/** The {@code --device} option. */
public enum DeviceChoice {
  /** CUDA when the CUDA provider works, otherwise CPU. */
  AUTO,
  CPU,
  /** CUDA; falls back to CPU with a warning when it is not available. */
  GPU;

  public static DeviceChoice parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown device '" + s + "' (expected auto, cpu or gpu)");
    }
  }
}
