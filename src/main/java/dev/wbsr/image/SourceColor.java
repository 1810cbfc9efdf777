package dev.wbsr.image;

/** How a file stored its colour, before conversion to 8-bit sRGB. */
public enum SourceColor {
  GRAY,
  PALETTE,
  RGB,
  CMYK,
  /** Anything else a reader hands back (YCbCr TIFF, Lab, multichannel PSD, ...). */
  OTHER
}
