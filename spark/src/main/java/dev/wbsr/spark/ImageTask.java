package dev.wbsr.spark;

import dev.wbsr.job.FileJob;
import dev.wbsr.job.FileResult;
import dev.wbsr.job.InputScan;
import dev.wbsr.job.Reasons;
import dev.wbsr.job.UpscaleRequest;
import dev.wbsr.job.UpscaleRunner;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RoutingPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;

/**
 * One Spark task: upscales a group of files with the core's file-to-file runner. Each input is
 * copied from its file system to a local temporary folder, run through {@link UpscaleRunner#runOne}
 * (the CLI's decoding, routing, metadata and atomic-write rules), and the local output is copied to
 * the output file system under a hidden temporary name, then renamed into place. An image whose
 * output exists is skipped (a rerun resumes where a killed job stopped); an image that fails is a
 * row with its reason, never a failed task.
 */
public final class ImageTask {

  private final JobConfig config;
  private final Configuration hadoop;
  private final TaskContext context;

  private ImageTask(JobConfig config, Configuration hadoop, TaskContext context) {
    this.config = config;
    this.hadoop = hadoop;
    this.context = context;
  }

  /** Runs on an executor: the rows of {@code files}. */
  public static Iterator<ImageResult> run(
      List<InputFile> files, JobConfig config, SerializableConfiguration hadoop)
      throws IOException {
    TaskContext ctx = TaskContext.get();
    ImageTask task = new ImageTask(config, hadoop.get(), ctx);
    List<ImageResult> rows = new ArrayList<>();
    Path tmp = Files.createTempDirectory("wbsr-task-");
    try {
      for (InputFile f : files) {
        if (ctx != null && ctx.isInterrupted()) {
          break; // Spark killed the task (job cancelled, speculative copy lost): it reruns
          // elsewhere
        }
        rows.add(task.one(f, tmp));
      }
    } finally {
      deleteTree(tmp);
    }
    return rows.iterator();
  }

  private ImageResult one(InputFile f, Path tmp) {
    long t0 = System.nanoTime();
    String routing = config.policy().label();
    int part = context == null ? 0 : context.partitionId();
    org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(f.input());
    org.apache.hadoop.fs.Path dest = new org.apache.hadoop.fs.Path(f.output());
    Path work = null;
    try {
      FileSystem outFs = dest.getFileSystem(hadoop);
      if (outFs.exists(dest)) {
        return ImageResult.notDone(
            f,
            routing,
            ImageResult.SKIPPED,
            "its output " + f.output() + " exists",
            part,
            seconds(t0));
      }
      work = Files.createTempDirectory(tmp, "f");
      Path localIn = work.resolve("in").resolve(src.getName());
      Files.createDirectories(localIn.getParent());
      src.getFileSystem(hadoop)
          .copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(localIn.toUri()), true);
      Path outDir = Files.createDirectories(work.resolve("out"));
      UpscaleRequest request = config.request(localIn, outDir);
      Path localOut = outDir.resolve(InputScan.outputName(request, localIn));
      ExecutorModel.Loaded model = ExecutorModel.get(modelDir(), config.device(), executorCores());
      PipelineOptions options = PipelineOptions.batch().withWorkers(taskCpus());
      RoutingPolicy policy = config.routed(model.bundle(), model.engine(), options);
      routing = policy.label();
      MeasuredUpscaler up =
          new MeasuredUpscaler(model.bundle().manifest(), model.engine(), policy, options);
      UpscaleRunner runner = new UpscaleRunner(request, up);
      FileJob job = new FileJob(localIn, localOut, f.input(), null);
      runner.prepare(List.of(job));
      FileResult r = runner.runOne(job, p -> {}, () -> context != null && context.isInterrupted());
      if (!r.ok()) {
        return ImageResult.notDone(
            f,
            routing,
            r.status() == FileResult.Status.SKIPPED ? ImageResult.SKIPPED : ImageResult.FAILED,
            r.reason(),
            part,
            seconds(t0));
      }
      publish(outFs, localOut, dest);
      return new ImageResult(
          f.input(),
          f.output(),
          r.inWidth(),
          r.inHeight(),
          r.outWidth(),
          r.outHeight(),
          routing,
          up.paperGflops(),
          up.executedGflops(),
          seconds(t0),
          ImageResult.OK,
          null,
          part);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ImageResult.notDone(
          f, routing, ImageResult.FAILED, "the task was cancelled", part, seconds(t0));
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      return ImageResult.notDone(
          f, routing, ImageResult.FAILED, Reasons.of(e, null), part, seconds(t0));
    } finally {
      if (work != null) {
        deleteTree(work);
      }
    }
  }

  /**
   * Copies the finished local file to a hidden name next to {@code dest}, then renames it (atomic
   * on HDFS and local file systems; a copy on object stores, where the hidden name still keeps
   * readers from a half-written file). A rename that loses to another attempt of the same task,
   * which wrote the same bytes, is not an error.
   */
  private void publish(FileSystem target, Path local, org.apache.hadoop.fs.Path dest)
      throws IOException {
    // the local file system's checksummed view would leave a hidden .crc next to every output
    FileSystem fs = target instanceof ChecksumFileSystem c ? c.getRawFileSystem() : target;
    org.apache.hadoop.fs.Path parent = dest.getParent();
    fs.mkdirs(parent);
    long attempt = context == null ? 0 : context.taskAttemptId();
    org.apache.hadoop.fs.Path part =
        new org.apache.hadoop.fs.Path(parent, "." + dest.getName() + ".wbsr-" + attempt + ".part");
    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), part);
    if (!fs.rename(part, dest)) {
      fs.delete(part, false);
      if (!fs.exists(dest)) {
        throw new IOException("its output could not be moved into place at " + dest);
      }
    }
  }

  private Path modelDir() {
    if (config.modelArchive() == null) {
      return Path.of(config.modelDir());
    }
    return Path.of(SparkFiles.get(config.modelArchive())).resolve(config.modelDir());
  }

  private int taskCpus() {
    return context == null ? 1 : Math.max(1, context.cpus());
  }

  /**
   * spark.executor.cores where set (YARN, Kubernetes, standalone); else the JVM's cores (local).
   */
  private static int executorCores() {
    SparkEnv env = SparkEnv.get();
    int jvm = Runtime.getRuntime().availableProcessors();
    return env == null ? jvm : env.conf().getInt("spark.executor.cores", jvm);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder left behind is removed with the executor's temp dir
    }
  }
}
