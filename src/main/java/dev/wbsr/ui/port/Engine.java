package dev.wbsr.ui.port;

import dev.wbsr.image.RgbImage;
import java.nio.file.Path;
import java.util.List;

/** Bundles and sessions. */
public interface Engine {

  /** Every readable bundle directly under the given folders (broken ones are skipped). */
  List<BundleInfo> discover(List<Path> roots);

  /** Why bundle folders seen by the last {@link #discover} were skipped ("name: reason"). */
  default List<String> discoveryProblems() {
    return List.of();
  }

  /** One bundle folder; fails with a clear message when it is broken. */
  BundleInfo load(Path dir) throws Exception;

  UpscaleSession open(BundleInfo bundle, RgbImage lr) throws Exception;

  /** Where the last opened session runs, e.g. "cpu" or "cuda:0". */
  String device();

  /** "auto", "cpu" or "gpu": applies to sessions opened from now on. */
  default void setDevice(String choice) {}
}
