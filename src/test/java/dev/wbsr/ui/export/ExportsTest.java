package dev.wbsr.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.pipeline.TestAssignments;
import dev.wbsr.ui.fake.FakeCore;
import dev.wbsr.ui.fake.MemoryPreferences;
import dev.wbsr.ui.model.ClassRow;
import dev.wbsr.ui.model.RoutingMode;
import dev.wbsr.ui.model.RoutingSummary;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.viewer.OverlayMap;
import dev.wbsr.ui.viewer.PixelSource;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportsTest {

  @TempDir Path tmp;

  final ModelBundle bundle = FakeCore.bundle("tiny-x2");

  /** A 40x20 LR image: two patches, the second partial (8x20); a flat one and a textured one. */
  final PatchAnalysis grid = PatchAnalysis.of(image(), bundle.manifest());

  final Assignment routing = TestAssignments.of(bundle.manifest(), -1, 8);

  static RgbImage image() {
    RgbImage img = RgbImage.allocate(40, 20);
    for (int y = 0; y < 20; y++) {
      for (int x = 32; x < 40; x++) {
        img.rgb()[(y * 40 + x) * 3 + 1] = (byte) ((x + y) % 2 == 0 ? 250 : 0);
      }
    }
    return img;
  }

  @Test
  void csvHasOneLinePerPatch() throws Exception {
    StringWriter w = new StringWriter();
    Exports.patchCsv(w, bundle, grid, routing, 40, 20);
    String[] lines = w.toString().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("col,row,lr_x");
    assertThat(lines[1])
        .isEqualTo(
            String.format(
                java.util.Locale.ROOT,
                "0,0,0,0,32,20,%.6f,%d,-1,bicubic,0.000000",
                grid.score(0),
                grid.classOf(0)));
    assertThat(lines[2])
        .isEqualTo(
            String.format(
                java.util.Locale.ROOT,
                "1,0,32,0,8,20,%.6f,%d,8,w8-d3,%.6f",
                grid.score(1),
                grid.classOf(1),
                bundle.manifest().subnets().get(8).flopsPerPatch() / 1e9));
  }

  @Test
  void tableAndHoverFollowTheRouting() {
    Assignment paper = RoutingMode.WBSR.policy().assign(grid, bundle.manifest());
    List<ClassRow> rows = RoutingSummary.classRows(bundle, grid, paper);
    assertThat(rows).hasSize(10);
    int top = paper.classTable().orElseThrow().get(9);
    assertThat(rows.get(9).subnet()).isEqualTo(bundle.manifest().subnets().get(top).name());
    assertThat(rows.stream().mapToInt(ClassRow::patches).sum()).isEqualTo(2);
    assertThat(RoutingSummary.patchesPerSubnet(bundle, routing)).isEqualTo("bicubic 1 · w8-d3 1");
    assertThat(RoutingSummary.hover(bundle, grid, routing, 1))
        .contains("Patch (1, 0)")
        .contains("class " + grid.classOf(1) + " of 10")
        .contains("Subnet w8-d3");
  }

  @Test
  void sideBySideAndHeatmapKeepSizes() {
    RgbImage a = RgbImage.allocate(10, 6);
    RgbImage side = Exports.sideBySide(PixelSource.of(a), PixelSource.of(a), 4);
    assertThat(side.width()).isEqualTo(24);
    assertThat(side.sample(11, 0, 0)).isEqualTo(255);
    RgbImage heat = Exports.heatmap(a, new OverlayMap(1, 1, 10, new int[] {0xFF0000}), 0.5);
    assertThat(heat.sample(0, 0, 0)).isEqualTo(128);
    assertThat(heat.sample(0, 0, 1)).isEqualTo(0);
  }

  @Test
  void recentFilesAreDedupedAndCapped() {
    Settings s = new Settings(MemoryPreferences.root().node("dev/wbsr/studio-test-recent"));
    s.clear();
    for (int i = 0; i < 12; i++) {
      s.addRecent(tmp.resolve("f" + i + ".png"));
    }
    s.addRecent(tmp.resolve("f5.png"));
    assertThat(s.recentFiles()).hasSize(Settings.MAX_RECENT);
    assertThat(s.recentFiles().get(0).getFileName().toString()).isEqualTo("f5.png");
    assertThat(s.recentFiles().stream().filter(p -> p.endsWith("f5.png"))).hasSize(1);
  }
}
