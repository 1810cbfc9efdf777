package dev.wbsr.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.cli.WbsrCommand;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job in {@code local[2]} on a small folder with a damaged file: its outputs are the bytes
 * {@code wbsr upscale} writes for the same files, the result table says what happened to each
 * image, and a rerun skips what is done.
 */
class UpscaleJobTest {

  private static SparkSession spark;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("wbsr-spark-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.local.dir", dir.resolve("spark-local").toString())
            .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString())
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static String models() {
    return System.getProperty("wbsr.models", "../models");
  }

  @Test
  void sparkOutputsMatchTheCliAndARerunSkipsWhatIsDone() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    write(image(96, 64, 1, false), "png", in.resolve("a.png"));
    write(image(72, 80, 2, false), "jpg", in.resolve("b.jpg"));
    write(image(64, 48, 3, true), "png", in.resolve("sub/c.png"));
    Files.write(in.resolve("broken.png"), "not a PNG at all, just text".getBytes());
    Files.writeString(in.resolve("notes.txt"), "not an image: not listed");

    Path out = dir.resolve("out");
    UpscaleJob.Summary first = run(in, out, dir.resolve("results-1"));
    assertThat(first.images()).isEqualTo(4);
    assertThat(first.ok()).isEqualTo(3);
    assertThat(first.failed()).isEqualTo(1);
    assertThat(first.tasks()).isEqualTo(4); // twice local[2]'s cores, each file its own task

    // the reference: the CLI on the same folder (exit 1: the damaged file fails there too)
    Path ref = dir.resolve("ref");
    CommandLine cli = WbsrCommand.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(new StringWriter()));
    int code =
        cli.execute(
            "upscale",
            "--models-dir",
            models(),
            "-m",
            "wbsr-x2",
            "-r",
            "-o",
            ref.toString(),
            in.toString());
    assertThat(code).isEqualTo(1);
    for (String name : List.of("a.png", "b.png", "sub/c.png")) {
      assertThat(out.resolve(name)).exists();
      assertThat(Files.readAllBytes(out.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(ref.resolve(name)));
    }
    assertThat(out.resolve("broken.png")).doesNotExist();
    assertThat(visibleAndHiddenFiles(out))
        .as("no temporary or checksum files left")
        .allMatch(p -> !p.getFileName().toString().startsWith("."));

    Map<String, ImageResult> rows = rows(first.results());
    assertThat(rows).hasSize(4);
    ImageResult a = rows.get("a.png");
    assertThat(a.status()).isEqualTo(ImageResult.OK);
    assertThat(a.output()).endsWith("/out/a.png");
    assertThat(List.of(a.width(), a.height(), a.outWidth(), a.outHeight()))
        .containsExactly(96, 64, 192, 128);
    assertThat(a.routing()).isNotBlank();
    assertThat(a.gflopsPaper()).isPositive();
    assertThat(a.gflopsExecuted()).isPositive();
    assertThat(a.error()).isNull();
    ImageResult broken = rows.get("broken.png");
    assertThat(broken.status()).isEqualTo(ImageResult.FAILED);
    assertThat(broken.error()).isNotBlank().doesNotContain("wbsr-task-"); // no executor temp path
    assertThat(broken.width()).isZero();
    assertThat(rows.values().stream().map(ImageResult::task).distinct()).hasSize(4);
    assertThat(jsonLines(first.results())).hasSize(4);

    // the rerun: the three written images are skipped and left as they were
    long before = Files.getLastModifiedTime(out.resolve("a.png")).toMillis();
    UpscaleJob.Summary again = run(in, out, dir.resolve("results-2"));
    assertThat(again.ok()).isZero();
    assertThat(again.skipped()).isEqualTo(3);
    assertThat(again.failed()).isEqualTo(1);
    Map<String, ImageResult> rerun = rows(again.results());
    assertThat(rerun.get("sub/c.png").status()).isEqualTo(ImageResult.SKIPPED);
    assertThat(rerun.get("sub/c.png").error()).contains("exists");
    assertThat(Files.getLastModifiedTime(out.resolve("a.png")).toMillis()).isEqualTo(before);
    assertThat(Files.readAllBytes(out.resolve("a.png")))
        .isEqualTo(Files.readAllBytes(ref.resolve("a.png")));

    // local mode runs every task in this JVM: the model was loaded once for both runs
    assertThat(ExecutorModel.loads()).isEqualTo(1);
  }

  private static UpscaleJob.Summary run(Path in, Path out, Path results) throws IOException {
    return UpscaleJob.run(
        spark,
        JobArgs.parse(
            new String[] {
              "--model",
              "wbsr-x2",
              "--models-dir",
              models(),
              "--input",
              in.toString(),
              "--output",
              out.toString(),
              "--results",
              results.toString()
            }));
  }

  /** Rows keyed by the input's path under {@code in/}. */
  private static Map<String, ImageResult> rows(String results) {
    return spark.read().parquet(results + "/parquet").collectAsList().stream()
        .map(ImageResult::of)
        .collect(
            Collectors.toMap(
                r -> r.input().substring(r.input().indexOf("/in/") + 4), Function.identity()));
  }

  private static List<String> jsonLines(String results) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(results, "json"))) {
      List<Path> parts = s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
      List<String> lines = new java.util.ArrayList<>();
      for (Path p : parts) {
        lines.addAll(Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList());
      }
      return lines;
    }
  }

  private static List<Path> visibleAndHiddenFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !root.relativize(p).toString().startsWith("_wbsr_results"))
          .toList();
    }
  }

  /** Smooth gradients with noise and a sharp square: flat and detailed patches for the router. */
  private static BufferedImage image(int w, int h, long seed, boolean alpha) {
    Random rnd = new Random(seed);
    BufferedImage img =
        new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean square = x > w / 3 && x < 2 * w / 3 && y > h / 3 && y < 2 * h / 3;
        int r = square ? 240 : (x * 255 / w + rnd.nextInt(9)) & 0xff;
        int g = square ? 20 : (y * 255 / h + rnd.nextInt(9)) & 0xff;
        int b = ((x + y) * 3 + rnd.nextInt(40)) & 0xff;
        int a = alpha ? 128 + (x * 127 / w) : 255;
        img.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
      }
    }
    return img;
  }

  private static void write(BufferedImage img, String format, Path file) throws IOException {
    if (!ImageIO.write(img, format, file.toFile())) {
      throw new IOException("no writer for " + format);
    }
  }
}
