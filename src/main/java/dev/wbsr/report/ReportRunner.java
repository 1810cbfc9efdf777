package dev.wbsr.report;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.ImageException;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.pipeline.PatchGrid;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.UpscaleSession;
import dev.wbsr.pipeline.Upscaler;
import dev.wbsr.report.ReportData.ArmChoice;
import dev.wbsr.report.ReportData.BundleStatus;
import dev.wbsr.report.ReportData.ClassStats;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.Sweep;
import dev.wbsr.report.ReportData.SweepPoint;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the report. Per scale, every bundle is opened once and evaluated on every set:
 *
 * <ul>
 *   <li>the table rows are one-shot upscales of every image, exactly as {@code wbsr eval} does them
 *       ({@link Upscaler}, then {@link Evaluation#score}), so each row can be reproduced with
 *       {@code wbsr eval -m BUNDLE --mode MODE --hr DIR};
 *   <li>the sweeps (WBSR budgets, the static subnets, ARM's eta) run every routing of an image
 *       through one {@link UpscaleSession} with a cache large enough for every (patch, subnet)
 *       output, so each output is computed once, as the app's budget slider does. A patch taken
 *       from the cache may have been computed in another tile layout than a one-shot render would
 *       use, so sweep points can differ from a row of the same routing by a few thousandths of a
 *       dB; the first routing of each session (the supernet) is identical to the one-shot one.
 * </ul>
 *
 * WBSR's bundle runs first: the ARM row's eta is the cheapest one in the sweep whose PSNR-Y reaches
 * WBSR's on the same set.
 */
public final class ReportRunner {

  /** Opens the engine of a bundle (the CLI: ONNX Runtime with the CLI's device and threads). */
  @FunctionalInterface
  public interface EngineFactory {
    SrEngine open(ModelBundle bundle);
  }

  /** Order of evaluation: WBSR before base (the ARM row's eta depends on WBSR's PSNR). */
  /** Routing patch side of every bundle format v1 ({@code patch_size}). */
  private static final int PATCH = 32;

  private static final List<Role> ORDER =
      List.of(Role.WBSR, Role.BASE, Role.CLASSSR, Role.HES, Role.BD);

  private final ReportOptions options;
  private final BundleCatalog catalog;
  private final EngineFactory engines;
  private final PrintWriter log;
  private final SweepPlans plans;
  private String device = "-";

  public ReportRunner(
      ReportOptions options, BundleCatalog catalog, EngineFactory engines, PrintWriter log) {
    this.options = options;
    this.catalog = catalog;
    this.engines = engines;
    this.log = log;
    this.plans = new SweepPlans(options);
  }

  public ReportData run() throws ImageException, InterruptedException {
    double startLoad = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<ScaleData> scales = new ArrayList<>();
    for (int s : options.scales()) {
      scales.add(scale(s));
    }
    double endLoad = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    ReportData.Environment env =
        new ReportData.Environment(
            device,
            Machine.cpuModel(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            options.pipeline().workers(),
            Machine.dataPackages(options.dataDir()),
            options.timing() && startLoad >= 0
                ? Optional.of(new double[] {startLoad, endLoad})
                : Optional.empty());
    return new ReportData(options, env, scales);
  }

  // ---------------------------------------------------------------------------------------------
  // One scale

  private ScaleData scale(int scale) throws ImageException, InterruptedException {
    List<BundleStatus> statuses = new ArrayList<>();
    for (Role role : Role.values()) {
      if (role.neededAt(scale)) {
        statuses.add(status(role, scale));
      }
    }
    Map<String, List<Evaluation.Sample>> samples = new LinkedHashMap<>();
    for (String set : options.sets()) {
      List<Path> files = ValidationSets.files(options.dataDir(), set, options.limit());
      samples.put(set, ValidationSets.load(files, scale));
    }
    Map<String, SetBuilder> sets = new LinkedHashMap<>();
    samples.forEach((set, list) -> sets.put(set, new SetBuilder(set, list)));
    Map<Role, String> failures = new EnumMap<>(Role.class);
    for (Role role : ORDER) {
      Optional<ModelBundle> bundle =
          statuses.stream().filter(b -> b.role() == role).findFirst().flatMap(BundleStatus::bundle);
      if (bundle.isEmpty()) {
        continue;
      }
      try (SrEngine engine = engines.open(bundle.get())) {
        device = engine.device();
        if (options.timing()) {
          warmUp(bundle.get(), engine, samples.values().iterator().next().get(0));
        }
        for (SetBuilder set : sets.values()) {
          evaluate(role, bundle.get(), engine, set);
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (RuntimeException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        failures.put(role, msg);
        log.println(f("x%d %s: evaluation failed: %s", scale, role.bundleName(scale), msg));
        sets.values().forEach(s -> s.drop(role));
      }
    }
    externals(scale, sets.values());
    // WBSR's classes (the ones its routing uses), else base's
    Optional<BundleStatus> classesFrom =
        List.of(Role.WBSR, Role.BASE).stream()
            .flatMap(r -> statuses.stream().filter(b -> b.role() == r))
            .filter(b -> b.present() && !failures.containsKey(b.role()))
            .findFirst();
    List<SetData> setData = new ArrayList<>();
    for (SetBuilder set : sets.values()) {
      setData.add(set.build(classesFrom));
    }
    double reference = 0;
    String referenceFrom = "";
    for (Role r : List.of(Role.BASE, Role.WBSR)) {
      Optional<ModelBundle> b =
          statuses.stream().filter(x -> x.role() == r).findFirst().flatMap(BundleStatus::bundle);
      if (b.isPresent() && reference == 0) {
        reference = b.get().manifest().supernetSpec().flopsPerPatch();
        referenceFrom = r.bundleName(scale);
      }
    }
    return new ScaleData(scale, statuses, reference, referenceFrom, setData, failures);
  }

  /** The external anchor (waifu2x) on every set, after our bundles, on the same LR inputs. */
  private void externals(int scale, java.util.Collection<SetBuilder> sets)
      throws InterruptedException {
    ExternalRuns ext = new ExternalRuns(options.waifu2x(), options.waifu2xExecutable(), log);
    for (SetBuilder set : sets) {
      set.externals.add(ext.waifu2x(scale, set.set, set.samples));
    }
  }

  private BundleStatus status(Role role, int scale) {
    String name = role.bundleName(scale);
    BundleCatalog.Lookup found = catalog.find(name);
    if (found.bundle().isEmpty()) {
      return new BundleStatus(role, name, Optional.empty(), found.problem());
    }
    Manifest m = found.bundle().get().manifest();
    String problem = "";
    if (m.kind() != role.kind()) {
      problem = "is a " + m.kind().id() + " bundle, expected " + role.kind().id();
    } else if (m.scale() != scale) {
      problem = "has scale x" + m.scale() + ", expected x" + scale;
    }
    return problem.isEmpty()
        ? new BundleStatus(role, name, found.bundle(), "")
        : new BundleStatus(role, name, Optional.empty(), problem);
  }

  /** One untimed upscale so that model loading and JIT warm-up stay out of the timed rows. */
  private void warmUp(ModelBundle bundle, SrEngine engine, Evaluation.Sample sample)
      throws InterruptedException {
    RoutingPolicy p =
        bundle.manifest().kind() == Manifest.Kind.CLASSSR
            ? new RoutingPolicy.ClassSr()
            : new RoutingPolicy.Supernet();
    Upscaler.upscale(sample.lr(), bundle.manifest(), engine, p, options.pipeline(), null);
  }

  // ---------------------------------------------------------------------------------------------
  // One bundle on one set

  private void evaluate(Role role, ModelBundle bundle, SrEngine engine, SetBuilder set)
      throws InterruptedException {
    Manifest m = bundle.manifest();
    switch (role) {
      case WBSR -> {
        set.add(oneShot(role, bundle, engine, set, RoutingPolicy.Wbsr.paper()));
        set.add(oneShot(role, bundle, engine, set, new RoutingPolicy.Supernet()));
        List<SweepSpec> specs = new ArrayList<>(plans.routing("wbsr", role, bundle));
        List<SweepPointSpec> subnets = new ArrayList<>();
        for (int i = m.subnets().size() - 1; i >= 0; i--) {
          subnets.add(
              new SweepPointSpec(m.subnets().get(i).name(), i, new RoutingPolicy.Subnet(i)));
        }
        specs.add(
            new SweepSpec(
                "wbsr-subnets",
                name(role, bundle) + " static subnets",
                role,
                name(role, bundle),
                subnets));
        // the table's routing once more, last, from the cache: how far cached and one-shot differ
        specs.add(
            new SweepSpec(
                "wbsr-paper",
                "+WBSR routing from the cached session",
                role,
                name(role, bundle),
                List.of(new SweepPointSpec("ceil(kM'/K)", 0, RoutingPolicy.Wbsr.paper()))));
        sweep(bundle, engine, set, specs);
      }
      case BASE -> {
        set.add(oneShot(role, bundle, engine, set, new RoutingPolicy.Supernet()));
        set.add(oneShot(role, bundle, engine, set, RoutingPolicy.Wbsr.paper()));
        List<Sweep> done = sweep(bundle, engine, set, plans.routing("base", role, bundle));
        Optional<Sweep> arm = done.stream().filter(s -> s.id().equals("arm-eta")).findFirst();
        if (arm.isPresent()) {
          ArmChoice choice = SweepPlans.armChoice(m, arm.get(), set.run(Role.WBSR, "wbsr"));
          set.arm = Optional.of(choice);
          set.add(oneShot(role, bundle, engine, set, new RoutingPolicy.Arm(choice.eta())));
        }
      }
      case CLASSSR -> set.add(oneShot(role, bundle, engine, set, new RoutingPolicy.ClassSr()));
      case HES, BD -> {
        set.add(oneShot(role, bundle, engine, set, new RoutingPolicy.Supernet()));
        set.add(oneShot(role, bundle, engine, set, RoutingPolicy.Wbsr.paper()));
      }
    }
  }

  private Run oneShot(
      Role role, ModelBundle bundle, SrEngine engine, SetBuilder set, RoutingPolicy policy)
      throws InterruptedException {
    List<Evaluation.ImageScore> scores = new ArrayList<>();
    List<PatchErrors> errors = new ArrayList<>();
    for (Evaluation.Sample s : set.samples) {
      UpscaleResult r =
          Upscaler.upscale(s.lr(), bundle.manifest(), engine, policy, options.pipeline(), null);
      scores.add(Evaluation.score(s, r));
      errors.add(PatchErrors.of(r.image(), s.hr(), r.analysis().grid(), s.scale()));
    }
    Evaluation.Mean mean = Evaluation.Mean.of(scores);
    Run run =
        new Run(
            role,
            name(role, bundle),
            policy.mode(),
            policy.label(),
            scores,
            mean,
            bundle.manifest().supernetSpec().flopsPerPatch(),
            errors);
    log.println(
        f(
            "x%d %-12s %-10s %-22s PSNR-Y %.3f  SSIM-Y %.4f  %.1f%% FLOPs",
            bundle.manifest().scale(),
            set.set,
            name(role, bundle),
            policy.label(),
            mean.psnrY(),
            mean.ssimY(),
            100 * mean.flopsRatio()));
    return run;
  }

  // ---------------------------------------------------------------------------------------------
  // Sweeps through one cached session per image

  record SweepPointSpec(String label, double param, RoutingPolicy policy) {}

  record SweepSpec(
      String id, String title, Role role, String bundle, List<SweepPointSpec> points) {}

  private List<Sweep> sweep(
      ModelBundle bundle, SrEngine engine, SetBuilder set, List<SweepSpec> specs)
      throws InterruptedException {
    List<RoutingPolicy> policies = new ArrayList<>();
    policies.add(new RoutingPolicy.Supernet()); // first: identical to the one-shot supernet
    specs.forEach(s -> s.points().forEach(p -> policies.add(p.policy())));
    int n = policies.size();
    double[] psnr = new double[n];
    double[] flops = new double[n];
    double[] supernet = new double[n];
    Manifest m = bundle.manifest();
    long cache = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
    for (Evaluation.Sample s : set.samples) {
      try (UpscaleSession session =
          UpscaleSession.create(s.lr(), m, engine, options.pipeline().withCacheBytes(cache))) {
        for (int i = 0; i < n; i++) {
          Assignment a = session.plan(policies.get(i));
          session.render(a, null).await();
          psnr[i] += dev.wbsr.metrics.ImageQuality.psnrY(session.image(), s.hr(), s.scale());
          flops[i] += a.paperFlops();
          supernet[i] += a.supernetFlops();
        }
      }
    }
    double perPatch = m.supernetSpec().flopsPerPatch();
    List<Sweep> out = new ArrayList<>();
    int i = 1;
    for (SweepSpec spec : specs) {
      List<SweepPoint> points = new ArrayList<>();
      for (SweepPointSpec p : spec.points()) {
        points.add(
            new SweepPoint(
                p.label(),
                p.param(),
                psnr[i] / set.samples.size(),
                flops[i] / supernet[i] * perPatch / 1e9));
        i++;
      }
      Sweep sweep = new Sweep(spec.id(), spec.title(), spec.role(), spec.bundle(), points);
      set.sweeps.add(sweep);
      out.add(sweep);
      log.println(
          f(
              "x%d %-12s %-10s %s: %d points",
              m.scale(), set.set, spec.bundle(), spec.title(), points.size()));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------

  /** What has been measured on one set so far. */
  private static final class SetBuilder {
    final String set;
    final List<Evaluation.Sample> samples;
    final List<Run> runs = new ArrayList<>();
    final List<Sweep> sweeps = new ArrayList<>();
    final List<ReportData.External> externals = new ArrayList<>();
    Optional<ArmChoice> arm = Optional.empty();

    SetBuilder(String set, List<Evaluation.Sample> samples) {
      this.set = set;
      this.samples = samples;
    }

    void add(Run r) {
      runs.add(r);
    }

    Optional<Run> run(Role role, String mode) {
      return runs.stream().filter(r -> r.role() == role && r.mode().equals(mode)).findFirst();
    }

    void drop(Role role) {
      runs.removeIf(r -> r.role() == role);
      sweeps.removeIf(s -> s.role() == role);
      if (role == Role.BASE) {
        arm = Optional.empty();
      }
    }

    SetData build(Optional<BundleStatus> classesFrom) {
      Optional<ClassStats> classes =
          classesFrom.map(b -> classStats(b.name(), b.bundle().orElseThrow().manifest()));
      int patches = 0;
      long pixels = 0;
      for (Evaluation.Sample s : samples) {
        patches += new PatchGrid(s.lr().width(), s.lr().height(), PATCH).size();
        pixels += s.hr().pixelCount();
      }
      return new SetData(
          set,
          samples.stream().map(Evaluation.Sample::name).toList(),
          patches,
          pixels,
          runs,
          sweeps,
          arm,
          classes,
          externals);
    }

    /** Classes by {@code m}'s thresholds, and each run's pooled PSNR-Y per class. */
    private ClassStats classStats(String name, Manifest m) {
      int k = m.numClasses();
      int[] counts = new int[k];
      List<int[]> classMaps = new ArrayList<>();
      for (Evaluation.Sample s : samples) {
        PatchAnalysis a = PatchAnalysis.of(s.lr(), m);
        int[] map = a.classMap();
        classMaps.add(map);
        for (int c : map) {
          counts[c - 1]++;
        }
      }
      Map<String, double[]> psnr = new LinkedHashMap<>();
      for (Run r : runs) {
        double[] sse = new double[k];
        long[] px = new long[k];
        for (int i = 0; i < samples.size(); i++) {
          PatchErrors e = r.errors().get(i);
          double[] es = e.sse();
          long[] ep = e.pixels();
          int[] map = classMaps.get(i);
          for (int p = 0; p < map.length; p++) {
            sse[map[p] - 1] += es[p];
            px[map[p] - 1] += ep[p];
          }
        }
        double[] v = new double[k];
        for (int c = 0; c < k; c++) {
          v[c] = PatchErrors.psnr(sse[c], px[c]);
        }
        psnr.put(key(r.role(), r.mode()), v);
      }
      return new ClassStats(name, counts, psnr);
    }
  }

  /** Key of a run in {@link ClassStats#psnrByRun()}: {@code wbsr/supernet}. */
  public static String key(Role role, String mode) {
    return role.name().toLowerCase(Locale.ROOT) + "/" + mode;
  }

  /** The name the report shows: the role's bundle name (the folder), e.g. {@code base-x2}. */
  private static String name(Role role, ModelBundle bundle) {
    return role.bundleName(bundle.manifest().scale());
  }

  static String f(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
