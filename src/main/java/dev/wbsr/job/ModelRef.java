package dev.wbsr.job;

import dev.wbsr.model.ModelBundle;
import java.nio.file.Path;

/** The model a request runs: its bundle folder, name and scale (what outputs are named after). */
public record ModelRef(Path dir, String name, int scale) {

  public ModelRef {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be >= 1, got " + scale);
    }
  }

  public static ModelRef of(ModelBundle bundle) {
    return new ModelRef(bundle.dir(), bundle.name(), bundle.manifest().scale());
  }
}
