package dev.wbsr.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.job.WhenExists;
import dev.wbsr.ui.FxTestSupport;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.model.RoutingMode;
import dev.wbsr.ui.model.StudioCore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch task on the core runner, with the fake engine. */
class BatchTaskTest {

  @TempDir Path tmp;

  @BeforeAll
  static void fx() throws Exception {
    FxTestSupport.initToolkit();
  }

  private BatchRequest request(Path in, Path out) {
    return new BatchRequest(
        List.of(in),
        false,
        out,
        "png",
        "{name}_x{scale}",
        FakeCore.bundle("tiny-x2"),
        RoutingMode.WBSR.policy(),
        WhenExists.FAIL);
  }

  /**
   * Issue 15: a cancel reported "0 written" although files were written, and the failures before it
   * were lost (the task read its progress property off the FX thread, which throws).
   */
  @Test
  void aCancelKeepsWhatWasWrittenAndWhatFailed() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("a-broken.png"), "this is no png");
    for (String n : List.of("b", "c", "d", "e", "f")) {
      FxTestSupport.writePng(FxTestSupport.testImage(64, 64), in.resolve(n + ".png"));
    }
    FakeCore.Engines engines = new FakeCore.Engines();
    engines.delayMs = 100;
    StudioCore services = FakeCore.create(engines);
    Path out = tmp.resolve("out");
    BatchTask task = new BatchTask(services, request(in, out));
    Thread worker = new Thread(task, "batch-test");
    worker.start();
    for (int i = 0; i < 600 && !Files.exists(out.resolve("b_x2.png")); i++) {
      Thread.sleep(50);
    }
    task.cancel();
    worker.join(60_000);
    BatchSummary s = task.lastSummary();
    assertThat(s).isNotNull();
    assertThat(s.cancelled()).isTrue();
    assertThat(s.written()).isGreaterThanOrEqualTo(1).isLessThan(5);
    assertThat(s.failures()).hasSize(1);
    String line = s.failures().get(0).toString();
    assertThat(line).startsWith("a-broken.png: ").doesNotContain("a-broken.png: a-broken.png");
    try (var files = Files.list(out)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".png")).count())
          .isEqualTo(s.written());
    }
  }

  @Test
  void aFinishedBatchCountsEveryFile() throws Exception {
    Path in = tmp.resolve("in");
    FxTestSupport.writePng(
        FxTestSupport.testImage(40, 30), Files.createDirectories(in).resolve("a.png"));
    Files.write(in.resolve("anim.gif"), "GIF89a".getBytes());
    BatchTask task = new BatchTask(FakeCore.create(), request(in, tmp.resolve("out")));
    task.run();
    BatchSummary s = task.get();
    assertThat(s.written()).isEqualTo(1);
    assertThat(s.skipped()).isEqualTo(1);
    assertThat(s.failures()).isEmpty();
    assertThat(tmp.resolve("out/a_x2.png")).exists();
  }

  /** Issue 15: a long failure line needed horizontal scrolling. */
  @Test
  void failureLinesWrapToTheListsWidth() {
    WrappingCell cell =
        FxTestSupport.onFx(
            () -> {
              ListView<String> list = new ListView<>();
              list.resize(300, 100);
              return new WrappingCell(list);
            });
    assertThat(cell.isWrapText()).isTrue();
    assertThat(cell.getPrefWidth()).isLessThanOrEqualTo(300);
  }

  @Test
  void aFolderOrSeveralFilesMeanABatch() throws Exception {
    Path a = Files.writeString(tmp.resolve("a.png"), "x");
    Path b = Files.writeString(tmp.resolve("b.png"), "x");
    assertThat(DroppedInputs.wantsBatch(List.of(a))).isFalse();
    assertThat(DroppedInputs.wantsBatch(List.of(a, b))).isTrue();
    assertThat(DroppedInputs.wantsBatch(List.of(tmp))).isTrue();
    assertThat(DroppedInputs.describe(List.of(a, b))).isEqualTo("2 dropped: a.png, b.png");
    assertThat(DroppedInputs.suggestedOutput(List.of(a, b))).isEqualTo(tmp.resolve("upscaled"));
  }

  @Test
  void clock() {
    assertThat(BatchTask.clock(75)).isEqualTo("1:15");
    assertThat(BatchTask.clock(3725)).isEqualTo("1:02:05");
  }
}
