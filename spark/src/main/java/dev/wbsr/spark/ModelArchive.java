package dev.wbsr.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bundle folder as one zip for {@code SparkContext.addArchive}: Spark ships it to each executor
 * once and unpacks it there (a local folder cannot be shipped as it is outside local mode).
 */
final class ModelArchive {

  private ModelArchive() {}

  /** Zips {@code bundleDir} as {@code NAME/...} into a temporary {@code NAME.zip}. */
  static Path zip(Path bundleDir) throws IOException {
    Path dir = bundleDir.toAbsolutePath().normalize();
    String name = dir.getFileName().toString();
    Path zip = Files.createTempDirectory("wbsr-model-").resolve(name + ".zip");
    zip.toFile().deleteOnExit();
    zip.getParent().toFile().deleteOnExit();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(os)) {
      for (Path f : files) {
        out.putNextEntry(
            new ZipEntry(name + "/" + dir.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return zip;
  }
}
