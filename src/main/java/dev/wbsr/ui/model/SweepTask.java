package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.port.Metrics;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.RoutingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The trade-off sweep: the budget from 0.1 to 1 and ARM's eta over 0.5..32, each point routed,
 * run (mostly from the session's cache) and scored against the reference. Points already known are
 * skipped, so a sweep that yielded to the slider resumes where it stopped.
 */
final class SweepTask extends Task<Void> {

  static final double[] BUDGETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  static final double[] ETAS = {0.5, 1, 2, 4, 8, 16, 32};

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

  static List<Object[]> plan(boolean hasArm) {
    List<Object[]> plan = new ArrayList<>();
    plan.add(new Object[] {"WBSR paper rule", 0.0, RoutingRequest.of(RoutingMode.WBSR)});
    for (double b : BUDGETS) {
      plan.add(new Object[] {"WBSR budget", b, RoutingRequest.of(RoutingMode.WBSR).withBudget(b)});
    }
    if (hasArm) {
      for (double e : ETAS) {
        plan.add(new Object[] {"ARM", e, RoutingRequest.of(RoutingMode.ARM).withEta(e)});
      }
    }
    plan.add(new Object[] {"Bicubic", 0.0, RoutingRequest.of(RoutingMode.BICUBIC)});
    return plan;
  }

  @Override
  protected Void call() throws Exception {
    List<Object[]> plan = plan(doc.bundle().hasArm());
    RgbImage scratch = null;
    int i = 0;
    for (Object[] p : plan) {
      i++;
      String series = (String) p[0];
      double param = (Double) p[1];
      if (done.contains(key(series, param))) {
        continue;
      }
      updateMessage("Trade-off sweep: " + series + " " + param);
      updateProgress(i - 1, plan.size());
      RoutingRequest req = (RoutingRequest) p[2];
      Routing r = doc.session().route(req);
      RgbImage out;
      if (req.mode() == RoutingMode.BICUBIC) {
        out = metrics.upscale(doc.lr(), doc.bundle().scale());
      } else {
        if (scratch == null) {
          scratch = RgbImage.allocate(doc.outWidth(), doc.outHeight());
        }
        out = doc.session().run(r, scratch, (d, t) -> {}, this::isCancelled);
      }
      if (isCancelled()) {
        return null;
      }
      double psnr = metrics.psnrY(out, reference, doc.bundle().scale());
      SweepPoint pt = new SweepPoint(series, param, r.ratio(), psnr);
      Platform.runLater(() -> sink.accept(pt));
    }
    updateProgress(1, 1);
    return null;
  }
}
