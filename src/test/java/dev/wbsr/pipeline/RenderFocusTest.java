package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Visible part first (issue 15): a render computes the tiles that touch the session's focus before
 * the rest, a focus moved during the render re-prioritises what is left, and the order changes
 * nothing in the image. One worker, lone-patch tiles, so the order of the updates is the order of
 * the inference calls.
 */
class RenderFocusTest {

  private static final int SCALE = 2;
  private final Manifest manifest = SyntheticManifests.nineByTen(SCALE);
  // 7 x 5 patches of 32, the last column 8 px wide and the last row 22 px high
  private final RgbImage lr = RoutingPolicyTest.noiseImage(200, 150, 11);
  private final PipelineOptions options =
      PipelineOptions.interactive()
          .withWorkers(1)
          .withMaxTileSide(1)
          .withMaxCallFlops(1e12)
          .withCacheBytes(0);
  private static final int COLS = 7;

  /** Grid columns c0..c1 and rows r0..r1 (inclusive) as a focus in SR pixels, a little inside. */
  private static Focus cells(int c0, int r0, int c1, int r1) {
    int p = 32 * SCALE;
    return new Focus(c0 * p + 3, r0 * p + 3, (c1 - c0 + 1) * p - 6, (r1 - r0 + 1) * p - 6);
  }

  private static List<Integer> indices(int c0, int r0, int c1, int r1) {
    List<Integer> out = new ArrayList<>();
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        out.add(r * COLS + c);
      }
    }
    return out;
  }

  private record Run(List<Integer> order, List<FakeEngine.Call> calls, RgbImage image) {}

  private Run render(Focus focus, Focus later) throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 9, 0);
    List<Integer> order = new CopyOnWriteArrayList<>();
    try (UpscaleSession session = UpscaleSession.create(lr, manifest, engine, options)) {
      session.focus(focus);
      session
          .render(
              new RoutingPolicy.Supernet(),
              new RenderListener() {
                @Override
                public void onUpdate(RenderUpdate u) {
                  if (order.isEmpty() && later != null) {
                    session.focus(later); // the viewport moves while the first batch lands
                  }
                  Arrays.stream(u.patches()).forEach(order::add);
                }
              })
          .await();
      return new Run(order, List.copyOf(engine.calls), session.image());
    }
  }

  @Test
  void withoutAFocusTheTilesRunInPlannedOrder() throws Exception {
    Run r = render(null, null);
    assertThat(r.order()).hasSize(35);
    // interior 34x34 tiles batch four to a call, in row-major order of their first tile
    assertThat(r.order().subList(0, 4)).containsExactly(0, 1, 2, 3);
  }

  @Test
  void theTilesInTheFocusComeFirstThenTheRest() throws Exception {
    Run r = render(cells(2, 1, 3, 2), null);
    List<Integer> visible = indices(2, 1, 3, 2);
    assertThat(r.order().subList(0, 4)).containsExactlyElementsOf(visible);
    assertThat(r.calls().get(0).n()).as("the visible tiles share the first call").isEqualTo(4);
    List<Integer> rest = r.order().subList(4, r.order().size());
    assertThat(rest).doesNotContainAnyElementsOf(visible).doesNotHaveDuplicates().hasSize(31);
  }

  @Test
  void aFocusMovedDuringTheRenderRePrioritisesWhatIsLeft() throws Exception {
    Run r = render(cells(0, 0, 1, 1), cells(4, 2, 5, 3));
    assertThat(r.order().subList(0, 4)).containsExactlyElementsOf(indices(0, 0, 1, 1));
    assertThat(r.order().subList(4, 8)).containsExactlyElementsOf(indices(4, 2, 5, 3));
    assertThat(r.order()).doesNotHaveDuplicates().hasSize(35);
  }

  @Test
  void theOrderChangesNothingInTheImage() throws Exception {
    RgbImage planned = render(null, null).image();
    assertThat(render(cells(2, 1, 3, 2), null).image().rgb()).isEqualTo(planned.rgb());
    assertThat(render(cells(0, 0, 1, 1), cells(4, 2, 6, 4)).image().rgb()).isEqualTo(planned.rgb());
  }

  @Test
  void aFocusOffTheImageKeepsThePlannedOrder() throws Exception {
    Run r = render(new Focus(5000, 5000, 100, 100), null);
    assertThat(r.order()).containsExactlyElementsOf(render(null, null).order());
  }

  @Test
  void batchesAreTheSameWithoutAFocusAsBatchingThePlannedListUpFront() {
    PatchGrid grid = new PatchGrid(200, 150, 32);
    int[] subnets = IntStream.range(0, grid.size()).map(p -> p % 3).toArray();
    boolean[] todo = new boolean[grid.size()];
    Arrays.fill(todo, true);
    int[] sides = {1, 1, 1, 1};
    int[] margins = {1, 1, 1, 1};
    List<Tile> tiles = TilePlanner.plan(grid, subnets, todo, sides, margins);
    RenderQueue q = new RenderQueue(tiles, t -> 4, SCALE);
    List<List<Tile>> got = new ArrayList<>();
    for (List<Tile> b = q.next(null); b != null; b = q.next(null)) {
      got.add(b);
    }
    assertThat(got).isEqualTo(upFront(tiles, 4));
  }

  /** The grouping the session used before batches were formed at the pick. */
  private static List<List<Tile>> upFront(List<Tile> tiles, int cap) {
    java.util.Map<String, List<Tile>> open = new java.util.HashMap<>();
    List<List<Tile>> out = new ArrayList<>();
    for (Tile t : tiles) {
      String key = t.subnet() + ":" + t.inW() + "x" + t.inH();
      List<Tile> last = open.get(key);
      if (last == null || last.size() >= cap) {
        last = new ArrayList<>();
        open.put(key, last);
        out.add(last);
      }
      last.add(t);
    }
    return out;
  }
}
