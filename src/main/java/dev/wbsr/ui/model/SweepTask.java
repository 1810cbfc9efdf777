package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.Budget;
import dev.wbsr.ui.port.Metrics;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.RoutingRequest;
import dev.wbsr.ui.port.UpscaleSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The trade-off sweep: the budget from 0.1 to 1 and ARM's eta over 0.5..32, each point routed,
 * run (mostly from the session's cache) and scored against the reference, plus one ClassSR point
 * when the document is a ClassSR one or has a ClassSR companion of the same scale. FLOPs are a
 * fraction of the document's own supernet (ClassSR: widest branch) on this image, so all points
 * share one axis. Points already known are skipped, so a sweep that yielded to the slider resumes
 * where it stopped.
 */
final class SweepTask extends Task<Void> {

  static final double[] BUDGETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  static final double[] ETAS = {0.5, 1, 2, 4, 8, 16, 32};
  static final String CLASSSR = "ClassSR";

  /** One point to compute: its series and parameter (the chart's key) and its routing. */
  record Step(String series, double parameter, RoutingRequest request) {
    String key() {
      return SweepTask.key(series, parameter);
    }
  }

  private final Document doc;
  private final Metrics metrics;
  private final RgbImage reference;
  private final Set<String> done;
  private final Consumer<SweepPoint> sink;

  SweepTask(Document doc, Metrics metrics, RgbImage reference, Set<String> done,
      Consumer<SweepPoint> sink) {
    this.doc = doc;
    this.metrics = metrics;
    this.reference = reference;
    this.done = Set.copyOf(done);
    this.sink = sink;
  }

  static String key(String series, double p) {
    return series + "@" + p;
  }

  static List<Step> plan(Document d) {
    List<Step> plan = new ArrayList<>();
    boolean classSr = d.bundle().isClassSr();
    if (!classSr) {
      plan.add(new Step("WBSR paper rule", 0.0, RoutingRequest.of(RoutingMode.WBSR)));
      for (double b : BUDGETS) {
        plan.add(new Step("WBSR budget", b, RoutingRequest.of(RoutingMode.WBSR).withBudget(new Budget.Fraction(b))));
      }
      if (d.bundle().hasArm()) {
        for (double e : ETAS) {
          plan.add(new Step("ARM", e, RoutingRequest.of(RoutingMode.ARM).withEta(e)));
        }
      }
    }
    if (classSr || d.foreign(Variant.CLASSSR)) {
      plan.add(new Step(CLASSSR, 0.0, RoutingRequest.of(RoutingMode.CLASSSR)));
    }
    plan.add(new Step("Bicubic", 0.0, RoutingRequest.of(RoutingMode.BICUBIC)));
    return plan;
  }

  @Override
  protected Void call() throws Exception {
    List<Step> plan = plan(doc);
    double ownSupernet = doc.session().route(RoutingRequest.of(RoutingMode.BICUBIC)).flopsSupernet();
    RgbImage scratch = null;
    int i = 0;
    for (Step p : plan) {
      i++;
      if (done.contains(p.key())) {
        continue;
      }
      updateMessage("Trade-off sweep: " + p.series() + (p.parameter() == 0 ? "" : " " + p.parameter()));
      updateProgress(i - 1, plan.size());
      RoutingRequest req = p.request();
      UpscaleSession session = doc.sessionFor(Variant.of(req.mode()));
      Routing r = session.route(req);
      RgbImage out;
      if (req.mode() == RoutingMode.BICUBIC) {
        out = metrics.upscale(doc.lr(), doc.bundle().scale());
      } else {
        if (scratch == null) {
          scratch = RgbImage.allocate(doc.outWidth(), doc.outHeight());
        }
        out = session.run(r, scratch, (d, t) -> {}, this::isCancelled);
      }
      if (isCancelled()) {
        return null;
      }
      double psnr = metrics.psnrY(out, reference, doc.bundle().scale());
      double ratio = ownSupernet <= 0 ? r.ratio() : r.flops() / ownSupernet;
      SweepPoint pt = new SweepPoint(p.series(), p.parameter(), ratio, psnr);
      Platform.runLater(() -> sink.accept(pt));
    }
    updateProgress(1, 1);
    return null;
  }
}
