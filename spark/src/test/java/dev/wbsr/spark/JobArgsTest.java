package dev.wbsr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobArgsTest {

  @Test
  void defaultsAreTheClisAndEveryOptionIsRead() {
    JobArgs a = JobArgs.parse(new String[] {"--input", "hdfs:///in", "--output", "s3a://b/out"});
    assertThat(a.model()).isEqualTo("wbsr-x2");
    assertThat(a.format()).isEqualTo("png");
    assertThat(a.quality()).isEqualTo(92);
    assertThat(a.device()).isEqualTo("auto");
    assertThat(a.mode()).isNull();
    assertThat(a.budget()).isNull();
    assertThat(a.sharedModel()).isFalse();
    JobArgs b =
        JobArgs.parse(
            new String[] {
              "--model", "wbsr-x4", "--input", "in", "--output", "out", "--mode", "wbsr",
              "--budget", "0.5", "--format", "JPG", "--quality", "80", "--tasks", "12",
              "--shared-model", "--results", "res", "--device", "cpu"
            });
    assertThat(b.model()).isEqualTo("wbsr-x4");
    assertThat(b.budget()).isEqualTo(0.5);
    assertThat(b.format()).isEqualTo("jpg");
    assertThat(b.quality()).isEqualTo(80);
    assertThat(b.tasks()).isEqualTo(12);
    assertThat(b.sharedModel()).isTrue();
    assertThat(b.results()).isEqualTo("res");
    assertThat(b.device()).isEqualTo("cpu");
  }

  @Test
  void badCommandLinesSayWhatIsWrong() {
    assertThatThrownBy(() -> JobArgs.parse(new String[] {"--input", "in"}))
        .hasMessageContaining("--output");
    assertThatThrownBy(
            () ->
                JobArgs.parse(new String[] {"--input", "in", "--output", "o", "--budget", "half"}))
        .hasMessageContaining("--budget needs a number");
    assertThatThrownBy(
            () -> JobArgs.parse(new String[] {"--input", "in", "--output", "o", "--quality", "0"}))
        .hasMessageContaining("1..100");
    assertThatThrownBy(() -> JobArgs.parse(new String[] {"--input"}))
        .hasMessageContaining("--input needs a value");
    assertThatThrownBy(() -> JobArgs.parse(new String[] {"--frobnicate", "x"}))
        .hasMessageContaining("unknown option --frobnicate");
  }

  @Test
  void costIsFlopsUnlessTimeIsAskedWithABudget() {
    String[] base = {"--input", "in", "--output", "out"};
    assertThat(JobArgs.parse(base).cost()).isEqualTo("flops");
    assertThat(JobArgs.parse(with(base, "--budget", "0.5", "--cost", "TIME")).cost())
        .isEqualTo("time");
    assertThatThrownBy(() -> JobArgs.parse(with(base, "--cost", "time")))
        .hasMessageContaining("needs --budget");
    assertThatThrownBy(() -> JobArgs.parse(with(base, "--budget", "0.5", "--cost", "joules")))
        .hasMessageContaining("flops or time");
  }

  private static String[] with(String[] base, String... extra) {
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }
}
