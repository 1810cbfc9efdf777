package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.LoadedImage;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.RoutingRequest;
import dev.wbsr.ui.port.Services;
import dev.wbsr.ui.port.UpscaleSession;
import dev.wbsr.ui.viewer.CompareMode;
import dev.wbsr.ui.viewer.OverlayMap;
import dev.wbsr.ui.viewer.PixelSource;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The main view-model: the opened image, the bundle, the routing policy and everything derived
 * (routing, class table, overlays, outputs per variant, readouts, trade-off sweep). All state
 * changes on the FX thread; inference runs on one engine thread through a {@link JobQueue}, reading
 * and measuring on an auxiliary thread.
 */
public final class StudioModel {

  private final Services services;
  private final Settings settings;
  private final ExecutorService engineExec = Executors2.single("wbsr-engine");
  private final ExecutorService auxExec = Executors2.single("wbsr-aux");
  private final JobQueue queue = new JobQueue(engineExec);

  // ---- Properties: what the user sets --------------------------------------------------------

  private final ObjectProperty<WorkMode> workMode = new SimpleObjectProperty<>(this, "workMode", WorkMode.UPSCALE);
  private final ObjectProperty<BundleInfo> bundle = new SimpleObjectProperty<>(this, "bundle");
  private final ObjectProperty<RoutingMode> routingMode = new SimpleObjectProperty<>(this, "routingMode", RoutingMode.WBSR);
  private final DoubleProperty budget = new SimpleDoubleProperty(this, "budget", 0);
  private final DoubleProperty eta = new SimpleDoubleProperty(this, "eta", 4);
  private final ObjectProperty<OverlayKind> overlayKind = new SimpleObjectProperty<>(this, "overlayKind", OverlayKind.CLASS);
  private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.45);
  private final ObjectProperty<Variant> leftVariant = new SimpleObjectProperty<>(this, "left", Variant.WBSR);
  private final ObjectProperty<Variant> rightVariant = new SimpleObjectProperty<>(this, "right", Variant.BICUBIC);
  private final ObjectProperty<CompareMode> compareMode = new SimpleObjectProperty<>(this, "compare", CompareMode.SINGLE);
  private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
  private final javafx.beans.property.StringProperty device =
      new javafx.beans.property.SimpleStringProperty(this, "device", "auto");
  private final BooleanProperty sweepWanted = new SimpleBooleanProperty(this, "sweepWanted", false);

  // ---- Properties: what the model derives ----------------------------------------------------

  private final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>(this, "document");
  private final ReadOnlyObjectWrapper<Routing> routing = new ReadOnlyObjectWrapper<>(this, "routing");
  private final ReadOnlyObjectWrapper<OverlayMap> overlayMap = new ReadOnlyObjectWrapper<>(this, "overlayMap");
  private final ReadOnlyObjectWrapper<PixelSource> leftSource = new ReadOnlyObjectWrapper<>(this, "leftSource");
  private final ReadOnlyObjectWrapper<PixelSource> rightSource = new ReadOnlyObjectWrapper<>(this, "rightSource");
  private final ReadOnlyStringWrapper leftLabel = new ReadOnlyStringWrapper(this, "leftLabel", "");
  private final ReadOnlyStringWrapper rightLabel = new ReadOnlyStringWrapper(this, "rightLabel", "");
  private final ReadOnlyObjectWrapper<Readouts> readouts = new ReadOnlyObjectWrapper<>(this, "readouts", Readouts.EMPTY);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "WBSR Studio");
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
  private final ReadOnlyObjectWrapper<Task<?>> auxTask = new ReadOnlyObjectWrapper<>(this, "auxTask");
  private final ObservableList<BundleInfo> bundles = FXCollections.observableArrayList();
  private final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();
  private final ObservableList<Path> recent = FXCollections.observableArrayList();
  private final ObservableList<SweepPoint> sweep = FXCollections.observableArrayList();
  private final ObservableList<Variant> variantChoices =
      FXCollections.observableArrayList(VariantOutputs.choices(null));

  private final VariantOutputs outputs = new VariantOutputs();
  private LoadedImage loaded;
  private long generation;
  private boolean revisionPosted;
  private Routing qualityPending;
  private Consumer<String> errorSink = m -> {};
  private RoutingMode lastWeightSharingMode;

  public StudioModel(Services services, Settings settings) {
    this.services = services;
    this.settings = settings;
    restore();
    routingMode.addListener((o, was, now) -> {
      leftVariant.set(Variant.of(now));
      reroute();
    });
    budget.addListener((o, was, now) -> onPolicyKnob(RoutingMode.WBSR));
    eta.addListener((o, was, now) -> onPolicyKnob(RoutingMode.ARM));
    overlayKind.addListener(o -> refreshOverlay());
    workMode.addListener(o -> prepare());
    bundle.addListener((o, was, now) -> {
      if (now != null && !now.equals(was)) {
        fitModeTo(was, now);
        prepare();
      }
    });
    leftVariant.addListener(o -> refreshSources());
    rightVariant.addListener(o -> refreshSources());
    compareMode.addListener(o -> refreshSources());
    sweepWanted.addListener(o -> maybeSweep());
    device.addListener((o, was, now) -> {
      services.engine().setDevice(now);
      saveSettings();
      prepare();
    });
    document.addListener(o -> {
      updateTitle();
      variantChoices.setAll(VariantOutputs.choices(document.get()));
    });
    for (javafx.beans.Observable o : new javafx.beans.Observable[] {workMode, bundle, routingMode,
        overlayKind, compareMode, rightVariant, dark}) {
      o.addListener(x -> saveSettings());
    }
    dirty.addListener(o -> updateTitle());
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
    List<BundleInfo> found = services.engine().discover(roots);
    bundles.setAll(found);
    List<String> problems = services.engine().discoveryProblems();
    if (!problems.isEmpty()) {
      reportError("Some model bundles cannot be used and were skipped:\n• "
          + String.join("\n• ", problems));
    }
    String saved = settings.get("bundle", "wbsr-x2");
    BundleInfo pick = found.stream().filter(b -> b.name().equals(saved)).findFirst()
        .or(() -> found.stream().filter(b -> b.scale() == 2 && !b.isClassSr()).findFirst())
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
    BundleInfo b = bundle.get();
    if (b == null || b.offers(m)) {
      routingMode.set(m);
      notice.set("");
    } else {
      List<String> names = b.modes().stream().map(RoutingMode::label).toList();
      notice.set(b.name() + " offers " + String.join(", ", names.subList(0, names.size() - 1))
          + " and " + names.get(names.size() - 1)
          + (b.isClassSr() ? " (ClassSR has no budget)" : "; ClassSR needs a ClassSR bundle"));
    }
  }

  /** Moves the WBSR budget by {@code delta} (the [ and ] keys); ClassSR bundles have no budget. */
  public void nudgeBudget(double delta) {
    BundleInfo b = bundle.get();
    if (b != null && !b.offers(RoutingMode.WBSR)) {
      selectMode(RoutingMode.WBSR);
      return;
    }
    routingMode.set(RoutingMode.WBSR);
    budget.set(Math.max(0, Math.min(1, budget.get() + delta)));
  }

  /** Whether the budget slider applies: not for ClassSR bundles (their classifier decides). */
  public javafx.beans.binding.BooleanBinding budgetAppliesBinding() {
    return javafx.beans.binding.Bindings.createBooleanBinding(
        () -> bundle.get() == null || bundle.get().offers(RoutingMode.WBSR), bundle);
  }

  /** Adds a bundle folder chosen by the user; a broken one is reported, not thrown. */
  public void addBundleFolder(Path dir) {
    try {
      BundleInfo b = services.engine().load(dir);
      bundles.removeIf(x -> x.dir().equals(b.dir()));
      bundles.add(b);
      bundle.set(b);
    } catch (Exception e) {
      reportError("Cannot use the bundle in " + dir + ": " + UserMessages.describe(e));
    }
  }

  /** Opens an image file in the background; an unreadable file ends in a message. */
  public void open(Path file) {
    Task<LoadedImage> t = new Task<>() {
      @Override
      protected LoadedImage call() throws Exception {
        updateMessage("Reading " + file.getFileName() + "…");
        return services.images().read(file);
      }
    };
    t.setOnSucceeded(e -> {
      settings.put("lastDir", file.toAbsolutePath().getParent().toString());
      recent.setAll(settings.addRecent(file));
      openLoaded(t.getValue());
    });
    t.setOnFailed(e -> {
      loading.set(false);
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
        recent.setAll(settings.addRecent(p));
        added++;
      } else {
        missing.add(0, String.valueOf(p.getFileName()));
      }
    }
    notice.set(StartupNotes.text(added, missing));
    open(files.get(0));
  }

  /** Uses an image that is already decoded (paste, drag of pixels, tests). */
  public void openLoaded(LoadedImage img) {
    loaded = img;
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
    dirty.set(false);
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
    if (services.engine() instanceof AutoCloseable c) {
      engineExec.execute(() -> {
        try {
          c.close();
        } catch (Exception e) {
          // closing native sessions at exit: nothing useful to report
        }
      });
    }
    engineExec.shutdown();
    auxExec.shutdownNow();
  }

  public void saveSettings() {
    settings.putEnum("workMode", workMode.get());
    settings.putEnum("routingMode", routingMode.get());
    settings.putDouble("budget", budget.get());
    settings.putDouble("eta", eta.get());
    settings.putEnum("overlay", overlayKind.get());
    settings.putDouble("opacity", opacity.get());
    settings.putEnum("compare", compareMode.get());
    settings.putEnum("right", rightVariant.get());
    settings.putBoolean("dark", dark.get());
    settings.put("device", device.get());
    if (bundle.get() != null) {
      settings.put("bundle", bundle.get().name());
      if (!bundle.get().isClassSr()) {
        settings.put("bundle.wbsr", bundle.get().name());
      }
    }
    settings.flush();
  }

  private void restore() {
    workMode.set(settings.getEnum("workMode", WorkMode.UPSCALE));
    routingMode.set(settings.getEnum("routingMode", RoutingMode.WBSR));
    leftVariant.set(Variant.of(routingMode.get()));
    budget.set(settings.getDouble("budget", 0));
    eta.set(settings.getDouble("eta", 4));
    overlayKind.set(settings.getEnum("overlay", OverlayKind.CLASS));
    opacity.set(settings.getDouble("opacity", 0.45));
    compareMode.set(settings.getEnum("compare", CompareMode.SINGLE));
    rightVariant.set(settings.getEnum("right", Variant.BICUBIC));
    dark.set(settings.getBoolean("dark", false));
    device.set(settings.get("device", "auto"));
    services.engine().setDevice(device.get());
    recent.setAll(settings.recentFiles());
  }

  /**
   * Keeps the routing mode when the new bundle offers it; otherwise its default (ClassSR for a
   * ClassSR bundle), and back to the last WBSR-side mode when returning to a weight-sharing one.
   */
  private void fitModeTo(BundleInfo was, BundleInfo now) {
    RoutingMode m = routingMode.get();
    if (was != null && !was.isClassSr() && was.offers(m)) {
      lastWeightSharingMode = m;
    }
    if (!now.offers(m)) {
      routingMode.set(!now.isClassSr() && lastWeightSharingMode != null ? lastWeightSharingMode : now.defaultMode());
    }
  }

  // ---- Pipeline: prepare, route, render ------------------------------------------------------

  private void prepare() {
    BundleInfo b = bundle.get();
    LoadedImage img = loaded;
    if (b == null || img == null) {
      return;
    }
    queue.cancelAll();
    long gen = ++generation;
    WorkMode mode = workMode.get();
    BundleInfo companionBundle = Companion.pick(b, bundles, settings.get("bundle.wbsr", "wbsr-x" + b.scale()));
    loading.set(true);
    Task<Document> t = new Task<>() {
      @Override
      protected Document call() throws Exception {
        updateMessage("Preparing " + nameOf(img) + "…");
        RgbImage lr = img.image();
        RgbImage gt = null;
        if (mode == WorkMode.EVALUATE) {
          gt = services.metrics().modcrop(img.image(), b.scale());
          lr = services.metrics().downscale(gt, b.scale());
        }
        UpscaleSession s = services.engine().open(b, lr);
        Companion c = companionBundle == null ? null : new Companion(companionBundle, services.engine(), lr);
        return new Document(nameOf(img), img, mode, b, lr, gt, s, s.grid(), gen, c);
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
      loading.set(false);
      reportError("Cannot prepare " + nameOf(img) + " for " + b.name() + ": "
          + UserMessages.describe(t.getException()));
    });
    queue.request("prepare", () -> t, true);
  }

  private static String nameOf(LoadedImage img) {
    return img.source() == null ? "pasted image" : img.source().getFileName().toString();
  }

  private void install(Document doc) {
    Document old = document.get();
    if (old != null) {
      engineExec.execute(old::close);
    }
    outputs.clear();
    sweep.clear();
    readouts.set(Readouts.EMPTY);
    loading.set(false);
    document.set(doc);
    dirty.set(false);
    reroute();
    String ran = services.engine().device();
    if ("gpu".equals(device.get()) && !ran.startsWith("cuda")) {
      reportError("CUDA is not available here (no usable GPU, driver or CUDA build of ONNX Runtime); "
          + "running on the CPU instead.");
    }
  }

  private RoutingRequest requestFor(RoutingMode m) {
    RoutingRequest r = RoutingRequest.of(m);
    return m == RoutingMode.WBSR ? r.withBudget(budget.get()) : m == RoutingMode.ARM ? r.withEta(eta.get()) : r;
  }

  /** The routing of {@code v} now; null while the companion's session is not open yet. */
  private Routing routingFor(Document d, Variant v) {
    RoutingMode m = v.mode() == null ? RoutingMode.BICUBIC : v.mode();
    UpscaleSession s = d.openSessionFor(v);
    return s == null ? null : s.route(requestFor(m));
  }

  private Variant primary() {
    return Variant.of(routingMode.get());
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
    if (!d.bundle().offers(routingMode.get()) || d.bundle() != bundle.get()) {
      return; // the document for the new bundle is on its way
    }
    if (routingMode.get() == RoutingMode.ARM && !d.bundle().hasArm()) {
      reportError("Bundle " + d.bundle().name() + " has no ARM table; using WBSR.");
      routingMode.set(RoutingMode.WBSR);
      return;
    }
    Routing r = d.session().route(requestFor(routingMode.get()));
    routing.set(r);
    classRows.setAll(RoutingSummary.classRows(d.bundle(), d.grid(), r));
    readouts.set(readouts.get()
        .withCost(routingMode.get().label(), r.flops() / 1e9, r.flopsSupernet() / 1e9,
            RoutingSummary.patchesPerSubnet(d.bundle(), r), fullName(d))
        .withQuality(Double.NaN, Double.NaN, referenceName(d)));
    refreshOverlay();
    refreshSources();
  }

  private String referenceName(Document d) {
    return d.mode() == WorkMode.EVALUATE ? "ground truth" : fullName(d);
  }

  /** What a bundle's largest network is called: ClassSR's widest branch, else the supernet. */
  private static String fullName(Document d) {
    return d.bundle().isClassSr() ? "widest branch" : "supernet";
  }

  private void refreshOverlay() {
    Document d = document.get();
    overlayMap.set(d == null ? null : OverlayMaps.of(overlayKind.get(), d.bundle(), d.grid(), routing.get()));
  }

  private void refreshSources() {
    Document d = document.get();
    leftSource.set(outputs.source(d, leftVariant.get()));
    rightSource.set(compareMode.get() == CompareMode.SINGLE ? null : outputs.source(d, rightVariant.get()));
    leftLabel.set(VariantOutputs.label(d, leftVariant.get()));
    rightLabel.set(VariantOutputs.label(d, rightVariant.get()));
    if (d == null || d.bundle() != bundle.get() || !d.bundle().offers(routingMode.get())) {
      return; // the document for the new bundle is on its way
    }
    request(primary(), true);
    request(leftVariant.get(), false);
    if (compareMode.get() != CompareMode.SINGLE) {
      request(rightVariant.get(), false);
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
        && (v.fixedRouting() || rt.routing != null && rt.routing.sameAssignment(routingFor(d, v)))) {
      return;
    }
    queue.request(v.name(), () -> createRender(v), urgent);
  }

  private Task<?> createRender(Variant v) {
    Document d = document.get();
    if (d == null || isComplete(d, v)) {
      return null;
    }
    Routing r = routingFor(d, v);
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
      refreshSourcesOnly(d);
    }
    RoutingRequest req = requestFor(v.mode() == null ? RoutingMode.BICUBIC : v.mode());
    RenderTask t = new RenderTask(d, v, req, r, target, fresh, services.metrics(), this::postRevision);
    t.setOnSucceeded(e -> rendered(t));
    t.setOnFailed(e -> {
      outputs.failed(v, t.routing);
      reportError(VariantOutputs.name(d, v) + " failed: " + UserMessages.describe(t.getException()));
    });
    return t;
  }

  private void refreshSourcesOnly(Document d) {
    leftSource.set(outputs.source(d, leftVariant.get()));
    rightSource.set(compareMode.get() == CompareMode.SINGLE ? null : outputs.source(d, rightVariant.get()));
  }

  private void rendered(RenderTask t) {
    if (t.doc != document.get()) {
      return;
    }
    outputs.completed(t.variant, t.routing, t.getValue());
    refreshSourcesOnly(t.doc);
    bumpRevision();
    if (t.variant == primary()) {
      readouts.set(readouts.get().withTime(t.seconds, services.engine().device()));
      dirty.set(true);
    }
    refreshSources();
    maybeSweep();
  }

  private void postRevision() {
    if (!revisionPosted) {
      revisionPosted = true;
      Platform.runLater(() -> {
        revisionPosted = false;
        bumpRevision();
      });
    }
  }

  private void bumpRevision() {
    revision.set(revision.get() + 1);
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
    Variant p = primary();
    if (d == null || !isComplete(d, p) || !Double.isNaN(readouts.get().psnr())
        || qualityPending == routing.get()) {
      return;
    }
    RgbImage ref = reference(d);
    if (ref == null) {
      return;
    }
    Routing at = routing.get();
    qualityPending = at;
    QualityTask q = new QualityTask(services.metrics(), outputs.get(p), ref, d.bundle().scale());
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
    if (!sweepWanted.get() || d == null) {
      return;
    }
    RgbImage ref = reference(d);
    if (ref == null) {
      return;
    }
    Set<String> done = new HashSet<>();
    for (SweepPoint p : sweep) {
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
      for (SweepPoint p : sweep) {
        now.add(SweepTask.key(p.series(), p.parameter()));
      }
      return new SweepTask(d, services.metrics(), ref, now, pt -> {
        if (d == document.get()) {
          sweep.add(pt);
        }
      });
    }, false);
  }

  public void runInBackground(Task<?> t) {
    auxTask.set(t);
    auxExec.execute(t);
  }

  private void updateTitle() {
    Document d = document.get();
    title.set((d == null ? "" : (dirty.get() ? "• " : "") + d.name() + " — ") + "WBSR Studio");
  }

  // ---- Accessors -----------------------------------------------------------------------------

  public Services services() {
    return services;
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
    return RoutingSummary.hover(d.bundle(), d.grid(), routing.get(), d.grid().patchAtOutput(x, y));
  }

  public ObjectProperty<WorkMode> workModeProperty() { return workMode; }
  public ObjectProperty<BundleInfo> bundleProperty() { return bundle; }
  public ObjectProperty<RoutingMode> routingModeProperty() { return routingMode; }
  public DoubleProperty budgetProperty() { return budget; }
  public DoubleProperty etaProperty() { return eta; }
  public ObjectProperty<OverlayKind> overlayKindProperty() { return overlayKind; }
  public DoubleProperty opacityProperty() { return opacity; }
  public ObjectProperty<Variant> leftVariantProperty() { return leftVariant; }
  public ObjectProperty<Variant> rightVariantProperty() { return rightVariant; }
  public ObjectProperty<CompareMode> compareModeProperty() { return compareMode; }
  public BooleanProperty darkProperty() { return dark; }
  public BooleanProperty sweepWantedProperty() { return sweepWanted; }
  public javafx.beans.property.StringProperty deviceProperty() { return device; }
  public ReadOnlyObjectProperty<Document> documentProperty() { return document.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<Routing> routingProperty() { return routing.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<OverlayMap> overlayMapProperty() { return overlayMap.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<PixelSource> leftSourceProperty() { return leftSource.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<PixelSource> rightSourceProperty() { return rightSource.getReadOnlyProperty(); }
  public ReadOnlyStringProperty leftLabelProperty() { return leftLabel.getReadOnlyProperty(); }
  public ReadOnlyStringProperty rightLabelProperty() { return rightLabel.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<Readouts> readoutsProperty() { return readouts.getReadOnlyProperty(); }
  public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
  /** A short note for the status bar (e.g. where the other files given at start-up went). */
  public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
  public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<Task<?>> engineTaskProperty() { return queue.runningProperty(); }
  public ReadOnlyObjectProperty<Task<?>> auxTaskProperty() { return auxTask.getReadOnlyProperty(); }
  public ObservableList<BundleInfo> bundles() { return bundles; }
  public ObservableList<ClassRow> classRows() { return classRows; }
  public ObservableList<Path> recentFiles() { return recent; }
  public ObservableList<SweepPoint> sweepPoints() { return sweep; }
  /** What the compare sides can show for the current document (ClassSR only beside a ClassSR bundle). */
  public ObservableList<Variant> variantChoices() { return variantChoices; }

  /** The name of a variant for the current document, e.g. "ClassSR (classsr-x2)", "Widest branch". */
  public String variantName(Variant v) {
    return VariantOutputs.name(document.get(), v);
  }
}
