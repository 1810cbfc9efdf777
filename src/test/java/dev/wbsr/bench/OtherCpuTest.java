package dev.wbsr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OtherCpuTest {

  private static final String STAT =
      "cpu  1000 50 300 90000 200 10 20 5 0 0\n"
          + "cpu0 500 25 150 45000 100 5 10 3 0 0\n"
          + "intr 123\n";

  @Test
  void busyTimeIsUserNiceSystemIrqSoftirqSteal() {
    // 1000 + 50 + 300 + 10 + 20 + 5 ticks at 100 per second; idle and iowait are not busy
    assertThat(OtherCpu.parseBusySeconds(STAT)).isCloseTo(13.85, within(1e-9));
    assertThat(OtherCpu.parseBusySeconds("intr 1\n")).isNaN();
  }

  @Test
  void othersAreTheMachinesBusyTimeLessOurOwnOverTheWallTime() {
    OtherCpu.Since a = new OtherCpu.Since(100.0, 10.0, 0L);
    // 4 s of wall: the machine was busy 7 CPU s, 6 of them ours -> others used 0.25 cores
    OtherCpu o = OtherCpu.between(a, new OtherCpu.Since(107.0, 16.0, 4_000_000_000L));
    assertThat(o.cores()).isCloseTo(0.25, within(1e-9));
    assertThat(o.idle()).isFalse();
    // a training job on one core beside a bench on two
    assertThat(OtherCpu.between(a, new OtherCpu.Since(112.0, 18.0, 4_000_000_000L)).cores())
        .isCloseTo(1.0, within(1e-9));
    // nothing else ran; our CPU clock ran a tick ahead of the machine's
    OtherCpu quiet = OtherCpu.between(a, new OtherCpu.Since(108.0, 18.01, 4_000_000_000L));
    assertThat(quiet.cores()).isZero();
    assertThat(quiet.idle()).isTrue();
    assertThat(OtherCpu.between(a, new OtherCpu.Since(Double.NaN, 11, 1L)).known()).isFalse();
  }

  @Test
  void theIdleVerdictPrefersWhatOthersUsedOverTheLoadAverage() {
    // right after another bench: the load average still counts its threads, nobody else runs
    LoadAverage busyLooking = new LoadAverage(2.0, 3.0, 4.0);
    assertThat(LoadAverage.idle(busyLooking, busyLooking, 2, new OtherCpu(0.02))).isTrue();
    LoadAverage quiet = new LoadAverage(0.1, 0.2, 0.3);
    assertThat(LoadAverage.idle(quiet, quiet, 2, new OtherCpu(0.9))).isFalse();
    // where the system does not say, the load average decides
    assertThat(LoadAverage.idle(busyLooking, busyLooking, 2, OtherCpu.UNKNOWN)).isFalse();
    assertThat(LoadAverage.idle(quiet, quiet, 2, OtherCpu.UNKNOWN)).isTrue();
  }

  @Test
  void aLiveReadingIsANumberOnLinux() {
    OtherCpu.Since start = OtherCpu.take();
    OtherCpu now = start.now();
    if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/stat"))) {
      assertThat(now.known()).isTrue();
      assertThat(now.cores()).isGreaterThanOrEqualTo(0.0);
    }
  }
}
