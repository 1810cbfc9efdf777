package dev.wbsr.model;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The typed numbers of a manifest's {@code provenance}: how long the network was trained and on
 * which Debian packages' photos. Everything optional, as hand-made and test bundles may omit it.
 *
 * @param iterations training steps ({@code provenance.iterations})
 * @param wallTimeSeconds training wall time ({@code provenance.wall_time_s})
 * @param dataPackages the packages of the training photos ({@code provenance.data_packages})
 */
public record TrainingRun(
    OptionalLong iterations, OptionalDouble wallTimeSeconds, List<DataPackage> dataPackages) {

  /** Nothing known. */
  public static final TrainingRun UNKNOWN =
      new TrainingRun(OptionalLong.empty(), OptionalDouble.empty(), List.of());

  public TrainingRun {
    dataPackages = List.copyOf(dataPackages);
  }

  /** A Debian package whose photos trained the bundle. */
  public record DataPackage(String name, String version) {}
}
