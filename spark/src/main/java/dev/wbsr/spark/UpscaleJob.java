package dev.wbsr.spark;

import dev.wbsr.engine.Offline;
import dev.wbsr.job.InputScan;
import dev.wbsr.model.BundleLocator;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Batch upscaling as a Spark job:
 *
 * <pre>
 * spark-submit --class dev.wbsr.spark.UpscaleJob wbsr-spark.jar --model wbsr-x2 \
 *   --input PATH --output PATH [--mode MODE] [--budget B] [--cost flops|time]
 *   [--format png|jpg|tif]
 * </pre>
 *
 * The driver lists the images, groups them into tasks by size, ships the model bundle once, and
 * writes the per-image results as Parquet and JSON lines (default {@code
 * OUTPUT/_wbsr_results/run-TIME/}). Damaged images are rows with their error; the job succeeds.
 */
public final class UpscaleJob {

  private UpscaleJob() {}

  public static void main(String[] args) throws Exception {
    JobArgs a;
    try {
      a = JobArgs.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(JobArgs.USAGE);
      System.exit(2);
      return;
    }
    Offline.ensure();
    SparkSession spark = SparkSession.builder().appName("wbsr upscale").getOrCreate();
    try {
      Summary s = run(spark, a);
      System.out.println(s.describe());
    } finally {
      spark.stop();
    }
  }

  /** What a run did, for the driver's last lines (and the tests). */
  public record Summary(
      int images,
      int tasks,
      long ok,
      long skipped,
      long failed,
      double seconds,
      String results,
      List<Long> bytesPerTask) {
    public String describe() {
      return String.format(
          Locale.ROOT,
          "Done: %d upscaled, %d skipped, %d failed of %d image(s) in %d task(s) (bytes per task %s)"
              + " in %.1f s, %.3f images/s; results in %s",
          ok,
          skipped,
          failed,
          images,
          tasks,
          bytesPerTask,
          seconds,
          ok / Math.max(1e-9, seconds),
          results);
    }
  }

  /** Runs the job on {@code spark}. */
  public static Summary run(SparkSession spark, JobArgs a) throws IOException {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration hadoop = sc.hadoopConfiguration();
    ModelBundle bundle = locator(a).resolve(a.model());
    boolean classSr = bundle.manifest().kind() == Manifest.Kind.CLASSSR;
    String mode = a.mode() != null ? a.mode() : classSr ? "classsr" : "wbsr";
    String dirName = bundle.dir().getFileName().toString();
    JobConfig config;
    if (a.sharedModel()) {
      config = config(a, bundle, mode, null, bundle.dir().toAbsolutePath().toString());
    } else {
      Path zip = ModelArchive.zip(bundle.dir());
      sc.sc().addArchive(zip.toUri().toString());
      config = config(a, bundle, mode, zip.getFileName().toString(), dirName);
    }
    config.policy(); // a bad --mode or --budget fails here, before any task
    config.imageFormat();
    var naming = config.request(Path.of("input"), Path.of("output"));
    List<InputFile> files =
        Listing.list(
            hadoop, a.input(), a.output(), name -> InputScan.outputName(naming, Path.of(name)));
    int n = SizeGroups.count(files, a.tasks(), sc.defaultParallelism());
    List<List<InputFile>> groups = SizeGroups.of(files, n);
    List<Long> bytes = new ArrayList<>();
    for (List<InputFile> g : groups) {
      bytes.add(g.stream().mapToLong(InputFile::bytes).sum());
    }
    String results =
        a.results() != null
            ? a.results()
            : new org.apache.hadoop.fs.Path(
                    a.output(),
                    "_wbsr_results/run-"
                        + ZonedDateTime.now(ZoneOffset.UTC)
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toString();
    System.out.printf(
        Locale.ROOT,
        "Model %s (x%d), mode %s; %d image(s) in %d task(s) -> %s%n",
        bundle.name(),
        bundle.manifest().scale(),
        config.policy().label(),
        files.size(),
        groups.size(),
        a.output());
    long t0 = System.nanoTime();
    SerializableConfiguration conf = new SerializableConfiguration(hadoop);
    JobConfig c = config;
    JavaRDD<Row> rows =
        sc.parallelize(groups, Math.max(1, groups.size()))
            .flatMap(g -> ImageTask.run(g, c, conf))
            .map(ImageResult::toRow);
    // Parquet is computed once and is the record; the JSON lines are written from it, so the
    // images are never upscaled twice.
    spark.createDataFrame(rows, ImageResult.SCHEMA).write().parquet(results + "/parquet");
    double seconds = (System.nanoTime() - t0) / 1e9;
    Dataset<Row> table = spark.read().parquet(results + "/parquet");
    table.coalesce(1).write().json(results + "/json");
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    for (Row r : table.groupBy("status").count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    long ok = counts.getOrDefault(ImageResult.OK, 0L);
    long skipped = counts.getOrDefault(ImageResult.SKIPPED, 0L);
    long failed = counts.getOrDefault(ImageResult.FAILED, 0L);
    return new Summary(files.size(), groups.size(), ok, skipped, failed, seconds, results, bytes);
  }

  private static JobConfig config(
      JobArgs a, ModelBundle b, String mode, String archive, String dir) {
    return new JobConfig(
        archive,
        dir,
        b.name(),
        b.manifest().scale(),
        mode,
        a.budget(),
        a.cost(),
        a.format(),
        a.quality(),
        a.device());
  }

  private static BundleLocator locator(JobArgs a) {
    List<Path> roots = new ArrayList<>();
    if (a.modelsDir() != null) {
      roots.add(Path.of(a.modelsDir()).toAbsolutePath().normalize());
    }
    roots.addAll(BundleLocator.defaultRoots());
    return new BundleLocator(roots);
  }
}
