package dev.wbsr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wbsr.engine.TestBundles;
import dev.wbsr.model.ModelBundle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The CLI end to end, in-process, on temporary folders and the tiny x2 bundle (the routing, info
 * and eval tests on each x2 bundle shape, {@link TestBundles#X2_SHAPES}).
 */
class CliTest {

  @TempDir Path tmp;
  private static ModelBundle bundle;

  @BeforeAll
  static void bundle() {
    bundle = TestBundles.tiny(2);
  }

  record Run(int code, String out, String err) {}

  static Run wbsr(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = WbsrCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String model() {
    return bundle.dir().toString();
  }

  static void writePng(Path file, int w, int h, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (x * 4) << 16 | (y * 3) << 8 | r.nextInt(64));
      }
    }
    ImageIO.write(img, "png", file.toFile());
  }

  @Test
  void upscaleMirrorsTheTreeNeverOverwritesAndSkipsOrReplacesOnlyWhenTold() throws Exception {
    Path in = tmp.resolve("in");
    writePng(in.resolve("a.png"), 40, 30, 1);
    writePng(in.resolve("sub/b.png"), 33, 20, 2);
    Files.writeString(in.resolve("notes.txt"), "not an image");
    Path out = tmp.resolve("out");

    Run first = wbsr("upscale", "-m", model(), "--recursive", "-o", out.toString(), in.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("Done: 2 upscaled, 0 skipped, 0 failed.");
    BufferedImage a = ImageIO.read(out.resolve("a.png").toFile());
    assertThat(a.getWidth()).isEqualTo(80);
    assertThat(ImageIO.read(out.resolve("sub/b.png").toFile()).getHeight()).isEqualTo(40);
    FileTime stamp = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(out.resolve("a.png"), stamp);

    Run again = wbsr("upscale", "-m", model(), "-r", "-o", out.toString(), in.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err())
        .contains("exists")
        .contains("choose another output folder with -o, or add --skip-existing or --overwrite");
    assertThat(Files.getLastModifiedTime(out.resolve("a.png"))).isEqualTo(stamp);

    Run skip =
        wbsr(
            "upscale", "-m", model(), "-r", "--skip-existing", "-o", out.toString(), in.toString());
    assertThat(skip.code()).isZero();
    assertThat(skip.out()).contains("0 upscaled, 2 skipped, 0 failed");

    Run replace =
        wbsr(
            "upscale",
            "-m",
            model(),
            "-r",
            "--overwrite",
            "--format",
            "jpg",
            "-o",
            out.toString(),
            in.toString());
    assertThat(replace.code()).isZero();
    assertThat(out.resolve("a.jpg")).exists();
    assertThat(noTemporaryFiles(out)).isTrue();
  }

  /** Issue 15: WebP output, lossless at --quality 100 (read back, same size as the upscale). */
  @Test
  void upscaleWritesWebp() throws Exception {
    Path in = tmp.resolve("webp-in");
    writePng(in.resolve("a.png"), 40, 30, 1);
    Path out = tmp.resolve("webp-out");
    Run r =
        wbsr(
            "upscale",
            "-m",
            model(),
            "--format",
            "webp",
            "--quality",
            "100",
            "-o",
            out.toString(),
            in.toString());
    assertThat(r.code()).isZero();
    Path webp = out.resolve("a.webp");
    byte[] head = Files.readAllBytes(webp);
    assertThat(dev.wbsr.image.ImageFormat.sniff(head, head.length))
        .contains(dev.wbsr.image.ImageFormat.WEBP);
    var back = new dev.wbsr.image.ImageLoader().load(webp);
    assertThat(back.rgb().width()).isEqualTo(80);
    assertThat(back.rgb().height()).isEqualTo(60);
    Run png =
        wbsr("upscale", "-m", model(), "-o", tmp.resolve("png-out").toString(), in.toString());
    assertThat(png.code()).isZero();
    var ref = new dev.wbsr.image.ImageLoader().load(tmp.resolve("png-out").resolve("a.png"));
    assertThat(back.rgb().rgb()).isEqualTo(ref.rgb().rgb()); // lossless: the same pixels as the PNG
  }

  /** Issue 14, item 6: {@code --overwrite -o same/ same/} replaced the inputs silently. */
  @Test
  void upscaleNeverWritesOverItsInputs() throws Exception {
    Path same = tmp.resolve("same");
    writePng(same.resolve("a.png"), 40, 30, 1);
    byte[] before = Files.readAllBytes(same.resolve("a.png"));
    Run r = wbsr("upscale", "-m", model(), "--overwrite", "-o", same.toString(), same.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("is an input of this run and is never written over", "use -o DIR");
    assertThat(Files.readAllBytes(same.resolve("a.png"))).isEqualTo(before);
  }

  /** Issue 14, item 7: each --recursive rerun upscaled the previous outputs again. */
  @Test
  void anOutputFolderInsideTheInputTreeIsNotUpscaledAgain() throws Exception {
    Path in = tmp.resolve("in");
    writePng(in.resolve("a.png"), 40, 30, 1);
    Path out = in.resolve("out");
    Run first = wbsr("upscale", "-m", model(), "-r", "-o", out.toString(), in.toString());
    assertThat(first.out()).contains("Done: 1 upscaled, 0 skipped, 0 failed.");
    Run again =
        wbsr(
            "upscale", "-m", model(), "-r", "--skip-existing", "-o", out.toString(), in.toString());
    assertThat(again.out()).contains("Done: 0 upscaled, 1 skipped, 0 failed.");
    assertThat(out.resolve("out")).doesNotExist();
  }

  /** Issue 14, item 12: {@code eval --json} wrote NaN, which strict JSON parsers reject. */
  @Test
  void evalJsonHasNoNaN() throws Exception {
    Path hr = tmp.resolve("hr");
    Files.createDirectories(hr);
    Files.writeString(hr.resolve("broken.png"), "this is no png");
    Path json = tmp.resolve("e.json");
    Run r = wbsr("eval", "--hr", hr.toString(), "-m", model(), "--json", json.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("failed  " + hr.resolve("broken.png") + ": ");
    assertThat(r.err()).doesNotContain("broken.png: broken.png");
    String text = Files.readString(json);
    assertThat(text).doesNotContain("NaN").contains("\"psnr_y\": null");
    assertThat(text).contains("\"psnr_y_reason\": \"no image could be scored\"");
    com.google.gson.JsonParser.parseString(text);
  }

  @Test
  void aBadFileIsReportedAndSkippedTheOthersGoOn() throws Exception {
    Path in = tmp.resolve("in");
    writePng(in.resolve("good1.png"), 32, 32, 1);
    Files.writeString(in.resolve("broken.png"), "this is no png");
    writePng(in.resolve("good2.png"), 20, 24, 2);
    Path out = tmp.resolve("out");

    Run r =
        wbsr("upscale", "-m", model(), "--mode", "supernet", "-o", out.toString(), in.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("failed  " + in.resolve("broken.png"));
    assertThat(r.out()).contains("Done: 2 upscaled, 0 skipped, 1 failed.");
    assertThat(out.resolve("good1.png")).exists();
    assertThat(out.resolve("good2.png")).exists();
    assertThat(out.resolve("broken.png")).doesNotExist();
    assertThat(noTemporaryFiles(out)).isTrue();
  }

  /**
   * Every routing mode, each subnet and both budget costs on each x2 bundle shape (issue 12: the v2
   * bundles have 6 subnets and a Pareto front), each giving the image at twice its size.
   */
  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void everyModeRunsAndGivesTheScaledImage(String fixture) throws Exception {
    ModelBundle b = TestBundles.fixture(fixture);
    int subnets = b.manifest().subnets().size();
    Path img = tmp.resolve("x.png");
    writePng(img, 70, 40, 3);
    List<List<String>> runs = new ArrayList<>();
    for (String mode : List.of("wbsr", "wbsr-literal", "supernet", "arm", "bicubic")) {
      runs.add(List.of("--mode", mode));
    }
    for (int s = 0; s < subnets; s++) {
      runs.add(List.of("--mode", "subnet:" + s));
    }
    runs.add(List.of("--budget", "0.5"));
    runs.add(List.of("--mode", "wbsr-literal", "--budget", "0.5"));
    runs.add(List.of("--mode", "arm", "--eta", "8"));
    runs.add(List.of("--budget", "0.6", "--cost", "time"));
    for (int i = 0; i < runs.size(); i++) {
      Path out = tmp.resolve("o" + i);
      List<String> args = new ArrayList<>(List.of("upscale", "-m", b.dir().toString()));
      args.addAll(runs.get(i));
      args.addAll(List.of("-o", out.toString(), img.toString()));
      Run r = wbsr(args.toArray(String[]::new));
      String what = fixture + " " + runs.get(i);
      assertThat(r.code()).as(what + ": " + r.err()).isZero();
      BufferedImage sr = ImageIO.read(out.resolve("x.png").toFile());
      assertThat(new int[] {sr.getWidth(), sr.getHeight()}).as(what).containsExactly(140, 80);
    }
    // one past the last subnet is refused in words that give the bundle's range
    Run past =
        wbsr(
            "upscale",
            "-m",
            b.dir().toString(),
            "--mode",
            "subnet:" + subnets,
            "-o",
            tmp.resolve("past").toString(),
            img.toString());
    assertThat(past.code()).isNotZero();
    assertThat(past.err()).contains("0.." + (subnets - 1));
    assertThat(tmp.resolve("past").resolve("x.png")).doesNotExist();
  }

  @Test
  void aClassSrBundleRoutesWithItsClassifierUnlessToldOtherwise() throws Exception {
    Path img = tmp.resolve("c.png");
    writePng(img, 70, 40, 4);
    String classSr = TestBundles.FIXTURES.resolve("tiny-classsr-x2").toString();
    Run own = wbsr("upscale", "-m", classSr, "-o", tmp.resolve("c1").toString(), img.toString());
    assertThat(own.code()).as(own.err()).isZero();
    assertThat(own.out()).contains("mode classsr");
    Run told =
        wbsr(
            "upscale",
            "-m",
            classSr,
            "--mode",
            "supernet",
            "-o",
            tmp.resolve("c2").toString(),
            img.toString());
    assertThat(told.code()).as(told.err()).isZero();
    assertThat(told.out()).contains("mode supernet");
    Run plain = wbsr("upscale", "-m", model(), "-o", tmp.resolve("c3").toString(), img.toString());
    assertThat(plain.out()).contains("mode wbsr");
    Run wrong =
        wbsr(
            "upscale",
            "-m",
            model(),
            "--mode",
            "classsr",
            "-o",
            tmp.resolve("c4").toString(),
            img.toString());
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err()).contains("not a ClassSR bundle");
    assertThat(tmp.resolve("c4").resolve("c.png")).doesNotExist();
  }

  @Test
  void usageErrorsExitWithTwoAndMissingThingsWithOne() {
    assertThat(wbsr("upscale", "--mode", "fast", "x.png").code()).isEqualTo(2);
    assertThat(wbsr("upscale", "--mode", "supernet", "--budget", "0.5", "x.png").code())
        .isEqualTo(2);
    assertThat(wbsr("upscale", "--format", "gif", "x.png").code()).isEqualTo(2);
    assertThat(wbsr("frobnicate").code()).isEqualTo(2);
    Run missing = wbsr("upscale", "-m", model(), tmp.resolve("nothing.png").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file or folder");
    Run noModel = wbsr("info", "-m", tmp.resolve("nope").toString());
    assertThat(noModel.code()).isEqualTo(1);
    assertThat(noModel.err()).contains("no model bundle");
  }

  @Test
  void helpOnEveryCommand() {
    for (String cmd : List.of("info", "upscale", "eval", "bench")) {
      Run r = wbsr(cmd, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: wbsr " + cmd);
    }
    assertThat(wbsr("--help").out()).contains("upscale", "bench", "info", "eval");
  }

  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void infoShowsSubnetsThresholdsAndDeviceAndChecksEveryNetwork(String fixture) {
    ModelBundle b = TestBundles.fixture(fixture);
    Run r = wbsr("info", "-m", b.dir().toString(), "--models-dir", b.dir().getParent().toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(b.name(), "thresholds:", "GFLOPs/patch", "(supernet)", "Device: cpu");
    Run check = wbsr("info", "--check", "-m", b.dir().toString());
    assertThat(check.code()).as(check.err()).isZero();
    int n = b.manifest().subnets().size();
    assertThat(check.out()).contains("All " + n + " networks match the manifest.");
    assertThat(check.out().lines().filter(l -> l.trim().startsWith("ok "))).hasSize(n);
  }

  @Test
  void benchPrintsATableAndJson() throws Exception {
    Path img = tmp.resolve("x.png");
    writePng(img, 64, 48, 4);
    Path json = tmp.resolve("bench.json");
    Run r =
        wbsr(
            "bench",
            "-m",
            model(),
            "--runs",
            "1",
            "--device",
            "cpu",
            "--json",
            json.toString(),
            img.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("supernet-whole", "supernet-patches", "wbsr", "bicubic");
    JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertThat(o.get("device").getAsString()).isEqualTo("cpu");
    JsonObject mode =
        o.getAsJsonArray("images")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("modes")
            .get(2)
            .getAsJsonObject();
    assertThat(mode.keySet())
        .contains(
            "seconds_median",
            "output_mpix_per_s",
            "flops_ratio",
            "time_ratio_whole",
            "peak_heap_mb");
  }

  @ParameterizedTest
  @MethodSource("dev.wbsr.engine.TestBundles#x2Shapes")
  void evalScoresAFolderAndWritesTheJsonOfIssueThree(String fixture) throws Exception {
    ModelBundle b = TestBundles.fixture(fixture);
    String model = b.dir().toString();
    Path hr = tmp.resolve("hr");
    writePng(hr.resolve("one.png"), 67, 45, 5);
    writePng(hr.resolve("two.png"), 40, 40, 6);
    Path json = tmp.resolve("eval.json");
    Run r =
        wbsr(
            "eval",
            "--hr",
            hr.toString(),
            "-m",
            model,
            "--budget",
            "0.7",
            "--save-sr",
            tmp.resolve("sr").toString(),
            "--save-lr",
            tmp.resolve("lr").toString(),
            "--json",
            json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("mean (2 images)");
    JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertThat(o.keySet()).contains("model", "scale", "mode", "budget", "device", "images", "mean");
    assertThat(o.get("budget").getAsDouble()).isEqualTo(0.7);
    JsonObject one = o.getAsJsonArray("images").get(0).getAsJsonObject();
    assertThat(one.keySet())
        .contains(
            "name",
            "psnr_y",
            "ssim_y",
            "gflops",
            "gflops_executed",
            "gflops_supernet",
            "seconds",
            "patches_per_subnet");
    assertThat(one.getAsJsonArray("patches_per_subnet")).hasSize(b.manifest().subnets().size());
    assertThat(one.get("psnr_y").getAsDouble()).isBetween(10.0, 100.0);
    assertThat(o.getAsJsonObject("mean").get("flops_ratio").getAsDouble())
        .isBetween(0.0, 0.7 + 1e-9);
    // modcrop to a multiple of 2, then LR = HR / 2
    assertThat(ImageIO.read(tmp.resolve("lr/one.png").toFile()).getWidth()).isEqualTo(33);
    assertThat(ImageIO.read(tmp.resolve("sr/one.png").toFile()).getWidth()).isEqualTo(66);
    assertThat(wbsr("eval", "--hr", hr.toString(), "-m", model, "--save-sr", hr.toString()).code())
        .isEqualTo(2);
  }

  private static boolean noTemporaryFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.noneMatch(p -> p.getFileName().toString().endsWith(".part"));
    }
  }
}
