package dev.wbsr.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed, validated {@code manifest.json} of a bundle (format {@code wbsr-bundle} v1).
 * Free-form sections ({@code training}, {@code validation}, {@code provenance}) are kept as flat
 * maps of display strings; unknown keys are ignored.
 *
 * @param testFixture true for the tiny test bundles (never ship or benchmark them)
 * @param supernet index into {@link #subnets()} of the full network
 * @param trainingRun the typed numbers of {@code provenance} (steps, wall time, data packages)
 * @param validationScores the typed numbers of {@code validation}, by set name
 */
public record Manifest(
    String name,
    boolean testFixture,
    Kind kind,
    String title,
    String description,
    String version,
    String license,
    int scale,
    int patchSize,
    int receptiveField,
    ComplexitySpec complexity,
    List<SubnetSpec> subnets,
    int supernet,
    Optional<ArmTable> arm,
    Optional<ClassSrSpec> classsr,
    Optional<ParitySpec> parity,
    Map<String, String> training,
    Map<String, String> validation,
    Map<String, String> provenance,
    Optional<RoutingSpec> routing,
    TrainingRun trainingRun,
    Map<String, ValidationScores> validationScores) {

  public static final String FORMAT = "wbsr-bundle";

  /** 2: {@code routing} (calibration split, Pareto front), ARM table built on that split. */
  public static final int FORMAT_VERSION = 2;

  /** What kind of model a bundle holds. */
  public enum Kind {
    /** Weight-sharing supernet exported as one ONNX file per subnet. */
    WBSR,
    /** ClassSR: a classifier plus independent branches. */
    CLASSSR;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Manifest {
    subnets = List.copyOf(subnets);
    training = Map.copyOf(training);
    validation = Map.copyOf(validation);
    provenance = Map.copyOf(provenance);
    validationScores = Map.copyOf(validationScores);
  }

  /**
   * A manifest built in code (tests, synthetic bundles): no typed provenance or validation numbers.
   */
  public Manifest(
      String name,
      boolean testFixture,
      Kind kind,
      String title,
      String description,
      String version,
      String license,
      int scale,
      int patchSize,
      int receptiveField,
      ComplexitySpec complexity,
      List<SubnetSpec> subnets,
      int supernet,
      Optional<ArmTable> arm,
      Optional<ClassSrSpec> classsr,
      Optional<ParitySpec> parity,
      Map<String, String> training,
      Map<String, String> validation,
      Map<String, String> provenance,
      Optional<RoutingSpec> routing) {
    this(
        name,
        testFixture,
        kind,
        title,
        description,
        version,
        license,
        scale,
        patchSize,
        receptiveField,
        complexity,
        subnets,
        supernet,
        arm,
        classsr,
        parity,
        training,
        validation,
        provenance,
        routing,
        TrainingRun.UNKNOWN,
        Map.of());
  }

  /** A format 1 manifest (no routing calibration). */
  public Manifest(
      String name,
      boolean testFixture,
      Kind kind,
      String title,
      String description,
      String version,
      String license,
      int scale,
      int patchSize,
      int receptiveField,
      ComplexitySpec complexity,
      List<SubnetSpec> subnets,
      int supernet,
      Optional<ArmTable> arm,
      Optional<ClassSrSpec> classsr,
      Optional<ParitySpec> parity,
      Map<String, String> training,
      Map<String, String> validation,
      Map<String, String> provenance) {
    this(
        name,
        testFixture,
        kind,
        title,
        description,
        version,
        license,
        scale,
        patchSize,
        receptiveField,
        complexity,
        subnets,
        supernet,
        arm,
        classsr,
        parity,
        training,
        validation,
        provenance,
        Optional.empty());
  }

  /**
   * Subnet ids WBSR routes over by default: the calibrated Pareto front, or every subnet when the
   * bundle has none (format 1).
   */
  public int[] front() {
    return routing.isPresent()
        ? routing.get().front().stream().mapToInt(Integer::intValue).toArray()
        : java.util.stream.IntStream.range(0, subnets.size()).toArray();
  }

  public SubnetSpec supernetSpec() {
    return subnets.get(supernet);
  }

  /** Number of classes K. */
  public int numClasses() {
    return complexity.numClasses();
  }

  /** FLOPs of every subnet for one 32x32 LR patch, indexed like {@link #subnets()}. */
  public double[] flopsPerPatch() {
    return subnets.stream().mapToDouble(SubnetSpec::flopsPerPatch).toArray();
  }

  /** LR context radius of subnet {@code i}: its own receptive field, else the bundle's. */
  public int receptiveField(int i) {
    return subnets.get(i).receptiveField().orElse(receptiveField);
  }
}
