package dev.wbsr.job;

import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.PartFiles;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs an {@link UpscaleRequest}: lists the inputs ({@link InputScan}), then for each file reads
 * it, upscales it with the caller's {@link FrameUpscaler}, re-attaches its alpha and metadata and
 * writes it atomically. A file that fails is reported and the rest go on. Never writes over an
 * input of the same run, never replaces an existing output unless the policy says so, and removes
 * temporary files that killed runs left in the output folders.
 *
 * <p>{@link #runOne} processes one file on its own, for callers that distribute files themselves.
 */
public final class UpscaleRunner {

  private final UpscaleRequest request;
  private final FrameUpscaler upscaler;

  /** Refuses, before decoding, an image whose upscaled output would not fit in the heap. */
  private final ImageLoader loader;

  /** Outputs claimed in this run, so two inputs never write one file. */
  private final Set<Path> claimed = new HashSet<>();

  /** Every input of the run (absolute, normalized), never to be written over. */
  private final Set<Path> inputs = new HashSet<>();

  public UpscaleRunner(UpscaleRequest request, FrameUpscaler upscaler) {
    this.request = request;
    this.upscaler = upscaler;
    this.loader = new ImageLoader().forUpscale(request.model().scale());
  }

  public UpscaleRequest request() {
    return request;
  }

  /** Lists the inputs and names their outputs; no file is read or written. */
  public List<FileJob> plan() throws IOException {
    return InputScan.plan(request);
  }

  /** Plans and runs every file; stops between files (or inside one) once {@code cancelled}. */
  public JobSummary run(JobListener listener, BooleanSupplier cancelled)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    List<FileJob> jobs = plan();
    listener.onPlanned(jobs.size());
    prepare(jobs);
    List<FileResult> results = new ArrayList<>();
    boolean finished =
        FileLoop.run(
            jobs,
            FileJob::input,
            cancelled,
            (i, job) -> {
              FileResult r =
                  process(job, f -> listener.onProgress(i, jobs.size(), job.input(), f), cancelled);
              results.add(r);
              listener.onResult(i, r);
            },
            (i, job, reason) -> {
              FileResult r =
                  FileResult.failed(job.input(), job.output(), FileResult.Cause.ERROR, reason);
              results.add(r);
              listener.onResult(i, r);
            });
    return new JobSummary(results, !finished, (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Processes one planned file. Call {@link #prepare} with the run's files first (it records the
   * inputs that must never be written over and cleans the output folders).
   *
   * @throws CancellationException when cancelled during the file (nothing was written)
   */
  public FileResult runOne(
      FileJob job, java.util.function.DoubleConsumer progress, BooleanSupplier cancelled)
      throws InterruptedException {
    try {
      return process(job, progress, cancelled);
    } catch (InterruptedException | CancellationException e) {
      throw e;
    } catch (Exception | OutOfMemoryError e) {
      return FileResult.failed(
          job.input(), job.output(), FileResult.Cause.ERROR, Reasons.of(e, job.input()));
    }
  }

  /** Remembers the run's inputs and removes stale temporary files from its output folders. */
  public void prepare(List<FileJob> jobs) {
    Set<Path> folders = new LinkedHashSet<>();
    for (FileJob j : jobs) {
      inputs.add(key(j.input()));
      Path parent = j.output().toAbsolutePath().getParent();
      if (parent != null) {
        folders.add(parent);
      }
    }
    for (Path dir : folders) {
      try {
        PartFiles.removeStale(dir);
      } catch (IOException ignored) {
        // an unreadable output folder fails its files with a clear reason when they are written
      }
    }
  }

  private FileResult process(
      FileJob job, java.util.function.DoubleConsumer progress, BooleanSupplier cancelled)
      throws Exception {
    if (job.refusal() != null) {
      return job.refusal();
    }
    long t0 = System.nanoTime();
    Path in = job.input();
    Path out = job.output();
    boolean overwrite = false;
    if (inputs.contains(key(out)) || isSameFile(in, out)) {
      return FileResult.failed(
          in,
          out,
          FileResult.Cause.OUTPUT_IS_INPUT,
          "its output "
              + out
              + " is an input of this run and is never written over;"
              + " choose another output folder");
    }
    WhenExists policy = request.output().whenExists();
    boolean taken = claimed.contains(key(out));
    if (taken && policy != WhenExists.KEEP_BOTH) {
      return FileResult.failed(
          in,
          out,
          FileResult.Cause.DUPLICATE_OUTPUT,
          "its output " + out + " is also the output of an earlier input; rename one of them");
    }
    if (taken || Files.exists(out)) {
      switch (policy) {
        case SKIP:
          return FileResult.skipped(
              in, out, FileResult.Cause.OUTPUT_EXISTS, "its output " + out + " exists");
        case FAIL:
          return FileResult.failed(
              in, out, FileResult.Cause.OUTPUT_EXISTS, "its output " + out + " exists");
        case KEEP_BOTH:
          out =
              InputScan.freeName(
                  out, p -> Files.exists(p) || claimed.contains(key(p)) || inputs.contains(key(p)));
          break;
        case OVERWRITE:
          overwrite = true;
          break;
        default:
          throw new IllegalStateException();
      }
    }
    claimed.add(key(out));
    LoadedImage source = loader.load(in);
    RgbImage lr = source.rgb();
    FrameUpscaler.Upscaled up = upscaler.upscale(lr, progress::accept, cancelled);
    if (cancelled.getAsBoolean()) {
      throw new CancellationException("cancelled");
    }
    SaveOptions save =
        SaveOptions.defaults()
            .withFormat(request.output().format())
            .withJpegQuality(request.output().jpegQuality())
            .withOverwrite(overwrite);
    ImageSaver.save(Alpha.reattach(source, up.image()), out, save);
    progress.accept(1);
    return new FileResult(
        in,
        out,
        FileResult.Status.OK,
        FileResult.Cause.NONE,
        null,
        lr.width(),
        lr.height(),
        up.image().width(),
        up.image().height(),
        up.flopsRatio(),
        (System.nanoTime() - t0) / 1e9,
        source.metadata().warnings());
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
