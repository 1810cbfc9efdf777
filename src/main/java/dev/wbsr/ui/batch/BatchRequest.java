package dev.wbsr.ui.batch;

import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.RoutingRequest;
import java.nio.file.Path;

/**
 * One batch: every image in {@code input} (and its sub-folders when {@code recursive}, the tree
 * mirrored under {@code output}), named by {@code template} ({name}, {bundle}, {scale}, {mode}).
 */
public record BatchRequest(
    Path input,
    boolean recursive,
    Path output,
    String format,
    String template,
    BundleInfo bundle,
    RoutingRequest routing,
    Existing existing) {}
