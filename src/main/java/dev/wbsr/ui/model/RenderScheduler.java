package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.Focus;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleSession;
import dev.wbsr.timing.SubnetTimes;
import dev.wbsr.ui.viewer.CompareMode;
import javafx.concurrent.Task;

/**
 * Keeps what is derived from the routing in step with the controls: routes at once (pure, no
 * inference) so the class table, maps and FLOPs follow the slider, then queues renders of the
 * variants on screen. Each render recomputes only the patches whose subnet changed (the core's
 * session keeps the others and caches what it replaced). FX thread only.
 */
final class RenderScheduler {

  private final Studio s;
  private QualityMeter quality;
  private Focus focus;

  RenderScheduler(Studio s) {
    this.s = s;
  }

  void setQuality(QualityMeter q) {
    quality = q;
  }

  /**
   * The part of the image on screen (SR pixels; null for none): renders compute it first, and a
   * move while one runs re-prioritises what it has left (issue 15).
   */
  void focus(Focus f) {
    focus = f;
    Document d = s.document();
    if (d != null) {
      d.focus(f);
    }
  }

  /** The routing of {@code v} now; null while the companion's session is not open yet. */
  Assignment routingFor(Document d, Variant v) {
    RoutingMode m = v.mode() == null ? RoutingMode.BICUBIC : v.mode();
    UpscaleSession session = d.openSessionFor(v);
    return session == null ? null : session.plan(s.routing.policyFor(m));
  }

  /** A knob of mode {@code m} moved: reroute when it is the mode shown, else refresh the sides. */
  void onPolicyKnob(RoutingMode m) {
    if (s.routing.mode.get() == m) {
      reroute();
    } else {
      refreshSources();
    }
  }

  /** Routes at once (cheap) so table, subnet map and FLOPs follow the slider, then renders. */
  void reroute() {
    Document d = s.document();
    RoutingMode mode = s.routing.mode.get();
    if (d == null || !mode.isOfferedBy(d.bundle()) || d.bundle() != s.routing.bundle.get()) {
      return; // the document for the new bundle is on its way
    }
    if (mode == RoutingMode.ARM && !Bundles.hasArm(d.bundle())) {
      s.reportError("Bundle " + d.bundle().name() + " has no ARM table; using WBSR.");
      s.routing.mode.set(RoutingMode.WBSR);
      return;
    }
    Assignment r = d.session().plan(s.routing.policyFor(mode));
    s.routing.routing.set(r);
    s.routing.classRows.setAll(RoutingSummary.classRows(d.bundle(), d.analysis(), r));
    s.readouts.readouts.set(
        s.readouts
            .readouts
            .get()
            .withCost(
                mode.label(),
                r.paperFlops() / 1e9,
                r.supernetFlops() / 1e9,
                RoutingSummary.patchesPerSubnet(d.bundle(), r),
                RoutingSummary.patchesShort(d.bundle(), r),
                QualityMeter.fullName(d))
            .withTimeShare(
                mode == RoutingMode.WBSR && s.routing.byTimeNow()
                    ? 100 * s.routing.costRatio(r)
                    : Double.NaN)
            .withQuality(Double.NaN, Double.NaN, QualityMeter.referenceName(d)));
    s.overlay.refresh(d, r);
    refreshSources();
    if (s.routing.timesMissing() && RoutingMode.WBSR.isOfferedBy(d.bundle())) {
      measureTimes(d.bundle());
    }
  }

  /**
   * Measures (or reads from the per-machine cache) what each subnet of {@code b} costs here, on the
   * engine thread ahead of the renders, then routes again by time. A failure says so and goes back
   * to counting FLOPs.
   */
  private void measureTimes(ModelBundle b) {
    s.queue.request(
        "times",
        () ->
            new Task<SubnetTimes>() {
              {
                updateMessage("Measuring " + b.name() + "'s subnets on this machine…");
              }

              @Override
              protected SubnetTimes call() {
                return s.core.subnetTimes(b);
              }

              @Override
              protected void succeeded() {
                s.routing.measured.put(RoutingState.key(b), getValue());
                if (b == s.routing.bundle.get()) {
                  s.routing.timesFor(b);
                  Document d = s.document();
                  if (d != null && d.bundle() == b) {
                    s.routing.measureScale(d);
                  }
                  reroute();
                }
              }

              @Override
              protected void failed() {
                s.reportError(
                    "Could not time "
                        + b.name()
                        + "'s subnets on this machine ("
                        + UserMessages.describe(getException())
                        + "); the budget counts FLOPs.");
                s.routing.budgetByTime.set(false);
              }
            },
        true);
  }

