package dev.wbsr.ui.batch;

import dev.wbsr.image.ImageFormat;
import dev.wbsr.job.ModelRef;
import dev.wbsr.job.OutputPolicy;
import dev.wbsr.job.UpscaleRequest;
import dev.wbsr.job.WhenExists;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.RoutingPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * One batch as the dialog sees it: folders or files (folders descended when {@code recursive}, the
 * tree mirrored under {@code output}), named by {@code template} ({name}, {bundle}, {scale},
 * {mode}). {@link #toJob} turns it into the core's request.
 */
public record BatchRequest(
    List<Path> inputs,
    boolean recursive,
    Path output,
    String format,
    String template,
    ModelBundle bundle,
    RoutingPolicy routing,
    WhenExists existing) {

  public BatchRequest {
    inputs = List.copyOf(inputs);
  }

  public UpscaleRequest toJob() {
    OutputPolicy out =
        OutputPolicy.of(output, ImageFormat.parseWritable(format))
            .withNameTemplate(template == null || template.isBlank() ? "{name}_x{scale}" : template)
            .withWhenExists(existing);
    return new UpscaleRequest(
        inputs,
        recursive,
        new ModelRef(bundle.dir(), bundle.name(), bundle.manifest().scale()),
        routing,
        out);
  }
}
