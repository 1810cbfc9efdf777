package dev.wbsr.report;

import dev.wbsr.image.ImageException;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The validation sets as PNG folders, written by {@code /usr/bin/python3 -m training.wbsr.valsets}
 * from the prepared HR arrays ({@code training/wbsr/data.py}): {@code DIR/val-photo/*.png}, {@code
 * DIR/val-classic/*.png} and {@code DIR/val-large/*.png} (Val-Photo's photos uncropped, issue 12:
 * the large-image set where flat patches dominate, like the paper's Test2K). Only HR images: the LR
 * inputs are made here ({@link Evaluation.Sample}).
 */
public final class ValidationSets {

  /** The sets of the report, in order. */
  public static final List<String> NAMES = List.of("val-photo", "val-classic", "val-large");

  /** The command that writes the folders. */
  public static final String WRITE_COMMAND = "/usr/bin/python3 -m training.wbsr.valsets";

  private ValidationSets() {}

  /** {@code $WBSR_DATA/png/v1}, or {@code ~/.cache/wbsr/png/v1}: where {@code valsets} writes. */
  public static Path defaultDir() {
    String env = System.getenv("WBSR_DATA");
    Path root =
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("user.home"), ".cache", "wbsr");
    return root.resolve("png").resolve("v1");
  }

  /** Display name: {@code Val-Photo} for {@code val-photo}. */
  public static String title(String set) {
    StringBuilder b = new StringBuilder();
    for (String part : set.split("-")) {
      if (b.length() > 0) {
        b.append('-');
      }
      if (!part.isEmpty()) {
        b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return b.toString();
  }

  /**
   * The PNGs of one set, sorted by file name, the first {@code limit} (0 = all).
   *
   * @throws IllegalArgumentException naming the folder and the command that fills it, when empty
   */
  public static List<Path> files(Path dataDir, String set, int limit) {
    Path dir = dataDir.resolve(set);
    List<Path> files = List.of();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        files =
            s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .sorted()
                .toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "no PNG images in "
              + dir
              + ": write them with `"
              + WRITE_COMMAND
              + " --out "
              + dataDir
              + "` (after `/usr/bin/python3 -m training.wbsr.data`)");
    }
    return limit > 0 && limit < files.size() ? files.subList(0, limit) : files;
  }

  /** Loads the HR images and makes their LR inputs at {@code scale}. */
  public static List<Evaluation.Sample> load(List<Path> files, int scale) throws ImageException {
    ImageLoader loader = new ImageLoader();
    List<Evaluation.Sample> out = new ArrayList<>();
    for (Path f : files) {
      RgbImage hr = loader.load(f).rgb();
      out.add(Evaluation.Sample.of(f.getFileName().toString(), hr, scale));
    }
    return out;
  }
}
