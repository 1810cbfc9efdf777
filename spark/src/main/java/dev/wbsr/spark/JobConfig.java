package dev.wbsr.spark;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.ImageFormat;
import dev.wbsr.job.ModelRef;
import dev.wbsr.job.OutputPolicy;
import dev.wbsr.job.UpscaleRequest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.timing.SubnetTimesCache;
import dev.wbsr.timing.TimeCosts;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * What every task needs, in serializable form: where its executor finds the model, the routing and
 * the output format. The core's objects are rebuilt from it on each executor.
 *
 * @param modelArchive the shipped bundle's archive name ({@code SparkFiles}), or null
 * @param modelDir the bundle folder inside the unpacked archive, or its shared local path
 * @param mode the routing mode, resolved on the driver (the bundle's own when none was given)
 * @param cost {@code flops} or {@code time}: with time, each executor routes WBSR by the subnet
 *     times measured on its own machine (cached per machine, like the CLI's {@code --cost time})
 */
public record JobConfig(
    String modelArchive,
    String modelDir,
    String bundleName,
    int scale,
    String mode,
    Double budget,
    String cost,
    String format,
    int quality,
    String device)
    implements Serializable {

  public RoutingPolicy policy() {
    return RoutingPolicy.parse(mode, budget, null);
  }

  /**
   * The routing on this executor: {@link #policy()}, or with {@code --cost time} WBSR over this
   * machine's measured subnet times (measured once per machine, bundle and margins).
   */
  public RoutingPolicy routed(ModelBundle bundle, SrEngine engine, PipelineOptions options) {
    return "time".equals(cost)
        ? TimeCosts.byTime(policy(), bundle, engine, options, SubnetTimesCache.standard())
        : policy();
  }

  public ImageFormat imageFormat() {
    return ImageFormat.parseWritable(format);
  }

  /** The file-to-file request of one input, written into {@code outDir}: the CLI's rules. */
  public UpscaleRequest request(Path input, Path outDir) {
    return new UpscaleRequest(
        List.of(input),
        false,
        new ModelRef(Path.of(modelDir), bundleName, scale),
        policy(),
        OutputPolicy.of(outDir, imageFormat()).withJpegQuality(quality));
  }
}
