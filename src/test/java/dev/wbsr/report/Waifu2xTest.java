package dev.wbsr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.report.ReportData.External;
import dev.wbsr.report.ReportData.SetData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waifu2x plumbing with a fake executable (a shell script): the arguments, the LR files it
 * gets, reading its outputs back and scoring them like our rows; failures, timeouts and the
 * not-installed row. The real binary never runs here.
 */
class Waifu2xTest {

  @TempDir Path tmp;

  /**
   * A fake install: the script records its arguments and copies the {@code canned/xS/} PNGs, named
   * like its inputs, to the output folder.
   */
  private Path fakeInstall(String body) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("waifu2x"));
    Files.createDirectories(dir.resolve(Waifu2x.MODELS));
    Path bin = dir.resolve(Waifu2x.BINARY);
    Files.writeString(bin, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  private static final String COPY =
      """
      echo "$@" > "$(dirname "$0")/args.txt"
      while [ $# -gt 0 ]; do
        case "$1" in -i) in="$2"; shift;; -o) out="$2"; shift;; -s) s="$2"; shift;; esac; shift
      done
      ls "$in" > "$(dirname "$0")/inputs.txt"
      cp "$(dirname "$0")/canned/x$s/"*.png "$out"/""";

  /** The canned outputs: MATLAB bicubic upscales of the LR inputs, a stand-in for CUNet. */
  private static void can(Path dir, List<Evaluation.Sample> samples, int scale) throws Exception {
    for (int i = 0; i < samples.size(); i++) {
      RgbImage lr = samples.get(i).lr();
      RgbImage up = Bicubic.resize(lr, lr.width() * scale, lr.height() * scale);
      ImageSaver.save(
          up,
          dir.resolve("canned/x" + scale).resolve(String.format("%05d.png", i)),
          SaveOptions.defaults());
    }
  }

  private static List<Evaluation.Sample> samples(Path data, String set, int scale)
      throws Exception {
    return ValidationSets.load(ValidationSets.files(data, set, 0), scale);
  }

  @Test
  void runsTheBinaryWithTheIssuesArgumentsAndScoresItsOutputLikeOurRows() throws Exception {
    Path data = ReportFixtures.dataDir(tmp);
    List<Evaluation.Sample> photo = samples(data, "val-photo", 2);
    Path dir = fakeInstall(COPY);
    can(dir, photo, 2);

    External e =
        new ExternalRuns(Optional.of(dir), new PrintWriter(new StringWriter()))
            .waifu2x(2, "val-photo", photo);

    assertThat(e.problem()).isEmpty();
    String args = Files.readString(dir.resolve("args.txt")).strip();
    assertThat(args)
        .matches(
            "-i \\S+/in -o \\S+/out -f png -s 2 -n -1 -m "
                + dir.resolve(Waifu2x.MODELS)
                + " -g -1");
    assertThat(Files.readString(dir.resolve("inputs.txt")).lines().toList())
        .containsExactly("00000.png", "00001.png");
    for (int i = 0; i < photo.size(); i++) {
      Evaluation.Sample s = photo.get(i);
      RgbImage up = Bicubic.resize(s.lr(), s.lr().width() * 2, s.lr().height() * 2);
      assertThat(e.imagePsnrY().get(i)).isCloseTo(ImageQuality.psnrY(up, s.hr(), 2), within(1e-12));
    }
    assertThat(e.outputPixels())
        .isEqualTo(photo.stream().mapToLong(s -> s.hr().pixelCount()).sum());
    assertThat(e.seconds()).isPositive();
    assertThat(e.megapixelsPerSecond()).isPositive();
  }

  @Test
  void aFailingOrWrongSizedOrHangingBinaryGivesAReasonNotAnException() throws Exception {
    Path data = ReportFixtures.dataDir(tmp);
    List<Evaluation.Sample> classic = samples(data, "val-classic", 4);
    Path dir = fakeInstall("echo 'vkCreateInstance failed' >&2; exit 3");
    External failed =
        new ExternalRuns(Optional.of(dir), new PrintWriter(new StringWriter()))
            .waifu2x(4, "val-classic", classic);
    assertThat(failed.measured()).isFalse();
    assertThat(failed.problem()).startsWith("failed: exit status 3").contains("vkCreateInstance");

    // outputs of the wrong size (x2 images where x4 was asked)
    Path wrong = fakeInstall(COPY.replace("canned/x$s", "canned/x2"));
    can(wrong, classic, 2);
    External sized =
        new ExternalRuns(Optional.of(wrong), new PrintWriter(new StringWriter()))
            .waifu2x(4, "val-classic", classic);
    assertThat(sized.problem()).contains("expected");

    // an output that is not an upscale of its input (the real binary's -g -1 here writes noise)
    Path noise = fakeInstall(COPY);
    for (int i = 0; i < classic.size(); i++) {
      RgbImage lr = classic.get(i).lr();
      RgbImage grey = RgbImage.allocate(lr.width() * 4, lr.height() * 4);
      java.util.Arrays.fill(grey.rgb(), (byte) 128);
      ImageSaver.save(
          grey,
          noise.resolve("canned/x4").resolve(String.format("%05d.png", i)),
          SaveOptions.defaults());
    }
    External broken =
        new ExternalRuns(Optional.of(noise), new PrintWriter(new StringWriter()))
            .waifu2x(4, "val-classic", classic);
    assertThat(broken.measured()).isFalse();
    assertThat(broken.problem())
        .startsWith("broken output")
        .contains(
            String.format(java.util.Locale.ROOT, "%.3f dB", ExternalRuns.bicubicPsnrY(classic)));

    Path hang = fakeInstall("exec sleep 60");
    Waifu2x tool = Waifu2x.locate(hang).tool().orElseThrow().withBaseTimeout(1);
    RgbImage lr = classic.get(0).lr();
    assertThatThrownBy(() -> tool.upscale(List.of(lr), 2, tmp))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("timed out after");
  }

  @Test
  void anotherExecutableRunsInTheBinarysPlaceAndTheRowSaysWhichRan() throws Exception {
    Path data = ReportFixtures.dataDir(tmp);
    List<Evaluation.Sample> classic = samples(data, "val-classic", 2);
    Path dir = fakeInstall("echo 'the binary ran' >&2; exit 9");
    Path tools = Files.createDirectories(tmp.resolve("tools"));
    Path torch = tools.resolve(Waifu2x.TORCH);
    Files.writeString(torch, "#!/bin/sh\n" + COPY + "\n");
    Files.setPosixFilePermissions(torch, PosixFilePermissions.fromString("rwxr-xr-x"));
    can(tools, classic, 2);
    PrintWriter log = new PrintWriter(new StringWriter());

    // named relative to the working directory, as on a command line
    Path relative = Path.of("").toAbsolutePath().relativize(torch);
    External e =
        new ExternalRuns(Optional.of(dir), Optional.of(relative), log)
            .waifu2x(2, "val-classic", classic);

    assertThat(e.problem()).isEmpty();
    assertThat(e.system())
        .isEqualTo(Waifu2x.system(Optional.of(torch)))
        .contains("PyTorch reimplementation (training/tools/waifu2x_cunet.py)")
        .doesNotContain("binary");
    assertThat(Files.readString(tools.resolve("args.txt")).strip())
        .endsWith(" -m " + dir.resolve(Waifu2x.MODELS) + " -g -1");
    assertThat(ExternalRuns.WAIFU2X).contains("waifu2x-ncnn-vulkan binary");

    External missing =
        new ExternalRuns(Optional.of(dir), Optional.of(tools.resolve("nope")), log)
            .waifu2x(2, "val-classic", classic);
    assertThat(missing.measured()).isFalse();
    assertThat(missing.problem()).startsWith("not installed").contains(Waifu2x.EXE_ENV);
    assertThat(missing.system()).contains("executable nope");

    // the slower reimplementation gets a longer allowance before it counts as hung
    Waifu2x binary = Waifu2x.locate(dir).tool().orElseThrow();
    Waifu2x reimpl = Waifu2x.locate(dir, Optional.of(torch)).tool().orElseThrow();
    assertThat(binary.timeout(1_000_000).toSeconds()).isEqualTo(Waifu2x.BASE_TIMEOUT_S + 100);
    assertThat(reimpl.timeout(1_000_000).toSeconds()).isEqualTo(Waifu2x.BASE_TIMEOUT_S + 2000);

    assertThat(Waifu2x.defaultExecutable(Map.of(Waifu2x.EXE_ENV, "/x/waifu2x-torch")))
        .contains(Path.of("/x/waifu2x-torch"));
    assertThat(Waifu2x.defaultExecutable(Map.of(Waifu2x.ENV, "/opt/w2x"))).isEmpty();
  }

  @Test
  void notInstalledIsARowThatSaysHowToInstall() throws Exception {
    Waifu2x.Located none = Waifu2x.locate(tmp.resolve("nowhere"));
    assertThat(none.tool()).isEmpty();
    assertThat(none.problem()).startsWith("not installed").contains(Waifu2x.INSTALL, Waifu2x.ENV);

    // the report still runs and says so in every set's row
    ReportFixtures.Measured m = ReportFixtures.measured();
    ReportOptions o =
        m.options()
            .withSets(List.of("val-classic"))
            .withScales(List.of(2))
            .withWaifu2x(Optional.of(tmp.resolve("nowhere")));
    ReportData r = ReportFixtures.run(o, m.models());
    SetData set = r.scales().get(0).sets().get(0);
    assertThat(set.externals()).singleElement().satisfies(e -> assertThat(e.measured()).isFalse());
    String md = ResultsMarkdown.render(r, "wbsr report", List.of());
    assertThat(md)
        .contains("| waifu2x (external) | - | " + ExternalRuns.WAIFU2X + " | - |")
        .contains("waifu2x: not installed")
        .contains("waifu2x has no numbers for x2 Val-Classic: not installed (the reasons are");
    assertThat(ResultsMarkdown.headline(r)).contains("waifu2x has no numbers for x2 Val-Classic");
  }

  @Test
  void aMeasuredRowIsInTable1TheSummaryTheHeadlineAndPerImage() throws Exception {
    ReportFixtures.Measured m = ReportFixtures.measured();
    Path dir = fakeInstall(COPY);
    can(dir, samples(m.data(), "val-classic", 2), 2);
    ReportOptions o =
        m.options()
            .withSets(List.of("val-classic"))
            .withScales(List.of(2))
            .withWaifu2x(Optional.of(dir));
    ReportData r = ReportFixtures.run(o, m.models());
    External e = r.scales().get(0).sets().get(0).externals().get(0);
    assertThat(e.measured()).isTrue();
    String psnr = String.format(java.util.Locale.ROOT, "%.3f", e.psnrY());
    String md = ResultsMarkdown.render(r, "wbsr report", List.of());
    assertThat(md)
        .contains("| waifu2x (external) | - | " + ExternalRuns.WAIFU2X + " | " + psnr + " | ")
        .contains("| waifu2x (external) | " + psnr + " |")
        .contains("| waifu2x CUNet (PSNR-Y, speed) | **")
        .contains("waifu2x CUNet " + psnr + " dB");
  }

  @Test
  void theInstallFolderComesFromTheEnvironmentOrTheDataFolder() {
    assertThat(Waifu2x.defaultDir(Map.of(Waifu2x.ENV, "/opt/w2x", "WBSR_DATA", "/d"), "/h"))
        .isEqualTo(Path.of("/opt/w2x"));
    assertThat(Waifu2x.defaultDir(Map.of("WBSR_DATA", "/d"), "/h"))
        .isEqualTo(Path.of("/d/waifu2x"));
    assertThat(Waifu2x.defaultDir(Map.of(), "/h")).isEqualTo(Path.of("/h/.cache/wbsr/waifu2x"));
  }
}
