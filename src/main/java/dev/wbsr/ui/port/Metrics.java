package dev.wbsr.ui.port;

import dev.wbsr.image.RgbImage;

/** MATLAB-style bicubic resizing and Y-channel metrics with the border shave. */
public interface Metrics {

  RgbImage downscale(RgbImage hr, int scale);

  RgbImage upscale(RgbImage lr, int scale);

  /** Crops to a multiple of scale. */
  RgbImage modcrop(RgbImage img, int scale);

  double psnrY(RgbImage a, RgbImage b, int shave);

  double ssimY(RgbImage a, RgbImage b, int shave);
}
