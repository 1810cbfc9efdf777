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
 * {mode}), JPEG and WebP at {@code quality} (WebP 100: lossless). {@link #toJob} turns it into the
 * core's request.
 */
public record BatchRequest(
    List<Path> inputs,
    boolean recursive,
    Path output,
    String format,
    String template,
    ModelBundle bundle,
    RoutingPolicy routing,
    WhenExists existing,
    int quality) {

  public BatchRequest {
    inputs = List.copyOf(inputs);
    quality = Math.max(1, Math.min(100, quality));
  }

  /** At the default JPEG/WebP quality. */
  public BatchRequest(
      List<Path> inputs,
      boolean recursive,
      Path output,
      String format,
      String template,
      ModelBundle bundle,
      RoutingPolicy routing,
      WhenExists existing) {
    this(
        inputs,
        recursive,
        output,
        format,
        template,
        bundle,
        routing,
        existing,
        dev.wbsr.image.SaveOptions.DEFAULT_JPEG_QUALITY);
  }

  public UpscaleRequest toJob() {
    OutputPolicy out =
        OutputPolicy.of(output, ImageFormat.parseWritable(format))
            .withNameTemplate(template == null || template.isBlank() ? "{name}_x{scale}" : template)
            .withWhenExists(existing)
            .withJpegQuality(quality);
    return new UpscaleRequest(
        inputs,
        recursive,
        new ModelRef(bundle.dir(), bundle.name(), bundle.manifest().scale()),
        routing,
        out);
  }
}
