package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.port.Metrics;
import javafx.concurrent.Task;

/** PSNR-Y and SSIM-Y of an output against a reference (border shave = scale). */
final class QualityTask extends Task<double[]> {

  private final Metrics metrics;
  private final RgbImage out;
  private final RgbImage ref;
  private final int shave;

  QualityTask(Metrics metrics, RgbImage out, RgbImage ref, int shave) {
    this.metrics = metrics;
    this.out = out;
    this.ref = ref;
    this.shave = shave;
  }

  @Override
  protected double[] call() {
    updateMessage("Measuring PSNR-Y / SSIM-Y…");
    return new double[] {metrics.psnrY(out, ref, shave), metrics.ssimY(out, ref, shave)};
  }
}
