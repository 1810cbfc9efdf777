package dev.wbsr.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.about.AboutInfo;
import dev.wbsr.ui.AppLog;
import dev.wbsr.ui.AppPaths;
import dev.wbsr.ui.fake.FakeCore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AboutPaneTest {

  @Test
  void listsTheVersionAndEachBundlesVersionAndLicence() {
    String text =
        AboutPane.text(
            List.of(FakeCore.bundle("tiny-x2"), FakeCore.bundle("tiny-classsr-x2")), "CPU");
    assertThat(text)
        .startsWith("WBSR Studio " + AboutInfo.version() + "\n")
        .contains("running on CPU.")
        .contains("tiny-x2 v1.0.0 (x2, wbsr), weights licence CC-BY-SA-4.0")
        .contains("tiny-classsr-x2 v")
        .contains("Third-party notices");
    assertThat(AboutInfo.version()).isNotEqualTo("dev");
  }

  @Test
  void namesTheLogFolderForBugReports() {
    Path logs = Path.of("/some/data/logs");
    assertThat(AboutPane.text(List.of(), "CPU", logs))
        .contains("Log files")
        .contains(logs.toString());
    // by default the folder AppLog writes to: <data folder>/logs
    assertThat(AboutPane.text(List.of(), "CPU"))
        .contains(AppLog.folder(AppPaths.dataDir()).toString());
  }

  @Test
  void saysWhenThereIsNoBundle() {
    assertThat(AboutPane.text(List.of(), "CPU"))
        .contains("No model bundle found.")
        .doesNotContain("Model bundles:");
  }
}
