package dev.wbsr.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The system's load average (runnable threads, averaged over 1, 5 and 15 minutes), read at the
 * start and end of a bench so that figures from a busy machine are never mistaken for idle ones.
 * NaN where the system does not say.
 */
public record LoadAverage(double one, double five, double fifteen) {

  /**
   * Idle means at most this many runnable threads on average over the last minute besides the
   * bench's own: a desktop's background noise, not a build or a training job.
   */
  static final double IDLE_EXTRA = 0.5;

  /**
   * Now: {@code /proc/loadavg} where it exists (all three figures), else the JVM's 1-minute one.
   */
  public static LoadAverage now() {
    Path proc = Path.of("/proc/loadavg");
    if (Files.isReadable(proc)) {
      try {
        return parse(Files.readString(proc, StandardCharsets.US_ASCII));
      } catch (IOException | RuntimeException e) {
        // fall through to the JVM's figure
      }
    }
    double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return new LoadAverage(one < 0 ? Double.NaN : one, Double.NaN, Double.NaN);
  }

  /** Parses the first three fields of {@code /proc/loadavg}. */
  static LoadAverage parse(String procLoadavg) {
    String[] f = procLoadavg.trim().split("\\s+");
    return new LoadAverage(
        Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
  }

  /**
   * Whether a bench that ran {@code ownThreads} busy threads saw an idle machine: before it started
   * the 1-minute average was below {@link #IDLE_EXTRA}, and at its end no more than its own threads
   * plus that. Unknown load counts as not idle.
   */
  public static boolean idle(LoadAverage start, LoadAverage end, int ownThreads) {
    return start.one() < IDLE_EXTRA && end.one() < ownThreads + IDLE_EXTRA;
  }

  /**
   * Idle by what the other processes used during the run where the system says ({@link OtherCpu}),
   * else by the load average as above.
   */
  public static boolean idle(LoadAverage start, LoadAverage end, int ownThreads, OtherCpu others) {
    return others.known() ? others.idle() : idle(start, end, ownThreads);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.2f %.2f %.2f", one, five, fifteen);
  }
}
