package dev.wbsr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapGiveBackTest {

  @Test
  void setsTheOptionsLeftAtTheirDefaultsOnce() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    HeapGiveBack.apply();
    for (String[] o : HeapGiveBack.OPTIONS) {
      assertThat(vm.getVMOption(o[0]).getValue()).as(o[0]).isEqualTo(o[1]);
    }
    assertThat(HeapGiveBack.apply()).as("values set before are no longer defaults").isEmpty();
  }
}
