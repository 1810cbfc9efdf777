package dev.wbsr.ui;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Not a test: what one phase of a benchmark cost the process, read from /proc (Linux): CPU time of
 * the whole process and per thread name (ONNX Runtime's native threads included), GCs, and the
 * {@link CountingEngine}'s counts. On a machine shared with other jobs the wall clock says little;
 * these say what the process did.
 */
final class PhaseMeter {

  private static final double TICK = 100.0; // USER_HZ (getconf CLK_TCK) on Linux

  private PhaseMeter() {}

  /** The counters at one moment. */
  record Snapshot(
      long nanos,
      double cpu,
      Map<String, Double> threads,
      long gcs,
      long gcMillis,
      long calls,
      long tiles,
      long pixels) {}

  static Snapshot snapshot() {
    long gcs = 0;
    long gcMs = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcs += Math.max(0, b.getCollectionCount());
      gcMs += Math.max(0, b.getCollectionTime());
    }
    Map<String, Double> threads = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(
          t -> {
            String stat = read(t.resolve("stat"));
            if (stat != null) {
              String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
              threads.merge(name.replaceAll("[0-9]+", "#"), cpu(stat), Double::sum);
            }
          });
    } catch (IOException e) {
      // no per-thread figures; the process total below still stands
    }
    return new Snapshot(
        System.nanoTime(),
        cpu(read(Path.of("/proc/self/stat"))),
        threads,
        gcs,
        gcMs,
        CountingEngine.CALLS.sum(),
        CountingEngine.TILES.sum(),
        CountingEngine.PIXELS.sum());
  }

  /** One line: {@code PHASE name cpu S s wall S s | ...}; with threads, the busiest names. */
  static String report(String name, Snapshot a, Snapshot b, boolean threads) {
    if (a == null || b == null) {
      return "PHASE " + name + " not seen";
    }
    StringBuilder s =
        new StringBuilder(
            String.format(
                "PHASE %s cpu %.2f s wall %.2f s | ",
                name, b.cpu() - a.cpu(), (b.nanos() - a.nanos()) / 1e9));
    s.append(
        Boolean.getBoolean("bench.count")
            ? String.format(
                "engine calls %d, tiles %d, input Mpx %.2f",
                b.calls() - a.calls(), b.tiles() - a.tiles(), (b.pixels() - a.pixels()) / 1e6)
            : "engine calls not counted");
    s.append(String.format(" | GCs %d, %d ms", b.gcs() - a.gcs(), b.gcMillis() - a.gcMillis()));
    if (threads) {
      s.append(" | threads:");
      b.threads().entrySet().stream()
          .map(e -> Map.entry(e.getKey(), e.getValue() - a.threads().getOrDefault(e.getKey(), 0.0)))
          .filter(e -> e.getValue() >= 0.05)
          .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
          .forEach(e -> s.append(String.format(" %s %.2f", e.getKey(), e.getValue())));
    }
    return s.toString();
  }

  /** utime + stime (fields 14 and 15) of a /proc stat line, in seconds. */
  private static double cpu(String stat) {
    if (stat == null) {
      return 0;
    }
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return null; // the thread ended
    }
  }
}
