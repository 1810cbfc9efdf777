package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.Budget;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The trade-off sweep: the budget from 0.1 to 1 and ARM's eta over 0.5..32, each point routed, run
 * (mostly from the session's cache) and scored against the reference, plus one ClassSR point when
 * the document is a ClassSR one or has a ClassSR companion of the same scale. FLOPs are a fraction
 * of the document's own supernet (ClassSR: widest branch) on this image, so all points share one
 * axis. Points already known are skipped, so a sweep that yielded to the slider resumes where it
 * stopped.
 */
final class SweepTask extends Task<Void> {

  static final double[] BUDGETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  static final double[] ETAS = {0.5, 1, 2, 4, 8, 16, 32};
  static final String CLASSSR = "ClassSR";

  /** One point to compute: its series and parameter (the chart's key) and its routing. */
  record Step(String series, double parameter, RoutingPolicy request) {
    String key() {
      return SweepTask.key(series, parameter);
    }
  }

  private final Document doc;
  private final RgbImage reference;
  private final Set<String> done;
  private final Consumer<SweepPoint> sink;

  SweepTask(Document doc, RgbImage reference, Set<String> done, Consumer<SweepPoint> sink) {
    this.doc = doc;
    this.reference = reference;
    this.done = Set.copyOf(done);
    this.sink = sink;
  }

  static String key(String series, double p) {
    return series + "@" + p;
  }

  static List<Step> plan(Document d) {
    List<Step> plan = new ArrayList<>();
    boolean classSr = Bundles.isClassSr(d.bundle());
    if (!classSr) {
      plan.add(new Step("WBSR paper rule", 0.0, RoutingMode.WBSR.policy()));
      for (double b : BUDGETS) {
        plan.add(new Step("WBSR budget", b, new RoutingPolicy.Wbsr(new Budget.Fraction(b))));
      }
      if (Bundles.hasArm(d.bundle())) {
        for (double e : ETAS) {
          plan.add(new Step("ARM", e, new RoutingPolicy.Arm(e)));
        }
      }
    }
    if (classSr || d.foreign(Variant.CLASSSR)) {
      plan.add(new Step(CLASSSR, 0.0, RoutingMode.CLASSSR.policy()));
    }
    plan.add(new Step("Bicubic", 0.0, RoutingMode.BICUBIC.policy()));
    return plan;
  }

  @Override
  protected Void call() throws Exception {
    List<Step> plan = plan(doc);
    double ownSupernet = doc.session().plan(RoutingMode.BICUBIC.policy()).supernetFlops();
    RgbImage scratch = null;
    int i = 0;
    for (Step p : plan) {
      i++;
      if (done.contains(p.key())) {
        continue;
      }
      updateMessage(
          "Trade-off sweep: " + p.series() + (p.parameter() == 0 ? "" : " " + p.parameter()));
      updateProgress(i - 1, plan.size());
      RoutingPolicy req = p.request();
      RoutingMode mode = RoutingMode.of(req);
      UpscaleSession session = doc.sessionFor(Variant.of(mode));
      Assignment r = session.plan(req);
      RgbImage out;
      if (mode == RoutingMode.BICUBIC) {
        out = Bicubic.resize(doc.lr(), doc.scale());
      } else {
        if (scratch == null) {
          scratch = RgbImage.allocate(doc.outWidth(), doc.outHeight());
        }
        out = Renders.run(session, r, scratch, (d, t) -> {}, this::isCancelled);
      }
      if (isCancelled()) {
        return null;
      }
      double psnr = ImageQuality.psnrY(out, reference, doc.scale());
      double ratio = ownSupernet <= 0 ? r.flopsRatio() : r.paperFlops() / ownSupernet;
      SweepPoint pt = new SweepPoint(p.series(), p.parameter(), ratio, psnr);
      Platform.runLater(() -> sink.accept(pt));
    }
    updateProgress(1, 1);
    return null;
  }
}
