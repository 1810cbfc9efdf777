package dev.wbsr.ui.port;

import java.util.Objects;

/** Everything the app needs from the core, injected at start-up. */
public record Services(Engine engine, ImageStore images, Metrics metrics) {
  public Services {
    Objects.requireNonNull(engine);
    Objects.requireNonNull(images);
    Objects.requireNonNull(metrics);
  }
}
