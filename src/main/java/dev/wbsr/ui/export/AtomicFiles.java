package dev.wbsr.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes through a temporary file in the target folder and renames it, so no half file remains. */
public final class AtomicFiles {

  /** Writes to the given temporary path. */
  @FunctionalInterface
  public interface Writer {
    void write(Path tmp) throws Exception;
  }

  private AtomicFiles() {}

  public static void write(Path target, Writer w) throws Exception {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? name.substring(dot) : "";
    Path tmp = Files.createTempFile(dir, "." + name + "-", ".part" + ext);
    try {
      w.write(tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
