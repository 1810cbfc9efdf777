package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.Focus;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Rectangle2D;

/**
 * The main view-model: the commands, and the wiring that keeps everything derived in step with what
 * the user sets. The state lives in smaller view-models by subject ({@link SourceState}, {@link
 * RoutingState}, {@link CompareState}, {@link OverlayState}, {@link ReadoutState}); the work is
 * done by parts with one job each: {@link BundleChoice} (bundles), {@link DocumentLoader} (the
 * document's life cycle), {@link RenderScheduler} (routing and renders) and {@link QualityMeter}
 * (quality and the trade-off sweep). All state changes on the FX thread.
 */
public final class StudioModel {

  private final Studio s;
  private final BundleChoice catalog;
  private final DocumentLoader documents;
  private final RenderScheduler renders;
  private final QualityMeter quality;
  private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark", false);
  private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device", "auto");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

  public StudioModel(StudioCore core, Settings settings) {
    s = new Studio(core, settings);
    catalog = new BundleChoice(s);
    renders = new RenderScheduler(s);
    quality = new QualityMeter(s, renders);
    renders.setQuality(quality);
    documents = new DocumentLoader(s, this::installed);
    restore();
    s.routing.mode.addListener(
        (o, was, now) -> {
          s.compare.leftVariant.set(Variant.of(now));
          renders.reroute();
        });
    s.routing.budget.addListener((o, was, now) -> renders.onPolicyKnob(RoutingMode.WBSR));
    s.routing.eta.addListener((o, was, now) -> renders.onPolicyKnob(RoutingMode.ARM));
    s.routing.budgetByTime.addListener(
        (o, was, now) -> {
          saveSettings();
          Document d = s.document();
          if (d != null && d.bundle() == s.routing.bundle.get()) {
            s.routing.measureScale(d);
          }
          renders.reroute();
        });
    s.overlay.kind.addListener(o -> renders.refreshOverlay());
    s.source.workMode.addListener(o -> documents.prepare());
    s.routing.bundle.addListener(
        (o, was, now) -> {
          if (now != null && !now.equals(was)) {
            s.routing.timesFor(now);
            s.routing.fitModeTo(was, now);
            documents.prepare();
          }
        });
    s.compare.leftVariant.addListener(o -> renders.refreshSources());
    s.compare.rightVariant.addListener(o -> renders.refreshSources());
    s.compare.mode.addListener(o -> renders.refreshSources());
    s.readouts.sweepWanted.addListener(o -> quality.maybeSweep());
    device.addListener(
        (o, was, now) -> {
          s.core.setDevice(now);
          saveSettings();
          documents.prepare();
        });
    s.source.document.addListener(
        o -> s.compare.offerChoicesFor(s.document(), s.routing.primary()));
    for (Observable o :
        new Observable[] {
          s.source.workMode,
          s.routing.bundle,
          s.routing.mode,
          s.overlay.kind,
          s.compare.mode,
          s.compare.rightVariant,
          dark
        }) {
      o.addListener(x -> saveSettings());
    }
  }

  private void installed() {
    s.routing.measureScale(s.document());
    renders.reroute();
    String ran = s.core.device();
    if ("gpu".equals(device.get()) && !ran.startsWith("cuda")) {
      reportError(
          "CUDA is not available here (no usable GPU, driver or CUDA build of ONNX Runtime); "
              + "running on the CPU instead.");
    }
  }

  // ---- Commands ------------------------------------------------------------------------------

  /** Where errors go (the view shows them in a dialog); every error is also logged. */
  public void setErrorSink(Consumer<String> sink) {
    s.setErrorSink(sink);
  }

  public void reportError(String message) {
    s.reportError(message);
  }

  /** Finds the bundles under the given folders and selects the saved or the default x2 one. */
  public void discoverBundles(List<Path> roots) {
    catalog.discover(roots);
  }

  /** Adds a bundle folder chosen by the user; a broken one is reported, not thrown. */
  public void addBundleFolder(Path dir) {
    catalog.addFolder(dir);
  }

  /**
   * Switches the routing mode when the bundle offers it (the W, S, A, C, B keys); otherwise says in
   * the status bar which modes it offers.
   */
  public void selectMode(RoutingMode m) {
    var b = s.routing.bundle.get();
    if (b == null || m.isOfferedBy(b)) {
      s.routing.mode.set(m);
      notice.set("");
    } else {
      notice.set(RoutingState.modesOffered(b));
    }
  }

  /** Moves the WBSR budget by {@code delta} (the [ and ] keys); ClassSR bundles have no budget. */
  public void nudgeBudget(double delta) {
    var b = s.routing.bundle.get();
    if (b != null && !RoutingMode.WBSR.isOfferedBy(b)) {
      selectMode(RoutingMode.WBSR);
      return;
    }
    s.routing.mode.set(RoutingMode.WBSR);
    s.routing.budget.set(s.routing.nudged(delta));
  }

  /** Opens an image file in the background; an unreadable file ends in a message. */
  public void open(Path file) {
    documents.open(file, false);
  }

  /** Opens the bundled sample photo (not added to Open Recent; its result is never "unsaved"). */
  public void openSample(Path file) {
    documents.open(file, true);
  }

