package dev.wbsr.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.ui.fake.FakeServices;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.RoutingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchPlannerTest {

  @TempDir Path tmp;

  BatchRequest req(Path in, boolean rec, Path out, String template) {
    return new BatchRequest(in, rec, out, "png", template, FakeServices.bundle(4),
        RoutingRequest.of(RoutingMode.WBSR), Existing.SKIP);
  }

  @Test
  void mirrorsTheTreeAndSkipsNonImagesAndTheOutputFolder() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in.resolve("a/b"));
    Files.writeString(in.resolve("x.JPG"), "");
    Files.writeString(in.resolve("a/b/y.tif"), "");
    Files.writeString(in.resolve("notes.txt"), "");
    Files.createDirectories(in.resolve("out"));
    Files.writeString(in.resolve("out/old.png"), "");
    List<BatchPlanner.Item> flat = BatchPlanner.plan(req(in, false, in.resolve("out"), null));
    assertThat(flat).extracting(i -> i.input().getFileName().toString()).containsExactly("x.JPG");
    List<BatchPlanner.Item> deep = BatchPlanner.plan(req(in, true, in.resolve("out"), "{name}-{bundle}-{mode}"));
    assertThat(deep).extracting(i -> in.resolve("out").relativize(i.output()).toString())
        .containsExactly("a/b/y-fake-x4-wbsr.png", "x-fake-x4-wbsr.png");
  }

  @Test
  void templateDefaultsAndSanitises() {
    BatchRequest r = req(tmp, false, tmp, "");
    assertThat(BatchPlanner.name(r, "cat.photo.jpeg")).isEqualTo("cat.photo_x4");
    assertThat(BatchPlanner.name(req(tmp, false, tmp, "a/b:{name}"), "c.png")).isEqualTo("a_b_c");
  }

  @Test
  void freeNameNeverReturnsAnExistingFile() throws Exception {
    Path p = Files.writeString(tmp.resolve("a.png"), "");
    Files.writeString(tmp.resolve("a (1).png"), "");
    assertThat(BatchPlanner.freeName(p).getFileName().toString()).isEqualTo("a (2).png");
  }

  @Test
  void missingInputIsAClearError() {
    assertThatThrownBy(() -> BatchPlanner.plan(req(tmp.resolve("nope"), false, tmp, null)))
        .hasMessageContaining("does not exist");
  }

  @Test
  void clockFormatsEta() {
    assertThat(BatchTask.clock(75)).isEqualTo("1:15");
    assertThat(BatchTask.clock(3725)).isEqualTo("1:02:05");
  }
}
