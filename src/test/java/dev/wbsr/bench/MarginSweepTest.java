package dev.wbsr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.engine.TestBundles;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ModelBundle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench --margins}: each margin and tile arrangement reaches the tiles that run. */
class MarginSweepTest {

  @Test
  void eachMarginAndTileSideIsTheOneThatRuns() throws Exception {
    ModelBundle bundle = TestBundles.tiny(2);
    RgbImage full = new ImageLoader().load(Path.of("assets/samples/chelsea.png")).rgb();
    RgbImage lr = crop(full, 60, 20, 128, 96); // whole 32 px patches only
    try (OnnxEngine engine = OnnxEngine.open(bundle, EngineOptions.defaults(DeviceChoice.CPU))) {
      List<MarginSweep.Row> lone =
          MarginSweep.run(lr, bundle.manifest(), engine, new int[] {0, 1, 2, 4}, 1, 1);
      assertThat(lone).extracting(MarginSweep.Row::margin).containsExactly(0, 1, 2, 4);
      for (MarginSweep.Row r : lone) {
        double side = (32.0 + 2 * r.margin()) / 32.0;
        // lone tiles of a whole patch compute its window: (32 + 2m)^2 / 32^2 of the paper count
        assertThat(r.wbsrExecutedOverPaper())
            .as("margin %d", r.margin())
            .isCloseTo(side * side, within(1e-9));
        assertThat(r.wbsrTileSide()).isEqualTo(1);
      }
      // more context, fewer seams: the tiny nets see 9 px, so margin 4 is well above margin 0
      assertThat(lone.get(3).wbsrPsnrY()).isGreaterThan(lone.get(0).wbsrPsnrY());
      // larger tiles cover same-subnet neighbours with one window: never more executed FLOPs
      List<MarginSweep.Row> tiled =
          MarginSweep.run(lr, bundle.manifest(), engine, new int[] {1}, 1, 8);
      assertThat(tiled.get(0).wbsrTileSide()).isEqualTo(8);
      assertThat(tiled.get(0).wbsrExecutedOverPaper())
          .isLessThanOrEqualTo(lone.get(1).wbsrExecutedOverPaper());
    }
  }

  @Test
  void theSummaryAveragesEachMarginOverImages() {
    List<List<MarginSweep.Row>> rows =
        List.of(
            List.of(row(0, 40, 1.0), row(1, 50, 1.12)), List.of(row(0, 44, 1.0), row(1, 56, 1.10)));
    List<MarginSweep.Summary> s = MarginSweep.summarize(rows);
    assertThat(s).extracting(MarginSweep.Summary::margin).containsExactly(0, 1);
    assertThat(s.get(0).meanPsnrY()).isEqualTo(42.0);
    assertThat(s.get(0).minPsnrY()).isEqualTo(40.0);
    assertThat(s.get(1).meanPsnrY()).isEqualTo(53.0);
    assertThat(s.get(1).meanExecutedOverPaper()).isCloseTo(1.11, within(1e-12));
    assertThat(s.get(1).images()).isEqualTo(2);
    assertThat(MarginSweep.summarize(List.of())).isEmpty();
  }

  private static RgbImage crop(RgbImage src, int x, int y, int w, int h) {
    RgbImage out = RgbImage.allocate(w, h);
    for (int r = 0; r < h; r++) {
      System.arraycopy(src.rgb(), ((y + r) * src.width() + x) * 3, out.rgb(), r * w * 3, w * 3);
    }
    return out;
  }

  private static MarginSweep.Row row(int margin, double psnrY, double exec) {
    return new MarginSweep.Row(margin, 1, 50, 10, 8, psnrY + 1, psnrY, 10, 0, exec);
  }
}
