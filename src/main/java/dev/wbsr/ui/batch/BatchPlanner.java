package dev.wbsr.ui.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Lists the inputs of a batch and names their outputs (pure file-system logic). */
public final class BatchPlanner {

  public static final Set<String> EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "tif", "tiff", "webp", "bmp", "psd");

  /** One input and where its output goes. */
  public record Item(Path input, Path output) {}

  private BatchPlanner() {}

  public static List<Item> plan(BatchRequest r) throws IOException {
    if (!Files.isDirectory(r.input())) {
      throw new IOException("Input folder does not exist: " + r.input());
    }
    Path out = r.output().toAbsolutePath().normalize();
    Path in = r.input().toAbsolutePath().normalize();
    List<Item> items = new ArrayList<>();
    try (Stream<Path> s = r.recursive() ? Files.walk(in) : Files.list(in)) {
      s.filter(Files::isRegularFile)
          .filter(p -> EXTENSIONS.contains(ext(p.getFileName().toString())))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> out.equals(in) || !p.toAbsolutePath().normalize().startsWith(out))
          .sorted()
          .forEach(p -> items.add(new Item(p, target(r, in, p))));
    }
    return items;
  }

  static Path target(BatchRequest r, Path inRoot, Path file) {
    Path rel = inRoot.relativize(file.toAbsolutePath().normalize());
    Path dir = r.output().toAbsolutePath().normalize();
    if (rel.getParent() != null) {
      dir = dir.resolve(rel.getParent().toString());
    }
    return dir.resolve(name(r, file.getFileName().toString()) + "." + r.format());
  }

  public static String name(BatchRequest r, String fileName) {
    String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
    String t = r.template() == null || r.template().isBlank() ? "{name}_x{scale}" : r.template();
    String n = t.replace("{name}", stem)
        .replace("{bundle}", r.bundle() == null ? "" : r.bundle().name())
        .replace("{scale}", r.bundle() == null ? "" : String.valueOf(r.bundle().scale()))
        .replace("{mode}", r.routing().mode().name().toLowerCase(Locale.ROOT));
    return n.replaceAll("[/\\\\:*?\"<>|]", "_");
  }

  /** {@code photo.png} -> {@code photo (1).png}, {@code (2)}, … the first that does not exist. */
  public static Path freeName(Path p) {
    if (!Files.exists(p)) {
      return p;
    }
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String stem = dot > 0 ? n.substring(0, dot) : n;
    String ext = dot > 0 ? n.substring(dot) : "";
    for (int i = 1; ; i++) {
      Path c = p.resolveSibling(stem + " (" + i + ")" + ext);
      if (!Files.exists(c)) {
        return c;
      }
    }
  }

  static String ext(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
