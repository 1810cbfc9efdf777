package dev.wbsr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.report.ReportData.SetData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's sets: Val-Large (issue 12) beside Val-Photo and Val-Classic. */
class ValidationSetsTest {

  @TempDir Path tmp;

  @Test
  void valLargeIsReportedAtEveryScaleWithItsOwnRows() throws Exception {
    assertThat(ValidationSets.NAMES).containsExactly("val-photo", "val-classic", "val-large");
    assertThat(ValidationSets.title("val-large")).isEqualTo("Val-Large");
    ReportData r = ReportFixtures.measured().report();
    for (ReportData.ScaleData s : r.scales()) {
      SetData large =
          s.sets().stream().filter(x -> x.set().equals("val-large")).findFirst().orElseThrow();
      assertThat(large.images()).containsExactly("d.png");
      assertThat(large.run(Role.WBSR, "wbsr")).isPresent();
    }
    String md = ResultsMarkdown.render(r, "wbsr report", java.util.List.of());
    assertThat(md).contains("### x2 Val-Large", "### x4 Val-Large", "| Val-Large | 1 |");
  }

  @Test
  void aMissingSetNamesTheCommandThatWritesIt() {
    assertThatThrownBy(() -> ValidationSets.files(tmp, "val-large", 0))
        .hasMessageContaining(ValidationSets.WRITE_COMMAND)
        .hasMessageContaining("val-large");
  }
}
