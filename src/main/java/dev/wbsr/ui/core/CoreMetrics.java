package dev.wbsr.ui.core;

import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.metrics.ModCrop;
import dev.wbsr.ui.port.Metrics;

/** MATLAB-compatible bicubic, modcrop, PSNR-Y and SSIM-Y from {@code dev.wbsr.metrics}. */
final class CoreMetrics implements Metrics {

  @Override
  public RgbImage downscale(RgbImage hr, int scale) {
    return Bicubic.downscale(hr, scale);
  }

  @Override
  public RgbImage upscale(RgbImage lr, int scale) {
    return Bicubic.resize(lr, scale);
  }

  @Override
  public RgbImage modcrop(RgbImage img, int scale) {
    return ModCrop.apply(img, scale);
  }

  @Override
  public double psnrY(RgbImage a, RgbImage b, int shave) {
    return ImageQuality.psnrY(a, b, shave);
  }

  @Override
  public double ssimY(RgbImage a, RgbImage b, int shave) {
    return ImageQuality.ssimY(a, b, shave);
  }
}
