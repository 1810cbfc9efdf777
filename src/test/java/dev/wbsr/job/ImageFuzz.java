package dev.wbsr.job;

import dev.wbsr.image.FuzzSeeds;
import dev.wbsr.image.FuzzSeeds.Seed;
import dev.wbsr.image.ImageException;
import dev.wbsr.image.ImageFormat;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.LoadedImage;
import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.RoutingPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Seeded fuzzing of image inputs (issue 14): mutates valid files of every supported format (bit
 * flips, truncation, corrupted header fields), loads each with {@link ImageLoader} and runs it
 * through {@link UpscaleRunner} with a nearest-neighbour upscaler. Every case must end in one of
 * three acceptable ways: the same pixels as the seed, different pixels from a file whose data
 * changed (never from a truncated one), or a refusal with one plain sentence; and the runner must
 * write an output exactly when the image decoded, never a temporary file.
 *
 * <p>{@link ImageFuzzTest} runs a few hundred cases in {@code mvn verify}; {@link #main} is the
 * long run documented in the README ({@code bench/fuzz-images.sh}).
 */
public final class ImageFuzz {

  public enum Mutation {
    BIT_FLIP,
    TRUNCATION,
    HEADER_FIELD
  }

  /** How one case ended; the last four are violations. */
  public enum Outcome {
    SAME_PIXELS,
    CHANGED_PIXELS,
    REFUSED,
    CRASH,
    HANG,
    RAW_MESSAGE,
    INCOMPLETE_DECODE,
    BAD_OUTPUT;

    public boolean violation() {
      return ordinal() >= CRASH.ordinal();
    }
  }

  /** One mutated file, reproducible from the run's seed and its index. */
  public record Case(int index, Seed seed, Mutation mutation, byte[] bytes, String what) {}

  public record Result(Case c, Outcome outcome, String detail) {}

  /** Longer than any sane decode of these small files: a case still running then is a hang. */
  static final long HANG_SECONDS = 60;

  static final List<ImageFormat> FORMATS =
      List.of(
          ImageFormat.PNG,
          ImageFormat.JPEG,
          ImageFormat.TIFF,
          ImageFormat.WEBP,
          ImageFormat.BMP,
          ImageFormat.PSD);

  private final List<Seed> seeds;
  private final long runSeed;
  private final Path work;
  private final ImageLoader loader = new ImageLoader();
  private ExecutorService exec = Executors.newSingleThreadExecutor(ImageFuzz::daemon);

  public ImageFuzz(Path work, long runSeed) throws IOException {
    this.work = work;
    this.runSeed = runSeed;
    this.seeds = FuzzSeeds.make(work.resolve("seeds"), loader);
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "fuzz-case");
    t.setDaemon(true);
    return t;
  }

  /** Case {@code i} of {@code format}: the seed, the mutation and its bytes follow from i. */
  public Case make(ImageFormat format, int i) {
    List<Seed> of = seeds.stream().filter(s -> s.format() == format).toList();
    Seed seed = of.get(i % of.size());
    Mutation m = Mutation.values()[(i / of.size()) % 3];
    Random r = new Random(runSeed * 1_000_003L + format.ordinal() * 10_000_019L + i);
    byte[] b = seed.bytes().clone();
    StringBuilder what = new StringBuilder();
    switch (m) {
      case BIT_FLIP -> {
        int flips = 1 + r.nextInt(8);
        for (int k = 0; k < flips; k++) {
          int pos = r.nextBoolean() ? inStructure(seed, r) : r.nextInt(b.length);
          int bit = r.nextInt(8);
          b[pos] ^= (byte) (1 << bit);
          what.append(k == 0 ? "flip " : ", ").append(pos).append(':').append(bit);
        }
      }
      case TRUNCATION -> {
        int len = 1 + r.nextInt(b.length - 1);
        b = Arrays.copyOf(b, len);
        what.append("cut to ").append(len).append(" of ").append(seed.bytes().length);
      }
      case HEADER_FIELD -> {
        int pos = inStructure(seed, r);
        int width = Math.min(new int[] {1, 2, 4}[r.nextInt(3)], b.length - pos);
        long v =
            switch (r.nextInt(7)) {
              case 0 -> 0;
              case 1 -> -1;
              case 2 -> 0x7FFFFFFFL;
              case 3 -> 0x80000000L;
              case 4 -> read(b, pos, width) + 1;
              case 5 -> read(b, pos, width) - 1;
              default -> r.nextLong();
            };
        for (int k = 0; k < width; k++) {
          b[pos + k] = (byte) (v >>> (8 * (width - 1 - k)));
        }
        what.append(String.format(Locale.ROOT, "field %d+%d = %x", pos, width, v));
      }
      default -> throw new IllegalStateException();
    }
    return new Case(i, seed, m, b, seed.name() + " " + m + " " + what);
  }

  private static int inStructure(Seed s, Random r) {
    int[] range = s.structure().get(r.nextInt(s.structure().size()));
    return Math.min(range[0] + r.nextInt(Math.max(1, range[1] - range[0])), s.bytes().length - 1);
  }

  private static long read(byte[] b, int pos, int width) {
    long v = 0;
    for (int k = 0; k < width; k++) {
      v = v << 8 | (b[pos + k] & 0xFF);
    }
    return v;
  }

  /** Loads the case, then (if {@code throughRunner}) upscales it to a file with the runner. */
  public Result run(Case c, boolean throughRunner) throws IOException, InterruptedException {
    Path dir = work.resolve("case-" + c.seed().format().extension() + "-" + c.index());
    Path in = dir.resolve("in").resolve("f" + c.index() + "." + c.seed().format().extension());
    Files.createDirectories(in.getParent());
    Files.write(in, c.bytes());
    try {
      Result loaded = load(c, in);
      if (loaded.outcome().violation() || !throughRunner) {
        return loaded;
      }
      String bad = throughRunner(in, dir.resolve("out"), loaded.outcome() != Outcome.REFUSED);
      return bad == null ? loaded : new Result(c, Outcome.BAD_OUTPUT, bad);
    } finally {
      delete(dir);
    }
  }

  private Result load(Case c, Path in) throws InterruptedException {
    Future<LoadedImage> f = exec.submit(() -> loader.load(in));
    LoadedImage img;
    try {
      img = f.get(HANG_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      exec.shutdownNow();
      exec = Executors.newSingleThreadExecutor(ImageFuzz::daemon);
      return new Result(c, Outcome.HANG, "still decoding after " + HANG_SECONDS + " s");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable t = e.getCause();
      if (!(t instanceof ImageException ie)) {
        return new Result(c, Outcome.CRASH, t.toString());
      }
      String problem = PlainText.problem(ie.getMessage(), in.getFileName().toString());
      return problem == null
          ? new Result(c, Outcome.REFUSED, ie.getMessage())
          : new Result(c, Outcome.RAW_MESSAGE, problem + ": " + ie.getMessage());
    }
    boolean same = sameImage(img.rgb(), c.seed().pixels());
    if (!same && c.mutation() == Mutation.TRUNCATION) {
      return new Result(
          c,
          Outcome.INCOMPLETE_DECODE,
          "a truncated file decoded into "
              + img.width()
              + "x"
              + img.height()
              + " pixels that differ from the full file's");
    }
    return new Result(c, same ? Outcome.SAME_PIXELS : Outcome.CHANGED_PIXELS, "");
  }

  /** Null if the runner did the right thing, else what it did wrong. */
  private String throughRunner(Path in, Path outDir, boolean decodes)
      throws IOException, InterruptedException {
    UpscaleRequest request =
        new UpscaleRequest(
            List.of(in),
            false,
            new ModelRef(Path.of("fake-x2"), "fake-x2", 2),
            RoutingPolicy.Wbsr.paper(),
            OutputPolicy.of(outDir, ImageFormat.PNG));
    JobSummary s =
        new UpscaleRunner(request, new Jobs.NearestX2()).run(JobListener.NONE, () -> false);
    FileResult r = s.results().get(0);
    List<Path> written = list(outDir);
    if (r.ok() != decodes) {
      return "the runner "
          + (r.ok() ? "wrote " + r.output() : "failed: " + r.reason())
          + " but the loader "
          + (decodes ? "decoded" : "refused")
          + " the file";
    }
    if (!r.ok()) {
      if (!written.isEmpty()) {
        return "a failed file left " + written;
      }
      String problem = PlainText.reasonProblem(r.reason(), in.getFileName().toString());
      return problem == null ? null : problem + ": " + r.reason();
    }
    return written.equals(List.of(r.output())) ? null : "wrote " + written;
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static boolean sameImage(RgbImage a, RgbImage b) {
    return a.width() == b.width() && a.height() == b.height() && Arrays.equals(a.rgb(), b.rgb());
  }

  /**
   * Runs {@code perFormat} cases of each format; every {@code runnerEvery}-th also through the
   * runner.
   */
  public Map<ImageFormat, Map<Outcome, List<Result>>> runAll(int perFormat, int runnerEvery)
      throws IOException, InterruptedException {
    return runAll(FORMATS, perFormat, runnerEvery);
  }

  Map<ImageFormat, Map<Outcome, List<Result>>> runAll(
      List<ImageFormat> formats, int perFormat, int runnerEvery)
      throws IOException, InterruptedException {
    Map<ImageFormat, Map<Outcome, List<Result>>> all = new LinkedHashMap<>();
    for (ImageFormat format : formats) {
      Map<Outcome, List<Result>> by = new EnumMap<>(Outcome.class);
      for (int i = 0; i < perFormat; i++) {
        Result r = run(make(format, i), i % runnerEvery == 0);
        by.computeIfAbsent(r.outcome(), k -> new ArrayList<>()).add(r);
      }
      all.put(format, by);
    }
    return all;
  }

  /**
   * The long run: {@code ImageFuzz [cases-per-format] [seed] [work-dir] [formats]} (formats:
   * comma-separated extensions, e.g. {@code png,jpg}; default all, so a run can be split over
   * processes with the same cases); prints a table of outcomes per format and every violation,
   * exits 1 if there was one.
   */
  public static void main(String[] args) throws Exception {
    int perFormat = args.length > 0 ? Integer.parseInt(args[0]) : 1700;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 14;
    Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("wbsr-fuzz");
    long t0 = System.nanoTime();
    List<ImageFormat> formats =
        args.length > 3
            ? Arrays.stream(args[3].split(","))
                .map(
                    e ->
                        FORMATS.stream()
                            .filter(f -> f.extension().equals(e))
                            .findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("unknown format " + e)))
                .toList()
            : FORMATS;
    ImageFuzz fuzz = new ImageFuzz(work, seed);
    var all = fuzz.runAll(formats, perFormat, 1);
    System.out.printf(
        Locale.ROOT,
        "seed %d, %d cases per format, %d seed files, every case"
            + " loaded and run through the runner%n",
        seed,
        perFormat,
        fuzz.seeds.size());
    System.out.printf("%-6s %6s", "format", "cases");
    for (Outcome o : Outcome.values()) {
      System.out.printf(" %s", o.name().toLowerCase(Locale.ROOT));
    }
    System.out.println();
    int violations = 0;
    int total = 0;
    for (var e : all.entrySet()) {
      System.out.printf("%-6s %6d", e.getKey().displayName(), perFormat);
      for (Outcome o : Outcome.values()) {
        int n = e.getValue().getOrDefault(o, List.of()).size();
        System.out.printf(" %" + o.name().length() + "d", n);
        violations += o.violation() ? n : 0;
      }
      total += perFormat;
      System.out.println();
    }
    for (var e : all.values()) {
      e.forEach(
          (o, list) -> {
            if (o.violation()) {
              list.forEach(r -> System.out.println(o + "  " + r.c().what() + "  " + r.detail()));
            }
          });
    }
    System.out.printf(
        Locale.ROOT,
        "%d cases, %d violations, %.0f s%n",
        total,
        violations,
        (System.nanoTime() - t0) / 1e9);
    System.exit(violations == 0 ? 0 : 1);
  }
}
