package dev.wbsr.job;

import static dev.wbsr.job.Jobs.png;
import static dev.wbsr.job.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.wbsr.job.FileResult.Cause;
import dev.wbsr.job.FileResult.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-to-file runner on real files with a nearest-neighbour fake model. */
class UpscaleRunnerTest {

  @TempDir Path tmp;
  private final Jobs.NearestX2 model = new Jobs.NearestX2();

  private JobSummary run(UpscaleRequest r) throws Exception {
    return new UpscaleRunner(r, model).run(JobListener.NONE, () -> false);
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void mirrorsTheTreeAndReportsEveryFile() throws Exception {
    Path in = tmp.resolve("in");
    png(in.resolve("a.png"), 10, 6);
    png(in.resolve("sub/b.png"), 8, 8);
    Files.writeString(in.resolve("notes.txt"), "not an image");
    png(in.resolve(".hidden.png"), 4, 4);
    Path out = tmp.resolve("out");
    List<FileResult> seen = new ArrayList<>();
    JobSummary s =
        new UpscaleRunner(request(List.of(in), true, out, WhenExists.FAIL), model)
            .run(
                new JobListener() {
                  @Override
                  public void onResult(int index, FileResult r) {
                    seen.add(r);
                  }
                },
                () -> false);
    assertThat(s.written()).isEqualTo(2);
    assertThat(seen).isEqualTo(s.results());
    assertThat(names(out)).containsExactly("a.png", "sub/b.png");
    assertThat(Jobs.width(out.resolve("a.png"))).isEqualTo(20);
    FileResult a = s.results().get(0);
    assertThat(a.inWidth()).isEqualTo(10);
    assertThat(a.outWidth()).isEqualTo(20);
    assertThat(a.flopsRatio()).isEqualTo(0.25);
  }

  /** Issue 14, item 7: with the output folder inside the input tree, reruns re-upscaled outputs. */
  @Test
  void theOutputFolderInsideTheInputTreeIsNotScanned() throws Exception {
    Path in = tmp.resolve("in");
    png(in.resolve("a.png"), 10, 6);
    Path out = in.resolve("out");
    assertThat(run(request(List.of(in), true, out, WhenExists.SKIP)).written()).isEqualTo(1);
    JobSummary again = run(request(List.of(in), true, out, WhenExists.SKIP));
    assertThat(again.results()).hasSize(1);
    assertThat(again.skipped()).isEqualTo(1);
    assertThat(names(in)).containsExactly("a.png", "out/a.png");
  }

  /**
   * Issue 14, item 6: {@code --overwrite -o same/ same/} replaced the inputs with their outputs.
   */
  @Test
  void neverWritesOverAnInputEvenWhenOverwriting() throws Exception {
    Path in = tmp.resolve("same");
    png(in.resolve("a.png"), 10, 6);
    byte[] before = Files.readAllBytes(in.resolve("a.png"));
    JobSummary s = run(request(List.of(in), false, in, WhenExists.OVERWRITE));
    assertThat(s.written()).isZero();
    FileResult f = s.failures().get(0);
    assertThat(f.cause()).isEqualTo(Cause.OUTPUT_IS_INPUT);
    assertThat(f.reason()).contains("is an input of this run", "choose another output folder");
    assertThat(Files.readAllBytes(in.resolve("a.png"))).isEqualTo(before);
    // a file given directly, written into its own folder
    JobSummary direct = run(request(List.of(in.resolve("a.png")), false, in, WhenExists.OVERWRITE));
    assertThat(direct.failures())
        .extracting(FileResult::cause)
        .containsExactly(Cause.OUTPUT_IS_INPUT);
    assertThat(Files.readAllBytes(in.resolve("a.png"))).isEqualTo(before);
  }

  @Test
  void existingOutputsFailSkipKeepBothOrAreReplacedAsTold() throws Exception {
    Path in = png(tmp.resolve("a.png"), 10, 6);
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("a.png"), "old");
    FileResult fail = run(request(List.of(in), false, out, WhenExists.FAIL)).results().get(0);
    assertThat(fail.status()).isEqualTo(Status.FAILED);
    assertThat(fail.cause()).isEqualTo(Cause.OUTPUT_EXISTS);
    assertThat(run(request(List.of(in), false, out, WhenExists.SKIP)).skipped()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("a.png"))).isEqualTo("old");
    FileResult both = run(request(List.of(in), false, out, WhenExists.KEEP_BOTH)).results().get(0);
    assertThat(both.output().getFileName().toString()).isEqualTo("a (1).png");
    assertThat(Files.readString(out.resolve("a.png"))).isEqualTo("old");
    run(request(List.of(in), false, out, WhenExists.OVERWRITE));
    assertThat(Jobs.width(out.resolve("a.png"))).isEqualTo(20);
  }

  @Test
  void twoInputsWithOneOutputNameAreNotBothWritten() throws Exception {
    Path a = png(tmp.resolve("x/a.png"), 10, 6);
    Path b = png(tmp.resolve("y/a.png"), 12, 6);
    JobSummary s = run(request(List.of(a, b), false, tmp.resolve("out"), WhenExists.FAIL));
    assertThat(s.written()).isEqualTo(1);
    assertThat(s.failures()).extracting(FileResult::cause).containsExactly(Cause.DUPLICATE_OUTPUT);
    assertThat(Jobs.width(tmp.resolve("out/a.png"))).isEqualTo(20);
  }

  /** Issue 14, item 5: a killed run's temporary file stayed, also after a rerun. */
  @Test
  void staleTemporaryFilesOfOurNamingAreRemovedOnTheNextRun() throws Exception {
    Path in = png(tmp.resolve("a.png"), 10, 6);
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Path dead = Files.writeString(out.resolve(".wbsr-2147483646-3.part"), "half a png");
    Path legacy = Files.writeString(out.resolve(".a.png.1a2b3c4d.part"), "half a png");
    Path live =
        Files.writeString(
            out.resolve(".wbsr-" + ProcessHandle.current().pid() + "-999999.part"), "in flight");
    Path mine = Files.writeString(out.resolve(".notes.part"), "the user's");
    assertThat(run(request(List.of(in), false, out, WhenExists.SKIP)).written()).isEqualTo(1);
    assertThat(dead).doesNotExist();
    assertThat(legacy).doesNotExist();
    assertThat(live).exists();
    assertThat(mine).exists();
  }

  /** Issue 14, item 8: a 253-byte name failed, its temporary name was over 255 bytes. */
  @Test
  void aNameOf253BytesIsWritten() throws Exception {
    assumeThat(System.getProperty("sun.jnu.encoding")).isEqualTo("UTF-8");
    String stem = "\u65e5".repeat(83); // 249 bytes in UTF-8
    Path in = png(tmp.resolve("in").resolve(stem + ".png"), 10, 6);
    assertThat(in.getFileName().toString().getBytes(StandardCharsets.UTF_8)).hasSize(253);
    Path out = tmp.resolve("out");
    JobSummary s = run(request(List.of(in), false, out, WhenExists.FAIL));
    assertThat(s.failures()).isEmpty();
    assertThat(out.resolve(stem + ".png")).exists();
  }

  /** Issue 14, item 8: a name with a byte that is not UTF-8 was "damaged or truncated". */
  @Test
  void aNameTheJvmCannotMapIsReportedPlainly() throws Exception {
    assumeThat(System.getProperty("os.name")).startsWith("Linux");
    Path in = tmp.resolve("in");
    png(in.resolve("good.png"), 10, 6);
    Process p =
        new ProcessBuilder("sh", "-c", "cp good.png \"$(printf 'bad\\377.png')\"")
            .directory(in.toFile())
            .start();
    assertThat(p.waitFor()).isZero();
    JobSummary s = run(request(List.of(in), false, tmp.resolve("out"), WhenExists.FAIL));
    assertThat(s.written()).isEqualTo(1);
    assertThat(s.failures()).hasSize(1);
    FileResult bad = s.failures().get(0);
    assertThat(bad.cause()).isEqualTo(Cause.UNREADABLE_NAME);
    assertThat(bad.reason()).contains("character set", "rename it");
  }

  /** Issue 14, item 13: GIFs were silently left out of a folder scan. */
  @Test
  void gifsAreListedAsSkippedWithTheReason() throws Exception {
    Path in = tmp.resolve("in");
    png(in.resolve("a.png"), 10, 6);
    Files.write(in.resolve("anim.gif"), "GIF89a".getBytes(StandardCharsets.US_ASCII));
    JobSummary s = run(request(List.of(in), false, tmp.resolve("out"), WhenExists.FAIL));
    assertThat(s.written()).isEqualTo(1);
    assertThat(s.skipped()).isEqualTo(1);
    FileResult gif =
        s.results().stream().filter(r -> r.status() == Status.SKIPPED).findFirst().orElseThrow();
    assertThat(gif.input().getFileName().toString()).isEqualTo("anim.gif");
    assertThat(gif.reason()).contains("GIF is not supported", "PNG");
    assertThat(model.calls.get()).isEqualTo(1);
  }

  /** Issue 14, item 10: {@code fake.png: fake.png: ...}. */
  @Test
  void aBadFilesReasonDoesNotRepeatItsName() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("fake.png"), "this is no png");
    JobSummary s = run(request(List.of(in), false, tmp.resolve("out"), WhenExists.FAIL));
    String reason = s.failures().get(0).reason();
    assertThat(reason).doesNotContain("fake.png").isNotBlank();
  }

  /** Issue 14, item 10: a read-only output folder said "could not be written" without why. */
  @Test
  void aReadOnlyOutputFolderSaysWhy() throws Exception {
    Path in = png(tmp.resolve("a.png"), 10, 6);
    Path out = Files.createDirectories(tmp.resolve("ro"));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeThat(Files.isWritable(out)).as("running as root").isFalse();
      JobSummary s = run(request(List.of(in), false, out, WhenExists.FAIL));
      assertThat(s.failures().get(0).reason()).contains("is not writable", "permission denied");
    } finally {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aCancelStopsBetweenFilesAndKeepsWhatWasDone() throws Exception {
    Path in = tmp.resolve("in");
    for (String n : List.of("a", "b", "c")) {
      png(in.resolve(n + ".png"), 10, 6);
    }
    AtomicBoolean cancel = new AtomicBoolean();
    JobSummary s =
        new UpscaleRunner(request(List.of(in), false, tmp.resolve("out"), WhenExists.FAIL), model)
            .run(
                new JobListener() {
                  @Override
                  public void onResult(int index, FileResult r) {
                    cancel.set(true);
                  }
                },
                cancel::get);
    assertThat(s.cancelled()).isTrue();
    assertThat(s.written()).isEqualTo(1);
    assertThat(names(tmp.resolve("out"))).containsExactly("a.png");
  }

  @Test
  void oneFileAtATime() throws Exception {
    Path in = png(tmp.resolve("a.png"), 10, 6);
    UpscaleRunner r =
        new UpscaleRunner(request(List.of(in), false, tmp.resolve("o"), WhenExists.FAIL), model);
    List<FileJob> jobs = r.plan();
    r.prepare(jobs);
    FileResult one = r.runOne(jobs.get(0), f -> {}, () -> false);
    assertThat(one.ok()).isTrue();
    assertThat(one.output()).exists();
  }
}
