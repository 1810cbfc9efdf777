package dev.wbsr.report;

import dev.wbsr.model.ModelBundle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code wbsr report} run measured; immutable, written by the markdown and plots.
 */
public record ReportData(ReportOptions options, Environment environment, List<ScaleData> scales) {

  public ReportData {
    scales = List.copyOf(scales);
  }

  /**
   * Where it ran.
   *
   * @param device the engine's device ({@code cpu}, {@code cuda:0}); {@code -} if nothing ran
   * @param loadAverage system load average at the start and end of the run (empty without timing)
   */
  public record Environment(
      String device,
      String cpu,
      int cores,
      String java,
      int workers,
      List<String> dataPackages,
      Optional<double[]> loadAverage) {}

  /** A role's bundle at one scale: present, or why not. */
  public record BundleStatus(Role role, String name, Optional<ModelBundle> bundle, String problem) {
    public boolean present() {
      return bundle.isPresent();
    }
  }

  /**
   * One system (bundle + routing mode) on one set, every image upscaled one-shot as {@code wbsr
   * eval} does.
   *
   * @param mode {@code supernet}, {@code wbsr}, {@code arm} or {@code classsr}
   * @param policyLabel the policy's label, e.g. {@code arm (eta 4.00)}
   * @param supernetFlopsPerPatch the bundle's largest network, FLOPs per 32x32 LR patch
   * @param errors per image, the squared Y errors per patch (for the per-class PSNR)
   */
  public record Run(
      Role role,
      String bundle,
      String mode,
      String policyLabel,
      List<Evaluation.ImageScore> images,
      Evaluation.Mean mean,
      double supernetFlopsPerPatch,
      List<PatchErrors> errors) {

    public Run {
      images = List.copyOf(images);
      errors = List.copyOf(errors);
    }

    /** Mean FLOPs per 32x32 LR patch, paper convention, in G. */
    public double gflops() {
      return mean.flopsRatio() * supernetFlopsPerPatch / 1e9;
    }

    /** Mean FLOPs per 32x32 LR patch actually executed (tile margins included), in G. */
    public double gflopsExecuted() {
      return mean.flopsRatioExecuted() * supernetFlopsPerPatch / 1e9;
    }
  }

  /** One routing of a sweep: means over the set, from the cached session. */
  public record SweepPoint(String label, double param, double psnrY, double gflops) {}

  /**
   * A sweep of one routing family on one bundle.
   *
   * @param id {@code wbsr-budget}, {@code wbsr-subnets}, {@code arm-eta}, {@code base-budget}
   */
  public record Sweep(String id, String title, Role role, String bundle, List<SweepPoint> points) {
    public Sweep {
      points = List.copyOf(points);
    }
  }

  /** The eta of the ARM row and the rule that picked it. */
  public record ArmChoice(double eta, String rule) {}

  /**
   * Patch classes of a set (the thresholds of {@code bundle}) and the pooled PSNR-Y of every class
   * under some runs.
   *
   * @param counts patches per class (index 0 = class 1), partial border patches included
   * @param psnrByRun run key ({@code role/mode}) to PSNR-Y per class (NaN: no patch)
   */
  public record ClassStats(String bundle, int[] counts, Map<String, double[]> psnrByRun) {
    public ClassStats {
      counts = counts.clone();
      psnrByRun = Map.copyOf(psnrByRun);
    }

    @Override
    public int[] counts() {
      return counts.clone();
    }

    public double fraction(int cls) {
      int total = 0;
      for (int c : counts) {
        total += c;
      }
      return total == 0 ? 0 : (double) counts[cls - 1] / total;
    }
  }

  /**
   * An external upscaler (issue 12's anchor, waifu2x) on one set, scored like the runs on the same
   * LR inputs, or why it has no numbers.
   *
   * @param system what ran, e.g. {@code waifu2x CUNet, no denoise}
   * @param imagePsnrY PSNR-Y per image, in the set's order (empty when not measured)
   * @param seconds wall time of the process(es) over the whole set
   * @param outputPixels HR-sized output pixels over the whole set
   * @param problem why there are no numbers ("" when measured)
   */
  public record External(
      String system,
      List<Double> imagePsnrY,
      double psnrY,
      double ssimY,
      double seconds,
      long outputPixels,
      String problem) {

    public External {
      imagePsnrY = List.copyOf(imagePsnrY);
    }

    /** No numbers, for the reason given. */
    public static External missing(String system, String problem) {
      return new External(system, List.of(), Double.NaN, Double.NaN, Double.NaN, 0, problem);
    }

    public boolean measured() {
      return problem.isEmpty();
    }

    /** Output megapixels per second of wall time. */
    public double megapixelsPerSecond() {
      return outputPixels / 1e6 / seconds;
    }
  }

  /**
   * One set at one scale.
   *
   * @param lrPatches 32x32 routing patches of the LR images (partial border patches included)
   * @param outputPixels HR-sized output pixels of the whole set (for megapixels per second)
   * @param externals external upscalers measured on the same LR inputs (waifu2x)
   */
  public record SetData(
      String set,
      List<String> images,
      int lrPatches,
      long outputPixels,
      List<Run> runs,
      List<Sweep> sweeps,
      Optional<ArmChoice> arm,
      Optional<ClassStats> classes,
      List<External> externals) {

    public SetData {
      images = List.copyOf(images);
      runs = List.copyOf(runs);
      sweeps = List.copyOf(sweeps);
      externals = List.copyOf(externals);
    }

    /** Output megapixels per second of a run's one-shot upscales (NaN without timing). */
    public double megapixelsPerSecond(Run r) {
      double seconds = r.images().stream().mapToDouble(Evaluation.ImageScore::seconds).sum();
      return seconds > 0 ? outputPixels / 1e6 / seconds : Double.NaN;
    }

    public Optional<Run> run(Role role, String mode) {
      return runs.stream().filter(r -> r.role() == role && r.mode().equals(mode)).findFirst();
    }

    public Optional<Sweep> sweep(String id) {
      return sweeps.stream().filter(s -> s.id().equals(id)).findFirst();
    }
  }

  /**
   * One scale.
   *
   * @param referenceFlops FLOPs per patch that "% of base" divides by: base's supernet (or, without
   *     base, WBSR's, which has the same architecture); 0 when neither exists
   * @param failures roles whose bundle was present but could not be evaluated, with the error
   */
  public record ScaleData(
      int scale,
      List<BundleStatus> bundles,
      double referenceFlops,
      String referenceFrom,
      List<SetData> sets,
      Map<Role, String> failures) {

    public ScaleData {
      bundles = List.copyOf(bundles);
      sets = List.copyOf(sets);
      failures = Map.copyOf(failures);
    }

    public Optional<BundleStatus> status(Role role) {
      return bundles.stream().filter(b -> b.role() == role).findFirst();
    }

    /** Why a role has no numbers at this scale ("" when it has). */
    public String problem(Role role) {
      if (failures.containsKey(role)) {
        return "evaluation failed: " + failures.get(role);
      }
      return status(role)
          .map(b -> b.present() ? "" : b.problem())
          .orElse("not part of the report at x" + scale);
    }
  }
}
