package dev.wbsr.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  /**
   * A builder for a manifest made in code (tests, synthetic bundles), with the reader's defaults.
   */
  public static Builder builder(String name, Kind kind) {
    return new Builder(name, kind);
  }

  /** A builder that starts from this manifest, to change a few components. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The one way to make a {@link Manifest} by hand. What a bundle may omit defaults as {@link
   * ManifestReader} reads it (title = name, version 0.0.0, license unknown, no optional sections);
   * the supernet defaults to the last subnet (the rule for wbsr bundles).
   */
  public static final class Builder {
    private final String name;
    private final Kind kind;
    private boolean testFixture;
    private String title;
    private String description = "";
    private String version = "0.0.0";
    private String license = "unknown";
    private int scale = 2;
    private int patchSize = 32;
    private int receptiveField;
    private ComplexitySpec complexity;
    private List<SubnetSpec> subnets = List.of();
    private int supernet = -1;
    private Optional<ArmTable> arm = Optional.empty();
    private Optional<ClassSrSpec> classsr = Optional.empty();
    private Optional<ParitySpec> parity = Optional.empty();
    private Map<String, String> training = Map.of();
    private Map<String, String> validation = Map.of();
    private Map<String, String> provenance = Map.of();
    private Optional<RoutingSpec> routing = Optional.empty();
    private TrainingRun trainingRun = TrainingRun.UNKNOWN;
    private Map<String, ValidationScores> validationScores = Map.of();

    private Builder(String name, Kind kind) {
      this.name = Objects.requireNonNull(name, "name");
      this.kind = Objects.requireNonNull(kind, "kind");
      this.title = name;
    }

    private Builder(Manifest m) {
      name = m.name;
      kind = m.kind;
      testFixture = m.testFixture;
      title = m.title;
      description = m.description;
      version = m.version;
      license = m.license;
      scale = m.scale;
      patchSize = m.patchSize;
      receptiveField = m.receptiveField;
      complexity = m.complexity;
      subnets = m.subnets;
      supernet = m.supernet;
      arm = m.arm;
      classsr = m.classsr;
      parity = m.parity;
      training = m.training;
      validation = m.validation;
      provenance = m.provenance;
      routing = m.routing;
      trainingRun = m.trainingRun;
      validationScores = m.validationScores;
    }

    public Builder testFixture(boolean v) {
      testFixture = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder description(String v) {
      description = v;
      return this;
    }

    public Builder version(String v) {
      version = v;
      return this;
    }

    public Builder license(String v) {
      license = v;
      return this;
    }

    public Builder scale(int v) {
      scale = v;
      return this;
    }

    public Builder patchSize(int v) {
      patchSize = v;
      return this;
    }

    public Builder receptiveField(int v) {
      receptiveField = v;
      return this;
    }

    public Builder complexity(ComplexitySpec v) {
      complexity = v;
      return this;
    }

    public Builder subnets(List<SubnetSpec> v) {
      subnets = v;
      return this;
    }

    /** Index into the subnets of the full network (default: the last). */
    public Builder supernet(int v) {
      supernet = v;
      return this;
    }

    public Builder arm(Optional<ArmTable> v) {
      arm = v;
      return this;
    }

    public Builder classsr(Optional<ClassSrSpec> v) {
      classsr = v;
      return this;
    }

    public Builder parity(Optional<ParitySpec> v) {
      parity = v;
      return this;
    }

    public Builder training(Map<String, String> v) {
      training = v;
      return this;
    }

    public Builder validation(Map<String, String> v) {
      validation = v;
      return this;
    }

    public Builder provenance(Map<String, String> v) {
      provenance = v;
      return this;
    }

    /** Format 2's routing calibration; empty for a format 1 bundle. */
    public Builder routing(Optional<RoutingSpec> v) {
      routing = v;
      return this;
    }

    public Builder trainingRun(TrainingRun v) {
      trainingRun = v;
      return this;
    }

    public Builder validationScores(Map<String, ValidationScores> v) {
      validationScores = v;
      return this;
    }

    public Manifest build() {
      return new Manifest(
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
          Objects.requireNonNull(complexity, "complexity"),
          subnets,
          supernet >= 0 ? supernet : subnets.size() - 1,
          arm,
          classsr,
          parity,
          training,
          validation,
          provenance,
          routing,
          trainingRun,
          validationScores);
    }
  }
}
