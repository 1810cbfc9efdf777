package dev.wbsr.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.about.AboutInfo;
import dev.wbsr.ui.fake.FakeServices;
import java.util.List;
import org.junit.jupiter.api.Test;

class AboutPaneTest {

  @Test
  void listsTheVersionAndEachBundlesVersionAndLicence() {
    String text = AboutPane.text(List.of(FakeServices.bundle(2), FakeServices.classSrBundle(4)), "CPU");
    assertThat(text).startsWith("WBSR Studio " + AboutInfo.version() + "\n")
        .contains("running on CPU.")
        .contains("fake-x2 v0.0.1 (x2, wbsr), weights licence MIT")
        .contains("fake-classsr-x4 v0.0.1 (x4, classsr), weights licence MIT")
        .contains("Third-party notices");
    assertThat(AboutInfo.version()).isNotEqualTo("dev");
  }

  @Test
  void saysWhenThereIsNoBundle() {
    assertThat(AboutPane.text(List.of(), "CPU")).contains("No model bundle found.").doesNotContain("Model bundles:");
  }
}
