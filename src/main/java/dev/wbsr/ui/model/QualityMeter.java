package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.Assignment;
import java.util.HashSet;
import java.util.Set;

/**
 * PSNR-Y/SSIM-Y of the routing mode's output and the trade-off sweep. The reference is the ground
 * truth in Evaluate mode; in Upscale mode the supernet (ClassSR: the widest branch), which costs a
 * full run of the largest network, so it is computed only when the user asks: the "Measure quality"
 * command, the trade-off chart, or showing the supernet beside the result. Until then the readout
 * says the quality is not measured yet. FX thread only.
 */
final class QualityMeter {

  private final Studio s;
  private final RenderScheduler renders;
  private Assignment pending;

  QualityMeter(Studio s, RenderScheduler renders) {
    this.s = s;
    this.renders = renders;
  }

  static String referenceName(Document d) {
    return d.mode() == WorkMode.EVALUATE ? "ground truth" : fullName(d);
  }

  /** What a bundle's largest network is called: ClassSR's widest branch, else the supernet. */
  static String fullName(Document d) {
    return Bundles.isClassSr(d.bundle()) ? "widest branch" : "supernet";
  }

  /** The "Measure quality" command: computes the reference if needed, then measures. */
  void measure() {
    s.readouts.measureWanted.set(true);
    maybeQuality();
  }

  /**
   * The reference when it is there or wanted; null otherwise (a wanted supernet is queued). The
   * supernet counts as there when it is already complete (the user compared against it).
   */
  private RgbImage reference(Document d, boolean wanted) {
    if (d.mode() == WorkMode.EVALUATE) {
      return d.groundTruth();
    }
    if (renders.isComplete(d, Variant.SUPERNET) && s.outputs.get(Variant.SUPERNET) != null) {
      return s.outputs.get(Variant.SUPERNET);
    }
    if (wanted) {
      renders.request(Variant.SUPERNET, false);
    }
    return null;
  }

  void maybeQuality() {
    Document d = s.document();
    Variant p = s.routing.primary();
    Assignment at = s.routing.routing.get();
    if (d == null
        || !renders.isComplete(d, p)
        || !Double.isNaN(s.readouts.readouts.get().psnr())
        || pending == at) {
      return;
    }
    RgbImage ref = reference(d, s.readouts.measureWanted.get() || s.readouts.sweepWanted.get());
    if (ref == null) {
      return;
    }
    pending = at;
    s.runInBackground(
        new QualityTask(s.outputs.get(p), ref, d.scale()) {
          @Override
          protected void succeeded() {
            if (d == s.document() && at == s.routing.routing.get()) {
              double[] v = getValue();
              s.readouts.readouts.set(
                  s.readouts.readouts.get().withQuality(v[0], v[1], referenceName(d)));
            }
          }

          @Override
          protected void failed() {
            s.reportError("Measuring failed: " + UserMessages.describe(getException()));
          }
        });
  }

  void maybeSweep() {
    Document d = s.document();
    if (!s.readouts.sweepWanted.get() || d == null) {
      return;
    }
    RgbImage ref = reference(d, true);
    if (ref == null) {
      return;
    }
    if (done().size() >= SweepTask.plan(d).size()) {
      return;
    }
    s.queue.request(
        JobQueue.SWEEP,
        () ->
            d != s.document()
                ? null
                : new SweepTask(
                    d,
                    ref,
                    done(),
                    pt -> {
                      if (d == s.document()) {
                        s.readouts.sweep.add(pt);
                      }
                    }),
        false);
  }

  private Set<String> done() {
    Set<String> out = new HashSet<>();
    for (SweepPoint p : s.readouts.sweep) {
      out.add(SweepTask.key(p.series(), p.parameter()));
    }
    return out;
  }
}
