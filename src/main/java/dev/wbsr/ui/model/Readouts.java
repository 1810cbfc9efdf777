package dev.wbsr.ui.model;

/**
 * The numbers of the status bar. {@code psnr}/{@code ssim} are NaN until known; {@code reference}
 * says what they were measured against ("ground truth", "supernet" or, for ClassSR, "widest
 * branch"); {@code full} names the network the FLOPs are compared with ("supernet" or "widest
 * branch"); {@code patchesShort} is the status bar's short form of {@code patchesPerSubnet}; {@code
 * timePercent} is the routing's share of the supernet's measured time on this machine when the
 * budget counts time (issue 17), else NaN.
 */
public record Readouts(
    double psnr,
    double ssim,
    String reference,
    double gflops,
    double gflopsSupernet,
    String patchesPerSubnet,
    String patchesShort,
    double seconds,
    String device,
    String mode,
    String full,
    double timePercent) {

  public static final Readouts EMPTY =
      new Readouts(
          Double.NaN, Double.NaN, "", 0, 0, "", "", Double.NaN, "", "", "supernet", Double.NaN);

  public double percent() {
    return gflopsSupernet <= 0 ? 0 : 100 * gflops / gflopsSupernet;
  }

  public String qualityText() {
    if (Double.isNaN(psnr)) {
      return reference.isEmpty() ? "PSNR-Y —" : "PSNR-Y not measured yet (vs " + reference + ")";
    }
    String p = Double.isInfinite(psnr) ? "∞" : String.format("%.2f dB", psnr);
    return String.format("PSNR-Y %s · SSIM-Y %.4f (vs %s)", p, ssim, reference);
  }

  public String flopsText() {
    if (gflopsSupernet <= 0) {
      return "GFLOPs —";
    }
    // x4 on a large photo runs into thousands of GFLOPs: TFLOPs then, both numbers in one unit
    boolean tera = gflopsSupernet >= 1000;
    double u = tera ? 1000 : 1;
    return String.format(
                "%s %.2f %s · %s %.2f (%.0f%%)",
                mode.isEmpty() ? "" : mode,
                gflops / u,
                tera ? "TFLOPs" : "GFLOPs",
                full,
                gflopsSupernet / u,
                percent())
            .trim()
        + (Double.isNaN(timePercent)
            ? ""
            : String.format(" · time %.0f%% of the %s's here", timePercent, full));
  }

  /** The routing's share of the supernet's measured time (NaN: the budget counts FLOPs). */
  public Readouts withTimeShare(double pct) {
    return new Readouts(
        psnr,
        ssim,
        reference,
        gflops,
        gflopsSupernet,
        patchesPerSubnet,
        patchesShort,
        seconds,
        device,
        mode,
        full,
        pct);
  }

  public Readouts withQuality(double p, double s, String ref) {
    return new Readouts(
        p,
        s,
        ref,
        gflops,
        gflopsSupernet,
        patchesPerSubnet,
        patchesShort,
        seconds,
        device,
        mode,
        full,
        timePercent);
  }

  public Readouts withCost(String m, double g, double gs, String pps) {
    return withCost(m, g, gs, pps, pps, full);
  }

  /**
   * The cost of the current routing; {@code pps} lists the patches per subnet, {@code ppsShort}
   * says it in a few words, {@code fullName} is what {@code gs} is the FLOPs of.
   */
  public Readouts withCost(
      String m, double g, double gs, String pps, String ppsShort, String fullName) {
    return new Readouts(
        psnr, ssim, reference, g, gs, pps, ppsShort, seconds, device, m, fullName, timePercent);
  }

  public Readouts withTime(double s, String dev) {
    return new Readouts(
        psnr,
        ssim,
        reference,
        gflops,
        gflopsSupernet,
        patchesPerSubnet,
        patchesShort,
        s,
        dev,
        mode,
        full,
        timePercent);
  }
}