  /**
   * Opens the first of {@code files} (the app's command line, "Open with"); the others that exist
   * go to Open Recent (in order, below the first) and {@link #noticeProperty()} says so.
   */
  public void openFiles(List<Path> files) {
    if (!files.isEmpty()) {
      notice.set(documents.openFiles(files));
    }
  }

  /** Uses an image that is already decoded (paste, drag of pixels, tests). */
  public void openLoaded(SourceImage img) {
    documents.openLoaded(img);
  }

  /**
   * Measures PSNR-Y/SSIM-Y of the result; in Upscale mode against the supernet, which runs once for
   * this (the app never runs it unasked).
   */
  public void measureQuality() {
    quality.measure();
  }

  /**
   * The part of the image the viewer shows, in output pixels (null: none in particular): renders
   * compute it first, and a move during a render re-prioritises what is left.
   */
  public void showRegion(Rectangle2D r) {
    s.compare.showRegion(r);
    renders.focus(
        r == null
            ? null
            : new Focus(
                (int) Math.floor(r.getMinX()),
                (int) Math.floor(r.getMinY()),
                (int) Math.ceil(r.getWidth()) + 1,
                (int) Math.ceil(r.getHeight()) + 1));
  }

  public void cancel() {
    s.queue.cancelAll();
    Task<?> a = s.auxTask.get();
    if (a != null) {
      a.cancel();
    }
  }

  public void markSaved() {
    s.source.dirty.set(false);
  }

  /** True when a computed result of the user's own image is not saved yet (quitting asks). */
  public boolean hasUnsavedResult() {
    return s.source.dirty.get();
  }

  public void shutdown() {
    saveSettings();
    s.queue.cancelAll();
    documents.closeAll();
    s.engineExec.execute(s.core::close);
    s.engineExec.shutdown();
    s.auxExec.shutdownNow();
  }

  public void saveSettings() {
    s.source.save(s.settings);
    s.routing.save(s.settings);
    s.overlay.save(s.settings);
    s.compare.save(s.settings);
    s.settings.putBoolean("dark", dark.get());
    s.settings.put("device", device.get());
    s.settings.flush();
  }

  private void restore() {
    s.source.restore(s.settings);
    s.routing.restore(s.settings);
    s.compare.restore(s.settings, s.routing.primary());
    s.overlay.restore(s.settings);
    dark.set(s.settings.getBoolean("dark", false));
    device.set(s.settings.get("device", "auto"));
    s.core.setDevice(device.get());
  }

  public void runInBackground(Task<?> t) {
    s.runInBackground(t);
  }

  // ---- Accessors -----------------------------------------------------------------------------

  public StudioCore core() {
    return s.core;
  }

  public Settings settings() {
    return s.settings;
  }

  /** The output of a variant as it stands now (may be partial while it renders). */
  public RgbImage output(Variant v) {
    Document d = s.document();
    if (d == null) {
      return null;
    }
    return switch (v) {
      case INPUT -> d.lr();
      case GROUND_TRUTH -> d.groundTruth();
      default -> s.outputs.get(v);
    };
  }

  public boolean isComplete(Variant v) {
    Document d = s.document();
    return d != null && renders.isComplete(d, v);
  }

  /** True when nothing runs or waits (tests poll it). */
  public boolean isIdle() {
    Task<?> a = s.auxTask.get();
    boolean auxIdle =
        a == null
            || a.getState() != Worker.State.RUNNING
                && a.getState() != Worker.State.SCHEDULED
                && a.getState() != Worker.State.READY;
    return s.queue.idle() && auxIdle;
  }

  public String hoverText(double x, double y) {
    Document d = s.document();
    if (d == null) {
      return null;
    }
    return RoutingSummary.hover(
        d.bundle(), d.analysis(), s.routing.routing.get(), d.patchAtOutput(x, y));
  }

  public SourceState source() {
    return s.source;
  }

  public RoutingState routingState() {
    return s.routing;
  }

  public CompareState compare() {
    return s.compare;
  }

  public OverlayState overlay() {
    return s.overlay;
  }

  public ReadoutState readoutState() {
    return s.readouts;
  }

  public ReadOnlyBooleanProperty darkProperty() {
    return dark.getReadOnlyProperty();
  }

  public void setDark(boolean v) {
    dark.set(v);
  }

  /** The device asked for: "auto", "cpu" or "gpu" (what ran is the core's {@code device()}). */
  public ReadOnlyStringProperty deviceProperty() {
    return device.getReadOnlyProperty();
  }

  public void setDevice(String v) {
    device.set(v);
  }

  /** A short note for the status bar (e.g. where the other files given at start-up went). */
  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Task<?>> engineTaskProperty() {
    return s.queue.runningProperty();
  }

  public ReadOnlyObjectProperty<Task<?>> auxTaskProperty() {
    return s.auxTask.getReadOnlyProperty();
  }

  /**
   * The name of a variant for the current document, e.g. "ClassSR (classsr-x2)", "Widest branch".
   */
  public String variantName(Variant v) {
    return VariantOutputs.name(s.document(), v);
  }
}
