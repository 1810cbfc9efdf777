package dev.wbsr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the command's inputs (files and folders) into (input, output) pairs, mirroring folders.
 */
final class InputFiles {

  static final Set<String> IMAGE_EXTENSIONS =
      Set.of("png", "jpg", "jpeg", "tif", "tiff", "webp", "bmp", "psd");

  /** One image to process and where its result goes. */
  record Item(Path input, Path output, String display) {}

  private InputFiles() {}

  /**
   * Files given directly go to {@code outDir/<stem>.<ext>}; files inside a folder go to {@code
   * outDir/<path relative to that folder>} with the new extension.
   */
  static List<Item> expand(List<Path> inputs, Path outDir, String extension, boolean recursive)
      throws IOException {
    List<Item> items = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        List<Path> files;
        try (Stream<Path> s = recursive ? Files.walk(in) : Files.list(in)) {
          files = s.filter(Files::isRegularFile).filter(InputFiles::isImage).sorted().toList();
        }
        for (Path f : files) {
          Path rel = in.relativize(f);
          Path out = outDir.resolve(rel).resolveSibling(stem(f) + "." + extension);
          items.add(new Item(f, out, f.toString()));
        }
      } else {
        items.add(new Item(in, outDir.resolve(stem(in) + "." + extension), in.toString()));
      }
    }
    return items;
  }

  static boolean isImage(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static String stem(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
