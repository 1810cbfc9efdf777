package dev.wbsr.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.engine.TestBundles;
import dev.wbsr.model.BundleException;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.PipelineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14.11: the app opens a bundle with the same full check as `info --check`. */
class StudioCoreCheckTest {

  @TempDir Path tmp;

  private Path copy(Path from) throws IOException {
    Path to = tmp.resolve(from.getFileName());
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  @Test
  void aBundleWhoseNetworkIsNotTheOneItsManifestDescribesIsRefusedAtOpen() throws Exception {
    Path dir = copy(TestBundles.FIXTURES.resolve("tiny-x2"));
    ModelBundle b = ModelBundle.load(dir);
    // the supernet's file under the smallest subnet's name: right output size, wrong network,
    // which a one-network probe cannot see but the FLOPs comparison does
    Files.copy(
        b.subnetFile(b.manifest().supernet()),
        dir.resolve(b.manifest().subnets().get(0).file()),
        StandardCopyOption.REPLACE_EXISTING);
    try (StudioCore core = StudioCore.onnx(PipelineOptions.interactive(), List.of())) {
      ModelBundle swapped = core.load(dir);
      assertThatThrownBy(() -> core.engine(swapped))
          .isInstanceOf(BundleException.class)
          .hasMessageContaining("the manifest says");
    }
  }

  @Test
  void aGoodBundleOpens() throws Exception {
    try (StudioCore core = StudioCore.onnx(PipelineOptions.interactive(), List.of())) {
      ModelBundle b = core.load(copy(TestBundles.FIXTURES.resolve("tiny-x2")));
      assertThat(core.engine(b)).isNotNull();
    }
  }
}
