package dev.wbsr.ui;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets the idle app hand the heap it grew to back to the system (issue 15). G1 keeps what it
 * committed while it upscaled (1-2 GB against 200-600 MB live); with a concurrent cycle after 15 s
 * without any collection and at most 30 % of the heap free after one, the heap shrinks to the live
 * data soon after a render ends (bench/app-memory.sh; README, memory). These flags are manageable,
 * so the app sets them itself: the same for {@code java -jar wbsr.jar} and the installed launcher.
 * A value the user gave on the command line is kept.
 */
final class HeapGiveBack {

  /** In this order: MinHeapFreeRatio must stay at or below MaxHeapFreeRatio at every step. */
  static final List<String[]> OPTIONS =
      List.of(
          new String[] {"MinHeapFreeRatio", "10"},
          new String[] {"MaxHeapFreeRatio", "30"},
          new String[] {"G1PeriodicGCInterval", "15000"});

  private static final Logger LOG = Logger.getLogger("dev.wbsr.ui");

  private HeapGiveBack() {}

  /** Sets each option the user left at its default; returns the "name=value" ones it set. */
  static List<String> apply() {
    List<String> set = new ArrayList<>();
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    for (String[] o : OPTIONS) {
      try {
        if (vm.getVMOption(o[0]).getOrigin() == VMOption.Origin.DEFAULT) {
          vm.setVMOption(o[0], o[1]);
          set.add(o[0] + "=" + o[1]);
        }
      } catch (RuntimeException e) { // another JVM, or a value that conflicts with the user's
        LOG.log(Level.FINE, "heap option " + o[0] + " not set", e);
      }
    }
    return set;
  }
}
