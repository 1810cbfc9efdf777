package dev.wbsr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The job's {@code --cost}: flops by default, time only with a budget, as in the CLI. */
class JobArgsTest {

  private static JobArgs parse(String... extra) {
    String[] base = {"--input", "in", "--output", "out"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return JobArgs.parse(all);
  }

  @Test
  void costIsFlopsUnlessTimeIsAskedWithABudget() {
    assertThat(parse().cost()).isEqualTo("flops");
    assertThat(parse("--budget", "0.5", "--cost", "TIME").cost()).isEqualTo("time");
    assertThatThrownBy(() -> parse("--cost", "time")).hasMessageContaining("needs --budget");
    assertThatThrownBy(() -> parse("--budget", "0.5", "--cost", "joules"))
        .hasMessageContaining("flops or time");
  }
}
