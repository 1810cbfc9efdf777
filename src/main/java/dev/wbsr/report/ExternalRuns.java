package dev.wbsr.report;

import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.report.ReportData.External;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the external anchor (waifu2x) on a set's LR inputs, the very images our bundles got, and
 * scores it with the same modcropped HR, Y channel and border shave as our rows ({@link
 * Evaluation}). Without an install every set gets a row that says why.
 */
final class ExternalRuns {

  /** The external row's system when the binary runs. */
  static final String WAIFU2X = Waifu2x.system(Optional.empty());

  /**
   * How far below bicubic interpolation of the same LR images an external upscaler may land before
   * its output counts as broken rather than measured. Seen here: {@code -g -1} of the npm package's
   * binary writes noise on this project's AVX-512 CPU (8.97 dB on Val-Classic x2, bicubic about
   * 30.8 dB), and a number like that would read as a quality result.
   */
  static final double BROKEN_BELOW_BICUBIC_DB = 1.0;

  private final Optional<Waifu2x.Located> located;
  private final String system;
  private final PrintWriter log;

  ExternalRuns(Optional<Path> waifu2xDir, PrintWriter log) {
    this(waifu2xDir, Optional.empty(), log);
  }

  /**
   * {@code executable}: run in the binary's place (same command line), with the folder's models.
   */
  ExternalRuns(Optional<Path> waifu2xDir, Optional<Path> executable, PrintWriter log) {
    this.located = waifu2xDir.map(d -> Waifu2x.locate(d, executable));
    this.system = Waifu2x.system(executable);
    this.log = log;
  }

  External waifu2x(int scale, String set, List<Evaluation.Sample> samples)
      throws InterruptedException {
    if (located.isEmpty()) {
      return External.missing(system, "not run (the report was given no waifu2x folder)");
    }
    if (located.get().tool().isEmpty()) {
      return External.missing(system, located.get().problem());
    }
    log.println(
        String.format(
            Locale.ROOT, "x%d %-12s waifu2x: %d image(s)...", scale, set, samples.size()));
    log.flush();
    External e = measure(located.get().tool().get(), scale, samples, system);
    log.println(
        e.measured()
            ? String.format(
                Locale.ROOT,
                "x%d %-12s %-10s PSNR-Y %.3f  SSIM-Y %.4f  %.3f MP/s",
                scale,
                set,
                "waifu2x",
                e.psnrY(),
                e.ssimY(),
                e.megapixelsPerSecond())
            : String.format(Locale.ROOT, "x%d %-12s waifu2x: %s", scale, set, e.problem()));
    return e;
  }

  private static External measure(
      Waifu2x tool, int scale, List<Evaluation.Sample> samples, String system)
      throws InterruptedException {
    Waifu2x.Output out;
    try {
      Path work = Files.createTempDirectory("wbsr-report-");
      try {
        out = tool.upscale(samples.stream().map(Evaluation.Sample::lr).toList(), scale, work);
      } finally {
        Files.deleteIfExists(work);
      }
    } catch (IOException | RuntimeException e) {
      return External.missing(system, "failed: " + e.getMessage());
    }
    List<Double> psnr = new ArrayList<>();
    double ssim = 0;
    long pixels = 0;
    for (int i = 0; i < samples.size(); i++) {
      Evaluation.Sample s = samples.get(i);
      psnr.add(ImageQuality.psnrY(out.images().get(i), s.hr(), s.scale()));
      ssim += ImageQuality.ssimY(out.images().get(i), s.hr(), s.scale());
      pixels += s.hr().pixelCount();
    }
    double mean = psnr.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double bicubic = bicubicPsnrY(samples);
    if (!(mean >= bicubic - BROKEN_BELOW_BICUBIC_DB)) {
      return External.missing(
          system,
          String.format(
              Locale.ROOT,
              "broken output: its images score %.3f dB PSNR-Y where bicubic interpolation of the"
                  + " same inputs scores %.3f dB, so they are not upscales of the inputs (the"
                  + " binary's CPU path `-g -1` writes noise on some CPUs)",
              mean,
              bicubic));
    }
    return new External(system, psnr, mean, ssim / samples.size(), out.seconds(), pixels, "");
  }

  /** Mean PSNR-Y of MATLAB-bicubic upscales of the LR inputs: the floor any upscaler clears. */
  static double bicubicPsnrY(List<Evaluation.Sample> samples) {
    double sum = 0;
    for (Evaluation.Sample s : samples) {
      RgbImage lr = s.lr();
      RgbImage up = Bicubic.resize(lr, lr.width() * s.scale(), lr.height() * s.scale());
      sum += ImageQuality.psnrY(up, s.hr(), s.scale());
    }
    return sum / samples.size();
  }
}
