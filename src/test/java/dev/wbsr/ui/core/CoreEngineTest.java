package dev.wbsr.ui.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.ui.port.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreEngineTest {

  @TempDir Path tmp;

  @Test
  void brokenBundlesAreSkippedWithAReason() throws Exception {
    Path broken = Files.createDirectories(tmp.resolve("broken-x2"));
    Files.writeString(broken.resolve("manifest.json"), "{\"format\": \"something-else\"}");
    Engine e = CoreAdapters.engine(PipelineOptions.batch());
    assertThat(e.discover(List.of(tmp))).noneMatch(b -> b.name().equals("broken-x2"));
    assertThat(e.discoveryProblems()).anySatisfy(p -> assertThat(p).startsWith("broken-x2: "));
    assertThatThrownBy(() -> e.load(broken)).hasMessageContaining("broken-x2");
  }
}
