package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.ImageQuality;
import javafx.concurrent.Task;

/** PSNR-Y and SSIM-Y of an output against a reference (border shave = scale). */
class QualityTask extends Task<double[]> {

  private final RgbImage out;
  private final RgbImage ref;
  private final int shave;

  QualityTask(RgbImage out, RgbImage ref, int shave) {
    this.out = out;
    this.ref = ref;
    this.shave = shave;
  }

  @Override
  protected double[] call() {
    updateMessage("Measuring PSNR-Y / SSIM-Y…");
    return new double[] {ImageQuality.psnrY(out, ref, shave), ImageQuality.ssimY(out, ref, shave)};
  }
}