  void refreshOverlay() {
    s.overlay.refresh(s.document(), s.routing.routing.get());
  }

  /** Shows what each side has now and queues what is missing (the routing mode's variant first). */
  void refreshSources() {
    Document d = s.document();
    if (d != null) {
      d.focus(focus); // a new document starts from where the user looks
    }
    s.compare.showPixels(s.outputs, d);
    s.compare.showLabels(d);
    if (d == null
        || d.bundle() != s.routing.bundle.get()
        || !s.routing.mode.get().isOfferedBy(d.bundle())) {
      return; // the document for the new bundle is on its way
    }
    request(s.routing.primary(), true);
    request(s.compare.leftVariant.get(), false);
    if (s.compare.mode.get() != CompareMode.SINGLE) {
      request(s.compare.rightVariant.get(), false);
    }
    quality.maybeQuality();
  }

  boolean isComplete(Document d, Variant v) {
    return s.outputs.isComplete(
        v, v == Variant.INPUT || v == Variant.GROUND_TRUTH ? null : routingFor(d, v));
  }

  void request(Variant v, boolean urgent) {
    Document d = s.document();
    if (d == null || !VariantOutputs.available(d, v) || isComplete(d, v)) {
      return;
    }
    if (s.outputs.hasFailed(v, routingFor(d, v))) {
      return; // reported once; retried when the routing or the document changes
    }
    if (s.queue.runningProperty().get() instanceof RenderTask rt
        && rt.doc == d
        && rt.variant == v
        && (v.fixedRouting() || Renders.same(rt.routing, routingFor(d, v)))) {
      return;
    }
    s.queue.request(v.name(), () -> createRender(v), urgent);
  }

  private Task<?> createRender(Variant v) {
    Document d = s.document();
    if (d == null || isComplete(d, v)) {
      return null;
    }
    Assignment r = routingFor(d, v);
    RgbImage target = s.outputs.get(v);
    boolean fresh = target == null && v.inferred();
    if (fresh) {
      try {
        target = RgbImage.allocate(d.outWidth(), d.outHeight());
      } catch (OutOfMemoryError | IllegalArgumentException e) {
        s.reportError(
            "Not enough memory to show "
                + v.label()
                + " of "
                + d.name()
                + " ("
                + d.outWidth()
                + "×"
                + d.outHeight()
                + "): "
                + UserMessages.describe(e));
        return null;
      }
      s.outputs.put(v, target);
      s.compare.showPixels(s.outputs, d);
    }
    RoutingPolicy policy = s.routing.policyFor(v.mode() == null ? RoutingMode.BICUBIC : v.mode());
    RenderTask task =
        new RenderTask(d, v, policy, r, target, fresh, () -> s.compare.postRevisionIfShown(v)) {
          @Override
          protected void succeeded() {
            s.compare.renderEnded(this);
            rendered(this);
          }

          @Override
          protected void cancelled() {
            s.compare.renderEnded(this);
          }

          @Override
          protected void failed() {
            s.compare.renderEnded(this);
            s.outputs.failed(v, routing);
            s.reportError(
                VariantOutputs.name(d, v) + " failed: " + UserMessages.describe(getException()));
          }
        };
    s.compare.renderStarted(task, VariantOutputs.name(d, v));
    return task;
  }

  private void rendered(RenderTask t) {
    if (t.doc != s.document()) {
      return;
    }
    s.outputs.completed(t.variant, t.routing, t.getValue());
    s.compare.showPixels(s.outputs, t.doc);
    s.compare.bumpRevision();
    if (t.variant == s.routing.primary()) {
      s.readouts.readouts.set(s.readouts.readouts.get().withTime(t.seconds, s.core.device()));
      // the sample's result is a demonstration, not the user's work: no unsaved mark, no question
      s.source.dirty.set(!t.doc.loaded().sample());
    }
    refreshSources();
    quality.maybeSweep();
  }
}
