package dev.wbsr.job;

import dev.wbsr.image.ImageFormat;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Lists a request's inputs and names their outputs, one rule for every front end. A file given
 * directly is taken whatever its name (the reader recognises images by their bytes) and written to
 * {@code out/<name>}; a folder contributes its image files by extension (sub-folders too when
 * recursive), the tree mirrored under the output folder. Hidden files (dotfiles, our temporary
 * {@code .part} files) are left out, and so is the output folder when it lies inside an input
 * folder, so a rerun does not upscale its own outputs again. GIFs and names that cannot be opened
 * are listed with the reason they will not be processed.
 */
public final class InputScan {

  static final String GIF_REASON =
      "GIF is not supported (it is often animated); save the frame you want as PNG and upscale that";

  private InputScan() {}

  public static List<FileJob> plan(UpscaleRequest r) throws IOException {
    Path outDir = r.output().dir().toAbsolutePath().normalize();
    List<FileJob> jobs = new ArrayList<>();
    for (Path in : r.inputs()) {
      if (!Files.exists(in)) {
        throw new NoSuchFileException(
            in.toString(),
            null,
            in.toString().indexOf('\uFFFD') >= 0 ? unreadableName() : "no such file or folder");
      }
      if (Files.isDirectory(in)) {
        scanFolder(r, in, outDir, jobs);
      } else {
        jobs.add(job(r, in, outDir.resolve(outputName(r, in))));
      }
    }
    return jobs;
  }

  /** The image files directly in {@code folder} (by extension, hidden files left out), sorted. */
  public static List<Path> imagesIn(Path folder) throws IOException {
    return images(List.of(folder));
  }

  /** Files as given, folders replaced by the image files directly in them, for eval and bench. */
  public static List<Path> images(List<Path> inputs) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path in : inputs) {
      if (!Files.isDirectory(in)) {
        out.add(in);
        continue;
      }
      try (var s = Files.list(in)) {
        s.filter(p -> !hidden(p))
            .filter(p -> ImageFormat.fromFileName(p.getFileName().toString()).isPresent())
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  private static void scanFolder(UpscaleRequest r, Path root, Path outDir, List<FileJob> jobs)
      throws IOException {
    Path absRoot = root.toAbsolutePath().normalize();
    boolean outputInside = !outDir.equals(absRoot) && outDir.startsWith(absRoot);
    List<Path> files = new ArrayList<>();
    List<Path> unreadable = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.noneOf(FileVisitOption.class),
        r.recursive() ? Integer.MAX_VALUE : 1,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean skip =
                !dir.equals(root)
                    && (hidden(dir)
                        || outputInside && dir.toAbsolutePath().normalize().startsWith(outDir));
            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!hidden(file) && !attrs.isDirectory()) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!file.equals(root) && !hidden(file)) {
              unreadable.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.addAll(unreadable);
    files.sort(null);
    for (Path f : files) {
      String name = f.getFileName().toString();
      boolean image = ImageFormat.fromFileName(name).isPresent();
      boolean gif = "gif".equals(ImageFormat.extensionOf(name));
      boolean failed = unreadable.contains(f);
      if (!image && !gif && !failed && !unmappable(f)) {
        continue;
      }
      Path rel = absRoot.relativize(f.toAbsolutePath().normalize());
      Path dir = rel.getParent() == null ? outDir : outDir.resolve(rel.getParent().toString());
      Path out = dir.resolve(outputName(r, f));
      if (unmappable(f)) {
        jobs.add(refused(f, out, FileResult.Cause.UNREADABLE_NAME, unreadableName(), true));
      } else if (failed) {
        jobs.add(
            refused(
                f, out, FileResult.Cause.ERROR, "it cannot be read (check its permissions)", true));
      } else if (Files.isRegularFile(f)) {
        jobs.add(job(r, f, out));
      }
    }
  }

  /**
   * True when the JVM could not decode the name's bytes in its character set: the name as a string
   * (with replacement characters) names no file, and the image readers work from that string.
   */
  static boolean unmappable(Path p) {
    String s = p.toString();
    return !Files.exists(p.getFileSystem().getPath(s), LinkOption.NOFOLLOW_LINKS)
        && Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }

  private static FileJob job(UpscaleRequest r, Path in, Path out) {
    if ("gif".equals(ImageFormat.extensionOf(in.getFileName().toString()))) {
      return refused(in, out, FileResult.Cause.UNSUPPORTED, GIF_REASON, false);
    }
    return FileJob.of(in, out);
  }

  private static FileJob refused(
      Path in, Path out, FileResult.Cause cause, String reason, boolean failed) {
    FileResult r =
        failed
            ? FileResult.failed(in, out, cause, reason)
            : FileResult.skipped(in, out, cause, reason);
    return new FileJob(in, out, in.toString(), r);
  }

  /** A listed name that does not open was decoded with replacement characters by the JVM. */
  static String unreadableName() {
    return "its name is not valid in this system's character set ("
        + System.getProperty("sun.jnu.encoding", "unknown")
        + "), so it cannot be opened; rename it, or run with a UTF-8 locale such as LANG=C.UTF-8";
  }

  private static boolean hidden(Path p) {
    return p.getFileName() != null && p.getFileName().toString().startsWith(".");
  }

  /**
   * The output file name: the template applied to the input's stem, plus the format's extension.
   */
  public static String outputName(UpscaleRequest r, Path input) {
    String stem = ImageFormat.stem(input.getFileName().toString());
    String name =
        r.output()
            .nameTemplate()
            .replace("{name}", stem)
            .replace("{bundle}", r.model().name())
            .replace("{scale}", String.valueOf(r.model().scale()))
            .replace("{mode}", r.routing().mode().toLowerCase(Locale.ROOT));
    return name.replaceAll("[/\\\\:*?\"<>|]", "_") + "." + r.output().format().extension();
  }

  /** {@code photo.png} -> {@code photo (1).png}, {@code (2)}, ...: the first name not taken. */
  public static Path freeName(Path p, java.util.function.Predicate<Path> taken) {
    if (!taken.test(p)) {
      return p;
    }
    String n = p.getFileName().toString();
    String stem = ImageFormat.stem(n);
    String ext = n.substring(stem.length());
    for (int i = 1; ; i++) {
      Path c = p.resolveSibling(stem + " (" + i + ")" + ext);
      if (!taken.test(c)) {
        return c;
      }
    }
  }
}
