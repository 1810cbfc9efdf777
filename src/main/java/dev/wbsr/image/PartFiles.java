package dev.wbsr.image;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden temporary files ({@code .wbsr-PID-N.part}) an output is written to before it is
 * renamed onto its target. The name does not depend on the target's, so a 255-byte target name
 * still gets a temporary name the file system accepts, and it carries the writer's process id, so a
 * later run can tell the leftovers of a killed process from files another live run is writing.
 * Files in flight are deleted by a shutdown hook, which the JVM runs on SIGTERM and Ctrl+C (kill -9
 * cannot be caught: {@link #removeStale} cleans up after it on the next run in that folder).
 */
public final class PartFiles {

  private static final Pattern OURS = Pattern.compile("\\.wbsr-(\\d+)-\\d+\\.part");

  /** The naming of earlier versions: {@code .NAME.8HEX.part}. */
  private static final Pattern LEGACY = Pattern.compile("\\..+\\.[0-9a-f]{8}\\.part");

  private static final long PID = ProcessHandle.current().pid();
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(PartFiles::deleteInFlight, "wbsr-part-files"));
  }

  private PartFiles() {}

  /** Writes the content of a file to the path it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  /**
   * Writes a file that is not an image (a CSV, a report) the way images are written: into a
   * temporary file in the target folder, then renamed onto {@code target}, replacing it. A failure
   * leaves the target as it was and no temporary file.
   */
  public static void writeAtomically(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = create(dir);
    try {
      content.writeTo(temp);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      release(temp);
    }
  }

  /** Creates a new empty temporary file in {@code dir}, deleted at exit unless released. */
  static Path create(Path dir) throws IOException {
    Path p = dir.resolve(".wbsr-" + PID + "-" + COUNTER.incrementAndGet() + ".part");
    IN_FLIGHT.add(p);
    try {
      Files.createFile(p);
    } catch (IOException e) {
      IN_FLIGHT.remove(p);
      throw e;
    }
    return p;
  }

  /** Deletes a temporary file (if it is still there) and stops tracking it. */
  static void release(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: hidden, never mistaken for an output, and removeStale takes it next time
    } finally {
      IN_FLIGHT.remove(p);
    }
  }

  /** The temporary files this process is writing now. */
  static Set<Path> inFlight() {
    return Set.copyOf(IN_FLIGHT);
  }

  /** What the shutdown hook runs: deletes every temporary file still being written. */
  static void deleteInFlight() {
    for (Path p : inFlight()) {
      release(p);
    }
  }

  /**
   * Deletes the temporary files in {@code dir} that a process no longer running left behind (or an
   * earlier version of this program). Files of live processes, this one included, stay.
   *
   * @return how many were deleted
   */
  public static int removeStale(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.part")) {
      for (Path p : files) {
        if (isStale(p.getFileName().toString()) && Files.isRegularFile(p)) {
          removed += Files.deleteIfExists(p) ? 1 : 0;
        }
      }
    }
    return removed;
  }

  static boolean isStale(String name) {
    Matcher m = OURS.matcher(name);
    if (m.matches()) {
      try {
        long pid = Long.parseLong(m.group(1));
        return pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
      } catch (NumberFormatException e) {
        return true;
      }
    }
    return LEGACY.matcher(name).matches();
  }
}
