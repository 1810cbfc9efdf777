package dev.wbsr.report;

import dev.wbsr.model.Manifest;
import dev.wbsr.model.ValidationScores;
import dev.wbsr.report.ReportData.BundleStatus;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The cross-check of the Java measurements with the PyTorch ones that the export wrote into each
 * manifest ({@link dev.wbsr.model.ValidationScores}).
 */
final class CrossCheckSection extends MarkdownWriter {

  CrossCheckSection(ReportData data, StringBuilder md) {
    super(data, md);
  }

  void write() {
    line("## Cross-check with the training side");
    line();
    line(
        "`training.wbsr.export` measured each bundle in PyTorch on the same sets, running every"
            + " subnet on the whole image and compositing routed results per tile (manifest"
            + " `validation`). The Java pipeline runs tiles with a context margin instead; at the"
            + " report's margin the two should agree to about 0.001 dB, and a large difference"
            + " would mean a bug on one side.");
    line();
    line("| bundle | set | quantity | PyTorch (export) | Java (this report) | difference |");
    line("|---|---|---|---|---|---|");
    boolean any = false;
    for (ScaleData s : data.scales()) {
      for (BundleStatus b : s.bundles()) {
        if (b.bundle().isEmpty()) {
          continue;
        }
        Manifest m = b.bundle().get().manifest();
        for (SetData set : s.sets()) {
          ValidationScores v = m.validationScores().get(set.set());
          if (v == null) {
            continue;
          }
          String routed = v.routedMode();
          any |=
              check(
                  m,
                  set,
                  "supernet PSNR-Y",
                  v.supernetPsnrY(),
                  set.run(b.role(), "supernet").map(r -> r.mean().psnrY()),
                  3);
          any |=
              check(
                  m,
                  set,
                  routed + " PSNR-Y",
                  v.routedPsnrY(),
                  set.run(b.role(), routed).map(r -> r.mean().psnrY()),
                  3);
          any |=
              check(
                  m,
                  set,
                  routed + " FLOPs ratio",
                  v.routedFlopsRatio(),
                  set.run(b.role(), routed).map(r -> r.mean().flopsRatio()),
                  4);
        }
      }
    }
    if (!any) {
      line("| - | - | - | - | - | - |");
    }
    line();
  }

  /** One row, when both sides measured the quantity; {@code decimals} places. */
  private boolean check(
      Manifest m,
      SetData set,
      String what,
      OptionalDouble python,
      Optional<Double> java,
      int decimals) {
    if (python.isEmpty() || java.isEmpty()) {
      return false;
    }
    double py = python.getAsDouble();
    row(
        List.of(
            "`" + m.name() + "`",
            title(set.set()),
            what,
            Decimals.fixed(py, decimals),
            Decimals.fixed(java.get(), decimals),
            f("%+." + decimals + "f", java.get() - py)));
    return true;
  }
}
