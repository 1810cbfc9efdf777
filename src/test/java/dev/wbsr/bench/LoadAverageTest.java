package dev.wbsr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadAverageTest {

  @Test
  void parsesProcLoadavg() {
    LoadAverage l = LoadAverage.parse("0.52 1.25 3.07 2/812 40213\n");
    assertThat(l).isEqualTo(new LoadAverage(0.52, 1.25, 3.07));
    assertThat(l.toString()).isEqualTo("0.52 1.25 3.07");
  }

  @Test
  void idleOnlyWhenNothingElseRan() {
    LoadAverage quiet = new LoadAverage(0.1, 0.2, 0.3);
    assertThat(LoadAverage.idle(quiet, new LoadAverage(2.2, 1, 1), 2)).isTrue();
    assertThat(LoadAverage.idle(quiet, new LoadAverage(3.0, 1, 1), 2)).isFalse();
    assertThat(LoadAverage.idle(new LoadAverage(2.0, 1, 1), quiet, 2)).isFalse();
    assertThat(LoadAverage.idle(new LoadAverage(Double.NaN, 0, 0), quiet, 2)).isFalse();
  }
}
