package dev.wbsr.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How many cores the rest of the machine kept busy while a bench ran: the busy time of all CPUs
 * ({@code /proc/stat}) minus this process's own CPU time, over the wall time. The load average
 * cannot say this: it counts the bench's own threads and lags by a minute, so a bench started right
 * after another one reads as busy on a machine that has nothing else to run. NaN where the system
 * does not say.
 *
 * @param cores average number of cores the other processes used (0 = idle apart from the bench)
 */
public record OtherCpu(double cores) {

  /** Idle means the other processes used less than this many cores on average. */
  static final double IDLE_CORES = 0.25;

  /** {@code /proc/stat} counts in USER_HZ, 100 per second on every Linux architecture in use. */
  static final double TICKS_PER_SECOND = 100.0;

  public static final OtherCpu UNKNOWN = new OtherCpu(Double.NaN);

  /** A point to measure from. */
  public record Since(double busySeconds, double ownSeconds, long nanoTime) {

    /** The other processes' average cores from this point until now. */
    public OtherCpu now() {
      return between(this, take());
    }
  }

  public static Since take() {
    return new Since(systemBusySeconds(), ownCpuSeconds(), System.nanoTime());
  }

  static OtherCpu between(Since a, Since b) {
    double wall = (b.nanoTime() - a.nanoTime()) / 1e9;
    double others = (b.busySeconds() - a.busySeconds()) - (b.ownSeconds() - a.ownSeconds());
    if (!(wall > 0) || Double.isNaN(others)) {
      return UNKNOWN;
    }
    // the two clocks tick differently (10 ms vs ns): a small negative remainder is rounding
    return new OtherCpu(Math.max(0.0, others / wall));
  }

  public boolean known() {
    return !Double.isNaN(cores);
  }

  public boolean idle() {
    return cores < IDLE_CORES;
  }

  /**
   * Busy seconds of all CPUs from the first line of {@code /proc/stat}: user, nice, system, irq,
   * softirq and steal (idle and iowait are not busy; guest time is already in user).
   */
  static double parseBusySeconds(String procStat) {
    String first = procStat.lines().findFirst().orElse("");
    String[] f = first.trim().split("\\s+");
    if (f.length < 9 || !"cpu".equals(f[0])) {
      return Double.NaN;
    }
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += Long.parseLong(f[i]);
    }
    return busy / TICKS_PER_SECOND;
  }

  private static double systemBusySeconds() {
    Path proc = Path.of("/proc/stat");
    if (!Files.isReadable(proc)) {
      return Double.NaN;
    }
    try {
      return parseBusySeconds(Files.readString(proc, StandardCharsets.US_ASCII));
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static double ownCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long ns = os.getProcessCpuTime();
      return ns < 0 ? Double.NaN : ns / 1e9;
    }
    return Double.NaN;
  }

  @Override
  public String toString() {
    return known() ? String.format(Locale.ROOT, "%.2f", cores) : "unknown";
  }
}
