package dev.wbsr.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubnetTimesCacheTest {

  @TempDir Path dir;

  private static SubnetTimes times(String machine, String bundle) {
    return new SubnetTimes(machine, bundle, List.of(1e-3, 3e-3, 2e-3));
  }

  @Test
  void roundTripsForTheSameMachineAndBundleOnly() {
    SubnetTimesCache cache = new SubnetTimesCache(dir.resolve("subnet-times"));
    cache.save(times("cpu A", "wbsr-x2@0123"));
    assertThat(cache.load("cpu A", "wbsr-x2@0123")).contains(times("cpu A", "wbsr-x2@0123"));
    assertThat(cache.load("cpu B", "wbsr-x2@0123")).isEmpty();
    assertThat(cache.load("cpu A", "wbsr-x2@4567")).isEmpty();
  }

  @Test
  void measuresOnceThenReusesAndMeasuresAgainWhenTheFileIsDamaged() throws Exception {
    SubnetTimesCache cache = new SubnetTimesCache(dir);
    AtomicInteger measured = new AtomicInteger();
    var measure =
        (java.util.function.Supplier<SubnetTimes>)
            () -> {
              measured.incrementAndGet();
              return times("m", "b");
            };
    cache.loadOrMeasure("m", "b", measure);
    cache.loadOrMeasure("m", "b", measure);
    assertThat(measured).hasValue(1);
    try (var files = Files.list(dir)) {
      Path f = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      Files.writeString(f, "{\"machine\":\"m\",\"bundle\":\"b\",\"secondsPerPatch\":[-1]}");
    }
    assertThat(cache.loadOrMeasure("m", "b", measure)).isEqualTo(times("m", "b"));
    assertThat(measured).hasValue(2);
  }

  @Test
  void anUnwritableCacheDoesNotFail() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    SubnetTimesCache cache = new SubnetTimesCache(file);
    cache.save(times("m", "b"));
    assertThat(cache.load("m", "b")).isEmpty();
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void testsNeverUseTheUsersCacheFolder() {
    assertThat(SubnetTimesCache.standard().dir().toString())
        .doesNotStartWith(System.getProperty("user.home") + "/.cache");
  }

  @Test
  void timesBecomeTheRoutingCostAsMeasured() {
    SubnetTimes t = times("m", "b");
    // unsorted on purpose: routing orders subnets by time itself (RoutingCost.Time.members)
    assertThat(t.routingCost().secondsPerPatch()).containsExactly(1e-3, 3e-3, 2e-3);
    assertThat(t.relativeTo(2)).containsExactly(0.5, 1.5, 1.0);
    assertThatThrownBy(() -> new SubnetTimes("m", "b", List.of(0.0)))
        .hasMessageContaining("positive");
  }

  @Test
  void theBundleKeyFollowsTheManifest() throws Exception {
    Path m = Files.writeString(dir.resolve("manifest.json"), "{\"a\":1}");
    String first = MachineKey.bundle("x", m);
    Files.writeString(m, "{\"a\":2}");
    assertThat(MachineKey.bundle("x", m)).isNotEqualTo(first).startsWith("x@");
    assertThat(MachineKey.machine("cpu")).contains("cores").endsWith("cpu");
  }
}
