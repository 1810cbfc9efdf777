package dev.wbsr.report;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.ImageException;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleResult;
import dev.wbsr.pipeline.Upscaler;
import dev.wbsr.report.ReportData.ArmChoice;
import dev.wbsr.report.ReportData.BundleStatus;
import dev.wbsr.report.ReportData.ClassStats;
import dev.wbsr.report.ReportData.Run;
import dev.wbsr.report.ReportData.ScaleData;
import dev.wbsr.report.ReportData.SetData;
import dev.wbsr.report.ReportData.Sweep;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Measures the report. Per scale, every bundle is opened once and evaluated on every set:
 *
 * <ul>
 *   <li>the table rows are one-shot upscales of every image, exactly as {@code wbsr eval} does them
 *       ({@link Upscaler}, then {@link Evaluation#score}), so each row can be reproduced with
 *       {@code wbsr eval -m BUNDLE --mode MODE --hr DIR};
 *   <li>the sweeps (WBSR budgets, the static subnets, ARM's eta) run every routing of an image
 *       through one cached session ({@link SweepRun}), so each (patch, subnet) output is computed
 *       once, as the app's budget slider does. A patch taken from the cache may have been computed
 *       in another tile layout than a one-shot render would use, so sweep points can differ from a
 *       row of the same routing by a few thousandths of a dB; the first routing of each session
 *       (the supernet) is identical to the one-shot one.
 * </ul>
 *
 * An image's sweep runs after its one-shot rows and takes the tiles they ran from an {@link
 * InferenceMemo} (exact: same input, same output), which the rows themselves never read; the sweeps
 * of a few images run side by side, never beside a timed row.
 *
 * <p>WBSR's bundle runs first: the ARM row's eta is the cheapest one in the sweep whose PSNR-Y
 * reaches WBSR's on the same set.
 */
public final class ReportRunner {

  /** Opens the engine of a bundle (the CLI: ONNX Runtime with the CLI's device and threads). */
  @FunctionalInterface
  public interface EngineFactory {
    SrEngine open(ModelBundle bundle);
  }

  /** Order of evaluation: WBSR before base (the ARM row's eta depends on WBSR's PSNR). */
  /** Routing patch side of every bundle format v1 ({@code patch_size}). */
  static final int PATCH = 32;

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
        rowsAndSweeps(
            role,
            bundle,
            engine,
            set,
            List.of(RoutingPolicy.Wbsr.paper(), new RoutingPolicy.Supernet()),
            specs);
      }
      case BASE -> {
        List<Sweep> done =
            rowsAndSweeps(
                role,
                bundle,
                engine,
                set,
                List.of(new RoutingPolicy.Supernet(), RoutingPolicy.Wbsr.paper()),
                plans.routing("base", role, bundle));
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

  /**
   * The table rows of {@code policies} and the sweeps of {@code specs}, a few images at a time: the
   * images' one-shot rows run first, one after the other (timed, never reading a memo, but recorded
   * in the image's {@link InferenceMemo}), then the images' sweeps, side by side (untimed; each
   * takes the tiles its rows ran from its memo). Rows never overlap sweeps, so the times stay those
   * of a one-shot upscale alone; {@code workers} images per group keep both cores busy through the
   * sweeps' many small renders and bound the memory of memos and sessions.
   */
  private List<Sweep> rowsAndSweeps(
      Role role,
      ModelBundle bundle,
      SrEngine engine,
      SetBuilder set,
      List<RoutingPolicy> policies,
      List<SweepSpec> specs)
      throws InterruptedException {
    List<RowBuilder> rows = new ArrayList<>();
    policies.forEach(p -> rows.add(new RowBuilder(role, bundle, p)));
    SweepRun sweeps = new SweepRun(specs);
    int group = Math.max(1, Math.min(4, options.pipeline().workers()));
    long hits = 0;
    ExecutorService pool = Executors.newFixedThreadPool(group);
    try {
      for (int from = 0; from < set.samples.size(); from += group) {
        List<Evaluation.Sample> samples =
            set.samples.subList(from, Math.min(set.samples.size(), from + group));
        List<InferenceMemo> memos = new ArrayList<>();
        for (Evaluation.Sample s : samples) {
          InferenceMemo memo = new InferenceMemo(engine);
          memos.add(memo);
          memo.recording();
          for (RowBuilder row : rows) {
            row.add(s, upscale(s, bundle, memo, row.policy));
          }
          memo.replaying();
        }
        List<Future<SweepRun.ImageResult>> results = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
          Evaluation.Sample s = samples.get(i);
          InferenceMemo memo = memos.get(i);
          results.add(
              pool.submit(() -> sweeps.measure(s, bundle.manifest(), memo, options.pipeline())));
        }
        for (Future<SweepRun.ImageResult> r : results) {
          sweeps.add(await(r));
        }
        for (InferenceMemo memo : memos) {
          hits += memo.hits();
          memo.off();
        }
      }
    } finally {
      pool.shutdownNow();
      // no sweep may still be inside the engine when the caller closes it
      pool.awaitTermination(1, TimeUnit.HOURS);
    }
    for (RowBuilder row : rows) {
      set.add(row.build(set.set));
    }
    List<Sweep> done = sweeps.finish(bundle.manifest(), set.set, log);
    set.sweeps.addAll(done);
    log.println(
        f(
            "x%d %-12s %-10s sweeps: %d of %d routings rendered, %d tiles from the rows",
            bundle.manifest().scale(),
            set.set,
            name(role, bundle),
            sweeps.rendered(),
            set.samples.size() * (1 + specs.stream().mapToInt(x -> x.points().size()).sum()),
            hits));
    return done;
  }

  /** A sweep's result, with its failure rethrown as it was. */
  private static SweepRun.ImageResult await(Future<SweepRun.ImageResult> r)
      throws InterruptedException {
    try {
      return r.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof InterruptedException ie) {
        throw ie;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  private Run oneShot(
      Role role, ModelBundle bundle, SrEngine engine, SetBuilder set, RoutingPolicy policy)
      throws InterruptedException {
    RowBuilder row = new RowBuilder(role, bundle, policy);
    for (Evaluation.Sample s : set.samples) {
      row.add(s, upscale(s, bundle, engine, policy));
    }
    return row.build(set.set);
  }

  private UpscaleResult upscale(
      Evaluation.Sample s, ModelBundle bundle, SrEngine engine, RoutingPolicy policy)
      throws InterruptedException {
    return Upscaler.upscale(s.lr(), bundle.manifest(), engine, policy, options.pipeline(), null);
  }

  /** One table row (a bundle and a routing), image by image. */
  private final class RowBuilder {
    final Role role;
    final ModelBundle bundle;
    final RoutingPolicy policy;
    final List<Evaluation.ImageScore> scores = new ArrayList<>();
    final List<PatchErrors> errors = new ArrayList<>();

    RowBuilder(Role role, ModelBundle bundle, RoutingPolicy policy) {
      this.role = role;
      this.bundle = bundle;
      this.policy = policy;
    }

    void add(Evaluation.Sample s, UpscaleResult r) {
      scores.add(Evaluation.score(s, r));
      errors.add(PatchErrors.of(r.image(), s.hr(), r.analysis().grid(), s.scale()));
    }

    Run build(String set) {
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
              set,
              name(role, bundle),
              policy.label(),
              mean.psnrY(),
              mean.ssimY(),
              100 * mean.flopsRatio()));
      return run;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sweeps: see SweepRun

  record SweepPointSpec(String label, double param, RoutingPolicy policy) {}

  record SweepSpec(
      String id, String title, Role role, String bundle, List<SweepPointSpec> points) {}

  // ---------------------------------------------------------------------------------------------

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
