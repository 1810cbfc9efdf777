package dev.wbsr.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.fake.FakeServices;
import dev.wbsr.ui.model.ClassRow;
import dev.wbsr.ui.model.RoutingSummary;
import dev.wbsr.ui.model.Settings;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.PatchGrid;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingRequest;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.viewer.OverlayMap;
import dev.wbsr.ui.viewer.PixelSource;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportsTest {

  @TempDir Path tmp;

  final BundleInfo bundle = FakeServices.bundle(2);
  final PatchGrid grid = new PatchGrid(2, 1, 32, 2, 5, new double[] {1.5, 20.25}, new int[] {1, 5});
  final Routing routing = new Routing(RoutingRequest.of(RoutingMode.WBSR), new int[] {-1, 2},
      new int[] {-1, 0, 1, 2, 2}, 9e8, 18e8, new int[] {0, 0, 1}, 1);

  @Test
  void csvHasOneLinePerPatch() throws Exception {
    StringWriter w = new StringWriter();
    Exports.patchCsv(w, bundle, grid, routing, 40, 20);
    String[] lines = w.toString().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("col,row,lr_x");
    assertThat(lines[1]).isEqualTo("0,0,0,0,32,20,1.500000,1,-1,bicubic,0.000000");
    assertThat(lines[2]).isEqualTo("1,0,32,0,8,20,20.250000,5,2,w32-d4,0.900000");
  }

  @Test
  void tableAndHoverFollowTheRouting() {
    List<ClassRow> rows = RoutingSummary.classRows(bundle, grid, routing);
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).subnet()).isEqualTo("bicubic");
    assertThat(rows.get(4).patches()).isEqualTo(1);
    assertThat(rows.get(4).subnet()).isEqualTo("w32-d4");
    assertThat(RoutingSummary.patchesPerSubnet(bundle, routing)).isEqualTo("bicubic 1 · w32-d4 1");
    assertThat(RoutingSummary.hover(bundle, grid, routing, 1))
        .contains("Patch (1, 0)").contains("Score 20.25").contains("class 5 of 5").contains("w32-d4 · 0.900 GFLOPs");
    assertThat(grid.patchAtOutput(70, 10)).isEqualTo(1);
    assertThat(grid.patchAtOutput(130, 10)).isEqualTo(-1);
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
    Settings s = new Settings(Preferences.userRoot().node("dev/wbsr/studio-test-recent"));
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
