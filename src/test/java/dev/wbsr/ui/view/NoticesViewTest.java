package dev.wbsr.ui.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.wbsr.about.AboutInfo;
import dev.wbsr.ui.view.NoticesView.Block;
import dev.wbsr.ui.view.NoticesView.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticesViewTest {

  @Test
  void splitsHeadingsParagraphsBulletsAndTables() {
    String md =
        """
        # Third-party notices

        WBSR Studio ships the components
        below, see `THIRD-PARTY.md`.

        ## Java libraries

        | Library | Version | Licence |
        |---|---|---|
        | `info.picocli:picocli` | 4.7.7 | Apache-2.0 |
        | `org.slf4j:slf4j-api` | 2.0.17 | MIT |
        - a **bullet** with [a link](https://example.org)
          that goes on
        - another
        """;
    List<Block> b = NoticesView.parse(md);
    assertThat(b)
        .extracting(Block::kind)
        .containsExactly(
            Kind.HEADING, Kind.PARAGRAPH, Kind.HEADING, Kind.TABLE, Kind.BULLET, Kind.BULLET);
    assertThat(b.get(0).level()).isEqualTo(1);
    assertThat(b.get(0).text()).isEqualTo("Third-party notices");
    assertThat(b.get(1).text())
        .isEqualTo("WBSR Studio ships the components below, see THIRD-PARTY.md.");
    assertThat(b.get(2).level()).isEqualTo(2);
    assertThat(b.get(3).rows())
        .containsExactly(
            List.of("Library", "Version", "Licence"),
            List.of("info.picocli:picocli", "4.7.7", "Apache-2.0"),
            List.of("org.slf4j:slf4j-api", "2.0.17", "MIT"));
    assertThat(b.get(4).text())
        .isEqualTo("a bullet with a link (https://example.org) that goes on");
    assertThat(b.get(5).text()).isEqualTo("another");
  }

  @Test
  void aCellMayHoldAnEscapedPipeAndARowMayLackItsClosingPipe() {
    // third_party.py writes licence names with md_escape: "|" -> "\|"
    List<Block> b =
        NoticesView.parse(
            """
        | Component | Licence |
        |---|---|
        | jna | LGPL-2.1 \\| Apache-2.0 |
        | jdk | GPL-2.0
        """);
    assertThat(b)
        .singleElement()
        .extracting(Block::rows)
        .asList()
        .containsExactly(
            List.of("Component", "Licence"),
            List.of("jna", "LGPL-2.1 | Apache-2.0"),
            List.of("jdk", "GPL-2.0"));
  }

  @Test
  void shortColumnsKeepAWholeWordAndLongOnesShareTheRest() {
    List<Double> p =
        NoticesView.columnPercents(
            List.of(
                List.of("Library", "Version", "Licence", "Project"),
                List.of(
                    "com.google.errorprone:error_prone_annotations",
                    "2.41.0",
                    "Apache-2.0",
                    "http://www.djl.ai/engines/onnxruntime/onnxruntime-engine")));
    assertThat(p.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100, offset(1e-9));
    assertThat(p.get(0)).isEqualTo(p.get(3));
    assertThat(p.get(1)).isGreaterThan(10).isLessThan(p.get(0));
    assertThat(p.get(0)).isGreaterThan(35);
  }

  @Test
  void theShippedNoticesListTheJavaLibrariesAsATable() {
    List<Block> b = NoticesView.parse(AboutInfo.thirdPartyNotices());
    assertThat(b.get(0)).isEqualTo(new Block(Kind.HEADING, 1, "Third-party notices", List.of()));
    Block libraries = b.stream().filter(x -> x.kind() == Kind.TABLE).findFirst().orElseThrow();
    assertThat(libraries.rows().get(0)).containsExactly("Library", "Version", "Licence", "Project");
    assertThat(libraries.rows())
        .allSatisfy(r -> assertThat(r).hasSize(4))
        .anySatisfy(
            r -> {
              assertThat(r.get(0)).isEqualTo("info.picocli:picocli");
              assertThat(r.get(2)).isEqualTo("Apache-2.0");
            });
  }
}
