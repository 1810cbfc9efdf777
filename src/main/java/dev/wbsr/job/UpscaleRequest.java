package dev.wbsr.job;

import dev.wbsr.pipeline.RoutingPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One file-to-file job: image files and folders to upscale (folders descended when {@code
 * recursive}), the model and routing to run, and where the outputs go. Immutable; the CLI and the
 * app build one and hand it to an {@link UpscaleRunner}.
 */
public record UpscaleRequest(
    List<Path> inputs,
    boolean recursive,
    ModelRef model,
    RoutingPolicy routing,
    OutputPolicy output) {

  public UpscaleRequest {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(output, "output");
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no inputs");
    }
  }
}
