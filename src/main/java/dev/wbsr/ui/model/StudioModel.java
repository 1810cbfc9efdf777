package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.metrics.ModCrop;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleSession;
import dev.wbsr.ui.viewer.CompareMode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The main view-model: commands and the pipeline that keeps everything derived (document, routing,
 * class table, overlay, outputs per variant, readouts, trade-off sweep) in step with what the user
 * sets. The state lives in smaller view-models by subject: {@link SourceState} (the image and its
 * document), {@link RoutingState} (bundle, mode, budget and the routing), {@link CompareState} (the
 * viewer's sides), {@link OverlayState} and {@link ReadoutState}. All state changes on the FX thread;
 * inference runs on one engine thread through a {@link JobQueue}, reading and measuring on an
 * auxiliary thread.
 */
public final class StudioModel {

  private final StudioCore core;
  private final Settings settings;
  private final ExecutorService engineExec = Executors2.single("wbsr-engine");
  private final ExecutorService auxExec = Executors2.single("wbsr-aux");
  private final JobQueue queue = new JobQueue(engineExec);

  // ---- State, by what it is about -------------------------------------------------------------

  private final SourceState source = new SourceState();
  private final RoutingState routingState = new RoutingState();
  private final CompareState compare = new CompareState();
  private final OverlayState overlay = new OverlayState();
  private final ReadoutState readoutState = new ReadoutState();
  private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
  private final StringProperty device = new SimpleStringProperty(this, "device", "auto");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
  private final ReadOnlyObjectWrapper<Task<?>> auxTask = new ReadOnlyObjectWrapper<>(this, "auxTask");

  // shorthands for the properties the pipeline reads and writes most
  private final ObjectProperty<ModelBundle> bundle = routingState.bundle;
  private final ObjectProperty<RoutingMode> routingMode = routingState.mode;
  private final ReadOnlyObjectWrapper<Assignment> routing = routingState.routing;
  private final ReadOnlyObjectWrapper<Document> document = source.document;
  private final ReadOnlyObjectWrapper<Readouts> readouts = readoutState.readouts;

  private final VariantOutputs outputs = new VariantOutputs();
  private long generation;
  private Assignment qualityPending;
  private Consumer<String> errorSink = m -> {};

  public StudioModel(StudioCore core, Settings settings) {
    this.core = core;
    this.settings = settings;
    restore();
    routingMode.addListener((o, was, now) -> {
      compare.leftVariant.set(Variant.of(now));
      reroute();
    });
    routingState.budget.addListener((o, was, now) -> onPolicyKnob(RoutingMode.WBSR));
    routingState.eta.addListener((o, was, now) -> onPolicyKnob(RoutingMode.ARM));
    overlay.kind.addListener(o -> refreshOverlay());
    source.workMode.addListener(o -> prepare());
    bundle.addListener((o, was, now) -> {
      if (now != null && !now.equals(was)) {
        routingState.fitModeTo(was, now);
        prepare();
      }
    });
    compare.leftVariant.addListener(o -> refreshSources());
    compare.rightVariant.addListener(o -> refreshSources());
    compare.mode.addListener(o -> refreshSources());
    readoutState.sweepWanted.addListener(o -> maybeSweep());
    device.addListener((o, was, now) -> {
      core.setDevice(now);
      saveSettings();
      prepare();
    });
    document.addListener(o -> compare.offerChoicesFor(document.get()));
    for (Observable o : new Observable[] {source.workMode, bundle, routingMode,
        overlay.kind, compare.mode, compare.rightVariant, dark}) {
      o.addListener(x -> saveSettings());
    }
  }

  // ---- Commands ------------------------------------------------------------------------------

  /** Where errors go (the view shows them in a dialog). */
  public void setErrorSink(Consumer<String> sink) {
    errorSink = Objects.requireNonNull(sink);
  }

  public void reportError(String message) {
    errorSink.accept(message);
  }

  /** Finds the bundles under the given folders and selects the saved or the default x2 one. */
  public void discoverBundles(List<Path> roots) {
    List<ModelBundle> found = core.discover(roots);
    routingState.bundles.setAll(found);
    List<String> problems = core.discoveryProblems();
    if (!problems.isEmpty()) {
      reportError("Some model bundles cannot be used and were skipped:\n• "
          + String.join("\n• ", problems));
    }
    String saved = settings.get("bundle", "wbsr-x2");
    ModelBundle pick = found.stream().filter(b -> b.name().equals(saved)).findFirst()
        .or(() -> found.stream().filter(b -> Bundles.scale(b) == 2 && !Bundles.isClassSr(b)).findFirst())
        .or(() -> found.stream().findFirst()).orElse(null);
    if (pick != null) {
      bundle.set(pick);
    }
  }

  /**
   * Switches the routing mode when the bundle offers it (the W, S, A, C, B keys); otherwise says in
   * the status bar which modes it offers.
   */
  public void selectMode(RoutingMode m) {
    ModelBundle b = bundle.get();
    if (b == null || m.isOfferedBy(b)) {
      routingMode.set(m);
      notice.set("");
    } else {
      notice.set(RoutingState.modesOffered(b));
    }
  }

  /** Moves the WBSR budget by {@code delta} (the [ and ] keys); ClassSR bundles have no budget. */
  public void nudgeBudget(double delta) {
    ModelBundle b = bundle.get();
    if (b != null && !RoutingMode.WBSR.isOfferedBy(b)) {
      selectMode(RoutingMode.WBSR);
      return;
    }
    routingMode.set(RoutingMode.WBSR);
    routingState.budget.set(Math.max(0, Math.min(1, routingState.budget.get() + delta)));
  }

  /** Adds a bundle folder chosen by the user; a broken one is reported, not thrown. */
  public void addBundleFolder(Path dir) {
    try {
      ModelBundle b = core.load(dir);
      routingState.bundles.removeIf(x -> x.dir().equals(b.dir()));
      routingState.bundles.add(b);
      bundle.set(b);
    } catch (Exception e) {
      reportError("Cannot use the bundle in " + dir + ": " + UserMessages.describe(e));
    }
  }

  /** Opens an image file in the background; an unreadable file ends in a message. */
  public void open(Path file) {
    Task<SourceImage> t = new Task<>() {
      @Override
      protected SourceImage call() throws Exception {
        updateMessage("Reading " + file.getFileName() + "…");
        return core.read(file);
      }
    };
    t.setOnSucceeded(e -> {
      settings.put("lastDir", file.toAbsolutePath().getParent().toString());
      source.recent.setAll(settings.addRecent(file));
      openLoaded(t.getValue());
    });
    t.setOnFailed(e -> {
      source.loading.set(false);
      reportError("Cannot open " + file.getFileName() + ": " + UserMessages.describe(t.getException()));
    });
    runInBackground(t);
  }

  /**
   * Opens the first of {@code files} (the app's command line, "Open with"); the others that exist
   * go to Open Recent (in order, below the first) and {@link #noticeProperty()} says so.
   */
  public void openFiles(List<Path> files) {
    if (files.isEmpty()) {
      return;
    }
    List<Path> rest = files.subList(1, files.size());
    List<String> missing = new java.util.ArrayList<>();
    int added = 0;
    for (int i = rest.size() - 1; i >= 0; i--) {
      Path p = rest.get(i);
      if (java.nio.file.Files.isRegularFile(p)) {
        source.recent.setAll(settings.addRecent(p));
        added++;
      } else {
        missing.add(0, String.valueOf(p.getFileName()));
      }
    }
    notice.set(StartupNotes.text(added, missing));
    open(files.get(0));
  }

  /** Uses an image that is already decoded (paste, drag of pixels, tests). */
  public void openLoaded(SourceImage img) {
    source.loaded = img;
    prepare();
  }

  public void cancel() {
    queue.cancelAll();
    Task<?> a = auxTask.get();
    if (a != null) {
      a.cancel();
    }
  }

  public void markSaved() {
    source.dirty.set(false);
  }

  public void shutdown() {
    saveSettings();
    queue.cancelAll();
    Document d = document.get();
    engineExec.execute(() -> {
      if (d != null) {
        d.close();
      }
    });
    engineExec.execute(core::close);
    engineExec.shutdown();
    auxExec.shutdownNow();
  }

  public void saveSettings() {
    source.save(settings);
    routingState.save(settings);
    overlay.save(settings);
    compare.save(settings);
    settings.putBoolean("dark", dark.get());
    settings.put("device", device.get());
    settings.flush();
  }

  private void restore() {
    source.restore(settings);
    routingState.restore(settings);
    compare.restore(settings, routingState.primary());
    overlay.restore(settings);
    dark.set(settings.getBoolean("dark", false));
    device.set(settings.get("device", "auto"));
    core.setDevice(device.get());
  }

  // ---- Pipeline: prepare, route, render ------------------------------------------------------

  private void prepare() {
    ModelBundle b = bundle.get();
    SourceImage img = source.loaded;
    if (b == null || img == null) {
      return;
    }
    queue.cancelAll();
    long gen = ++generation;
    WorkMode mode = source.workMode.get();
    ModelBundle companionBundle = Companion.pick(b, routingState.bundles,
        settings.get("bundle.wbsr", "wbsr-x" + Bundles.scale(b)));
    source.loading.set(true);
    Task<Document> t = new Task<>() {
      @Override
      protected Document call() throws Exception {
        updateMessage("Preparing " + img.name() + "…");
        RgbImage lr = img.rgb();
        RgbImage gt = null;
        int scale = Bundles.scale(b);
        if (mode == WorkMode.EVALUATE) {
          gt = ModCrop.apply(img.rgb(), scale);
          lr = Bicubic.downscale(gt, scale);
        }
        UpscaleSession s = core.open(b, lr);
        Companion c = companionBundle == null ? null : new Companion(companionBundle, core, lr);
        return new Document(img.name(), img, mode, b, lr, gt, s, s.analysis(), gen, c);
      }
    };
    t.setOnSucceeded(e -> {
      if (gen == generation) {
        install(t.getValue());
      } else {
        t.getValue().close();
      }
    });
    t.setOnFailed(e -> {
      source.loading.set(false);
      reportError("Cannot prepare " + img.name() + " for " + b.name() + ": "
          + UserMessages.describe(t.getException()));
    });
    queue.request("prepare", () -> t, true);
  }

  private void install(Document doc) {
    Document old = document.get();
    if (old != null) {
      engineExec.execute(old::close);
    }
    outputs.clear();
    readoutState.clear();
    source.loading.set(false);
    document.set(doc);
    source.dirty.set(false);
    reroute();
    String ran = core.device();
    if ("gpu".equals(device.get()) && !ran.startsWith("cuda")) {
      reportError("CUDA is not available here (no usable GPU, driver or CUDA build of ONNX Runtime); "
          + "running on the CPU instead.");
    }
  }

  /** The routing of {@code v} now; null while the companion's session is not open yet. */
  private Assignment routingFor(Document d, Variant v) {
    RoutingMode m = v.mode() == null ? RoutingMode.BICUBIC : v.mode();
    UpscaleSession s = d.openSessionFor(v);
    return s == null ? null : s.plan(routingState.policyFor(m));
  }

  private void onPolicyKnob(RoutingMode m) {
    if (routingMode.get() == m) {
      reroute();
    } else {
      refreshSources();
    }
  }

  /** Routes at once (cheap) so table, subnet map and FLOPs follow the slider, then renders. */
  private void reroute() {
    Document d = document.get();
    if (d == null) {
      return;
    }
    if (!routingMode.get().isOfferedBy(d.bundle()) || d.bundle() != bundle.get()) {
      return; // the document for the new bundle is on its way
    }
    if (routingMode.get() == RoutingMode.ARM && !Bundles.hasArm(d.bundle())) {
      reportError("Bundle " + d.bundle().name() + " has no ARM table; using WBSR.");
      routingMode.set(RoutingMode.WBSR);
      return;
    }
    Assignment r = d.session().plan(routingState.policyFor(routingMode.get()));
    routing.set(r);
    routingState.classRows.setAll(RoutingSummary.classRows(d.bundle(), d.analysis(), r));
    readouts.set(readouts.get()
        .withCost(routingMode.get().label(), r.paperFlops() / 1e9, r.supernetFlops() / 1e9,
            RoutingSummary.patchesPerSubnet(d.bundle(), r), RoutingSummary.patchesShort(d.bundle(), r), fullName(d))
        .withQuality(Double.NaN, Double.NaN, referenceName(d)));
    refreshOverlay();
    refreshSources();
  }

  private String referenceName(Document d) {
    return d.mode() == WorkMode.EVALUATE ? "ground truth" : fullName(d);
  }

  /** What a bundle's largest network is called: ClassSR's widest branch, else the supernet. */
  private static String fullName(Document d) {
    return Bundles.isClassSr(d.bundle()) ? "widest branch" : "supernet";
  }

  private void refreshOverlay() {
    overlay.refresh(document.get(), routing.get());
  }

  private void refreshSources() {
    Document d = document.get();
    compare.showPixels(outputs, d);
    compare.showLabels(d);
    if (d == null || d.bundle() != bundle.get() || !routingMode.get().isOfferedBy(d.bundle())) {
      return; // the document for the new bundle is on its way
    }
    request(routingState.primary(), true);
    request(compare.leftVariant.get(), false);
    if (compare.mode.get() != CompareMode.SINGLE) {
      request(compare.rightVariant.get(), false);
    }
    maybeQuality();
  }

  private boolean isComplete(Document d, Variant v) {
    return outputs.isComplete(v, v == Variant.INPUT || v == Variant.GROUND_TRUTH ? null : routingFor(d, v));
  }

  private void request(Variant v, boolean urgent) {
    Document d = document.get();
    if (d == null || !VariantOutputs.available(d, v) || isComplete(d, v)) {
      return;
    }
    if (outputs.hasFailed(v, routingFor(d, v))) {
      return; // reported once; retried when the routing or the document changes
    }
    if (queue.runningProperty().get() instanceof RenderTask rt && rt.doc == d && rt.variant == v
        && (v.fixedRouting() || Renders.same(rt.routing, routingFor(d, v)))) {
      return;
    }
    queue.request(v.name(), () -> createRender(v), urgent);
  }

  private Task<?> createRender(Variant v) {
    Document d = document.get();
    if (d == null || isComplete(d, v)) {
      return null;
    }
    Assignment r = routingFor(d, v);
    RgbImage target = outputs.get(v);
    boolean fresh = target == null && v.inferred();
    if (fresh) {
      try {
        target = RgbImage.allocate(d.outWidth(), d.outHeight());
      } catch (OutOfMemoryError | IllegalArgumentException e) {
        reportError("Not enough memory to show " + v.label() + " of " + d.name() + " ("
            + d.outWidth() + "×" + d.outHeight() + "): " + UserMessages.describe(e));
        return null;
      }
      outputs.put(v, target);
      compare.showPixels(outputs, d);
    }
    RoutingPolicy req = routingState.policyFor(v.mode() == null ? RoutingMode.BICUBIC : v.mode());
    RenderTask t = new RenderTask(d, v, req, r, target, fresh, compare::postRevision);
    t.setOnSucceeded(e -> rendered(t));
    t.setOnFailed(e -> {
      outputs.failed(v, t.routing);
      reportError(VariantOutputs.name(d, v) + " failed: " + UserMessages.describe(t.getException()));
    });
    return t;
  }

  private void rendered(RenderTask t) {
    if (t.doc != document.get()) {
      return;
    }
    outputs.completed(t.variant, t.routing, t.getValue());
    compare.showPixels(outputs, t.doc);
    compare.bumpRevision();
    if (t.variant == routingState.primary()) {
      readouts.set(readouts.get().withTime(t.seconds, core.device()));
      source.dirty.set(true);
    }
    refreshSources();
    maybeSweep();
  }

  // ---- Quality and sweep ---------------------------------------------------------------------

  private RgbImage reference(Document d) {
    if (d.mode() == WorkMode.EVALUATE) {
      return d.groundTruth();
    }
    if (!isComplete(d, Variant.SUPERNET)) {
      request(Variant.SUPERNET, false);
      return null;
    }
    return outputs.get(Variant.SUPERNET);
  }

  private void maybeQuality() {
    Document d = document.get();
    Variant p = routingState.primary();
    if (d == null || !isComplete(d, p) || !Double.isNaN(readouts.get().psnr())
        || qualityPending == routing.get()) {
      return;
    }
    RgbImage ref = reference(d);
    if (ref == null) {
      return;
    }
    Assignment at = routing.get();
    qualityPending = at;
    QualityTask q = new QualityTask(outputs.get(p), ref, d.scale());
    q.setOnSucceeded(e -> {
      if (d == document.get() && at == routing.get()) {
        double[] v = q.getValue();
        readouts.set(readouts.get().withQuality(v[0], v[1], referenceName(d)));
      }
    });
    q.setOnFailed(e -> reportError("Measuring failed: " + UserMessages.describe(q.getException())));
    runInBackground(q);
  }

  private void maybeSweep() {
    Document d = document.get();
    if (!readoutState.sweepWanted.get() || d == null) {
      return;
    }
    RgbImage ref = reference(d);
    if (ref == null) {
      return;
    }
    Set<String> done = new HashSet<>();
    for (SweepPoint p : readoutState.sweep) {
      done.add(SweepTask.key(p.series(), p.parameter()));
    }
    if (done.size() >= SweepTask.plan(d).size()) {
      return;
    }
    queue.request(JobQueue.SWEEP, () -> {
      if (d != document.get()) {
        return null;
      }
      Set<String> now = new HashSet<>();
      for (SweepPoint p : readoutState.sweep) {
        now.add(SweepTask.key(p.series(), p.parameter()));
      }
      return new SweepTask(d, ref, now, pt -> {
        if (d == document.get()) {
          readoutState.sweep.add(pt);
        }
      });
    }, false);
  }

  public void runInBackground(Task<?> t) {
    auxTask.set(t);
    auxExec.execute(t);
  }

  // ---- Accessors -----------------------------------------------------------------------------

  public StudioCore core() {
    return core;
  }

  public Settings settings() {
    return settings;
  }

  /** The output of a variant as it stands now (may be partial while it renders). */
  public RgbImage output(Variant v) {
    Document d = document.get();
    if (d == null) {
      return null;
    }
    return switch (v) {
      case INPUT -> d.lr();
      case GROUND_TRUTH -> d.groundTruth();
      default -> outputs.get(v);
    };
  }

  public boolean isComplete(Variant v) {
    Document d = document.get();
    return d != null && isComplete(d, v);
  }

  /** True when nothing runs or waits (tests poll it). */
  public boolean isIdle() {
    Task<?> a = auxTask.get();
    boolean auxIdle = a == null || a.getState() != Worker.State.RUNNING && a.getState() != Worker.State.SCHEDULED
        && a.getState() != Worker.State.READY;
    return queue.idle() && auxIdle;
  }

  public String hoverText(double x, double y) {
    Document d = document.get();
    if (d == null) {
      return null;
    }
    return RoutingSummary.hover(d.bundle(), d.analysis(), routing.get(), d.patchAtOutput(x, y));
  }

  public SourceState source() { return source; }
  public RoutingState routingState() { return routingState; }
  public CompareState compare() { return compare; }
  public OverlayState overlay() { return overlay; }
  public ReadoutState readoutState() { return readoutState; }
  public BooleanProperty darkProperty() { return dark; }
  public StringProperty deviceProperty() { return device; }
  /** A short note for the status bar (e.g. where the other files given at start-up went). */
  public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<Task<?>> engineTaskProperty() { return queue.runningProperty(); }
  public ReadOnlyObjectProperty<Task<?>> auxTaskProperty() { return auxTask.getReadOnlyProperty(); }

  /** The name of a variant for the current document, e.g. "ClassSR (classsr-x2)", "Widest branch". */
  public String variantName(Variant v) {
    return VariantOutputs.name(document.get(), v);
  }
}
