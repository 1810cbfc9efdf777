/**
 * The file-to-file job, headless and shared by the CLI, the app's batch and a scale-out job: an
 * immutable {@link dev.wbsr.job.UpscaleRequest} (inputs, model, routing, output policy), the {@link
 * dev.wbsr.job.InputScan} that lists inputs and names outputs by one rule, and the {@link
 * dev.wbsr.job.UpscaleRunner} that reads, upscales, re-attaches alpha and writes each file,
 * reporting a {@link dev.wbsr.job.FileResult} per file. How pixels are upscaled is the caller's
 * {@link dev.wbsr.job.FrameUpscaler}; files are java.nio {@code Path}s, so any file system provider
 * works. {@link dev.wbsr.job.FileLoop} is the per-file loop (progress, failures, out of memory,
 * cancellation) that {@code eval} and {@code bench} use as well.
 */
package dev.wbsr.job;
