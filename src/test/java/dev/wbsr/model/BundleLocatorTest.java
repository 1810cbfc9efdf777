package dev.wbsr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLocatorTest {

  @TempDir Path tmp;

  @Test
  void scansRootsReportsBrokenBundlesAndResolvesByNameOrFolder() throws IOException {
    Path root = tmp.resolve("models");
    TestManifests.write(root.resolve("wbsr-x4"), "wbsr-x4", m -> m.addProperty("scale", 4));
    TestManifests.write(root.resolve("wbsr-x2"), "wbsr-x2", m -> {});
    TestManifests.write(root.resolve("broken"), "broken", m -> m.remove("subnets"));
    Files.createDirectories(root.resolve("not-a-bundle"));
    BundleLocator locator = new BundleLocator(List.of(root));

    List<BundleLocator.Entry> entries = locator.scan();
    assertThat(entries)
        .extracting(BundleLocator.Entry::name)
        .containsExactly("broken", "wbsr-x2", "wbsr-x4");
    assertThat(entries.get(0).error())
        .hasValueSatisfying(e -> assertThat(e).contains("subnets: missing"));
    assertThat(locator.bundles()).hasSize(2);

    assertThat(locator.resolve("wbsr-x4").manifest().scale()).isEqualTo(4);
    assertThat(locator.resolve(root.resolve("wbsr-x4").toString()).name()).isEqualTo("wbsr-x4");
    assertThat(locator.resolve(null).name()).isEqualTo("wbsr-x2");
    assertThatThrownBy(() -> locator.resolve("broken")).hasMessageContaining("subnets: missing");
    assertThatThrownBy(() -> locator.resolve("wbsr-x8"))
        .hasMessageContaining("found: [broken, wbsr-x2, wbsr-x4]");
  }

  @Test
  void noBundlesIsAClearError() {
    assertThatThrownBy(() -> new BundleLocator(List.of(tmp)).defaultBundle())
        .hasMessageContaining("no model bundles found");
  }
}
