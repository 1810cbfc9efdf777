package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wbsr.engine.Nchw;
import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.model.Manifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UpscaleSessionTest {

  private static final int SCALE = 2;
  private final Manifest manifest = SyntheticManifests.nineByTen(SCALE);
  private final RgbImage lr =
      RoutingPolicyTest.noiseImage(200, 150, 11); // 7 x 5 patches, partial edges

  /** The fake network on the whole image at once, as 8-bit RGB. */
  private RgbImage whole(FakeEngine engine, int subnet) {
    float[] in = new float[3 * lr.width() * lr.height()];
    int plane = lr.width() * lr.height();
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        in[c * plane + i] = (lr.rgb()[i * 3 + c] & 0xFF) / 255f;
      }
    }
    Nchw out = engine.run(subnet, new Nchw(in, 1, 3, lr.height(), lr.width()));
    RgbImage img = RgbImage.allocate(out.w(), out.h());
    int op = out.w() * out.h();
    for (int i = 0; i < op; i++) {
      for (int c = 0; c < 3; c++) {
        img.rgb()[i * 3 + c] = TileExecutor.toByte(out.data()[c * op + i]);
      }
    }
    return img;
  }

  @Test
  void tilesWithAMarginOfTheReceptiveFieldStitchExactly() throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 9, 0);
    RgbImage expected = whole(engine, 8);
    for (int side : new int[] {1, 2, 3, 8}) {
      PipelineOptions o =
          PipelineOptions.batch().withMargin(1).withMaxTileSide(side).withWorkers(2);
      UpscaleResult r =
          Upscaler.upscale(
              lr, manifest, engine, new RoutingPolicy.Supernet(), o, RenderListener.NONE);
      assertThat(r.image().rgb()).as("tile side %d", side).isEqualTo(expected.rgb());
      assertThat(r.render().computed()).isEqualTo(35);
    }
    PipelineOptions noMargin = PipelineOptions.batch().withMargin(0).withMaxTileSide(1);
    UpscaleResult seams =
        Upscaler.upscale(
            lr, manifest, engine, new RoutingPolicy.Supernet(), noMargin, RenderListener.NONE);
    assertThat(seams.image().rgb())
        .as("without context the seams show")
        .isNotEqualTo(expected.rgb());
  }

  @Test
  void stitchesExactlyAtX4Too() throws Exception {
    Manifest x4 = SyntheticManifests.nineByTen(4);
    FakeEngine engine = new FakeEngine(4, 9, 0);
    RgbImage expected = Upscaler.wholeImage(lr, x4, engine, 8);
    UpscaleResult r =
        Upscaler.upscale(
            lr,
            x4,
            engine,
            RoutingPolicy.Wbsr.budget(1.0),
            PipelineOptions.batch().withMargin(1).withMaxTileSide(2),
            RenderListener.NONE);
    assertThat(r.image().width()).isEqualTo(800);
    assertThat(r.image().rgb()).isEqualTo(expected.rgb());
  }

  @Test
  void everyPatchShowsItsOwnSubnetsOutput() throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 9, 0);
    UpscaleResult r =
        Upscaler.upscale(
            lr,
            manifest,
            engine,
            RoutingPolicy.Wbsr.paper(),
            PipelineOptions.batch().withMargin(1),
            RenderListener.NONE);
    Set<Integer> used = new HashSet<>();
    for (int p = 0; p < r.assignment().size(); p++) {
      int s = r.assignment().subnetOf(p);
      used.add(s);
      PatchGrid.Patch patch = r.analysis().grid().patch(p);
      RgbImage want =
          TileExecutor.crop(
              whole(engine, s),
              patch.x() * SCALE,
              patch.y() * SCALE,
              patch.w() * SCALE,
              patch.h() * SCALE);
      RgbImage got =
          TileExecutor.crop(
              r.image(),
              patch.x() * SCALE,
              patch.y() * SCALE,
              patch.w() * SCALE,
              patch.h() * SCALE);
      assertThat(got.rgb()).as("patch %d on subnet %d", p, s).isEqualTo(want.rgb());
    }
    assertThat(used).as("the test image spreads over several subnets").hasSizeGreaterThan(3);
    assertThat(r.render().executedFlops()).isGreaterThan(r.assignment().paperFlops());
  }

  @Test
  void remapComputesOnlyChangedPatchesAndGoingBackIsFree() throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 9, 0);
    try (UpscaleSession session =
        UpscaleSession.create(lr, manifest, engine, PipelineOptions.interactive().withMargin(1))) {
      Assignment paper = session.plan(RoutingPolicy.Wbsr.paper());
      RenderStats first = session.render(paper, RenderListener.NONE).await();
      assertThat(first.computed()).isEqualTo(35);
      RgbImage paperImage = session.image();

      Assignment cheap = session.plan(RoutingPolicy.Wbsr.budget(0.3));
      int changed = 0;
      for (int p = 0; p < 35; p++) {
        changed += cheap.subnetOf(p) != paper.subnetOf(p) ? 1 : 0;
      }
      assertThat(changed).isBetween(1, 34);
      engine.calls.clear();
      RenderStats second = session.render(cheap, RenderListener.NONE).await();
      assertThat(second.computed()).isEqualTo(changed);
      assertThat(second.unchanged()).isEqualTo(35 - changed);
      assertThat(engine.patchesComputed(32)).isLessThanOrEqualTo(changed);

      engine.calls.clear();
      RenderStats back = session.render(paper, RenderListener.NONE).await();
      assertThat(back.restored()).isEqualTo(changed);
      assertThat(back.computed()).isZero();
      assertThat(engine.calls).isEmpty();
      assertThat(session.image().rgb()).isEqualTo(paperImage.rgb());
      assertThat(session.renderedSubnets()).containsExactly(paper.subnetMap());
    }
  }

  @Test
  void rendersIntoEachTargetInPlaceAndRemembersWhatEachShows() throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 9, 0);
    try (UpscaleSession session =
        UpscaleSession.create(lr, manifest, engine, PipelineOptions.interactive().withMargin(1))) {
      Assignment paper = session.plan(RoutingPolicy.Wbsr.paper());
      Assignment top = session.plan(new RoutingPolicy.Supernet());
      RgbImage wbsr = RgbImage.allocate(lr.width() * SCALE, lr.height() * SCALE);
      RgbImage supernet = RgbImage.allocate(lr.width() * SCALE, lr.height() * SCALE);
      session.render(paper, wbsr, RenderListener.NONE).await();
      RgbImage paperPixels = new RgbImage(wbsr.width(), wbsr.height(), wbsr.rgb().clone());

      RenderStats other = session.render(top, supernet, RenderListener.NONE).await();
      assertThat(supernet.rgb()).isEqualTo(whole(engine, 8).rgb());
      int onTop = 0;
      for (int p = 0; p < 35; p++) {
        onTop += paper.subnetOf(p) == 8 ? 1 : 0;
      }
      assertThat(onTop).as("the test image has patches on the supernet").isBetween(1, 34);
      assertThat(other.restored())
          .as("patches the WBSR target shows on the supernet are copied, not run again")
          .isEqualTo(onTop);
      assertThat(other.computed()).isEqualTo(35 - onTop);
      assertThat(wbsr.rgb())
          .as("rendering another target leaves this one")
          .isEqualTo(paperPixels.rgb());

      engine.calls.clear();
      RenderStats again = session.render(paper, wbsr, RenderListener.NONE).await();
      assertThat(again.unchanged()).as("the session knows what the target shows").isEqualTo(35);
      assertThat(engine.calls).isEmpty();

      session.render(paper, RenderListener.NONE).await();
      assertThat(session.image().rgb())
          .as("the session's own image: same pixels as the target")
          .isEqualTo(paperPixels.rgb());
      RgbImage small = RgbImage.allocate(lr.width() * SCALE - 1, lr.height() * SCALE);
      assertThatThrownBy(() -> session.render(paper, small, RenderListener.NONE))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void listenerSeesEveryChangedPatchOnceAndTheImageMatchesTheUpdates() throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 9, 0);
    try (UpscaleSession session =
        UpscaleSession.create(
            lr, manifest, engine, PipelineOptions.interactive().withMargin(1).withWorkers(2))) {
      List<RenderUpdate> updates = new CopyOnWriteArrayList<>();
      List<int[]> progress = new CopyOnWriteArrayList<>();
      RenderListener l =
          new RenderListener() {
            @Override
            public void onUpdate(RenderUpdate u) {
              updates.add(u);
            }

            @Override
            public void onProgress(int done, int total) {
              progress.add(new int[] {done, total});
            }
          };
      session.render(RoutingPolicy.Wbsr.paper(), l).await();
      List<Integer> seen = new ArrayList<>();
      RgbImage painted = RgbImage.allocate(lr.width() * SCALE, lr.height() * SCALE);
      for (RenderUpdate u : updates) {
        for (int p : u.patches()) {
          seen.add(p);
        }
        paste(painted, u);
      }
      assertThat(seen).hasSize(35).doesNotHaveDuplicates();
      assertThat(painted.rgb()).isEqualTo(session.image().rgb());
      assertThat(progress.get(progress.size() - 1)).containsExactly(35, 35);
    }
  }

  @Test
  void cancelReturnsAtOnceAndLeavesAConsistentImage() throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 9, 300);
    try (UpscaleSession session =
        UpscaleSession.create(
            lr, manifest, engine, PipelineOptions.interactive().withMargin(1).withMaxTileSide(1))) {
      CountDownLatch firstUpdate = new CountDownLatch(1);
      RenderJob job =
          session.render(
              new RoutingPolicy.Supernet(),
              new RenderListener() {
                @Override
                public void onUpdate(RenderUpdate u) {
                  firstUpdate.countDown();
                }
              });
      assertThat(firstUpdate.await(5, TimeUnit.SECONDS)).isTrue();
      // cancel does not wait for the call in flight (300 ms): await throws while it still runs;
      // how fast is a benchmark's question, not a test's
      job.cancel();
      assertThatThrownBy(job::await).isInstanceOf(CancellationException.class);
      Thread.sleep(700); // the call in flight ends and must not reach the image
      int[] rendered = session.renderedSubnets();
      int done = 0;
      for (int s : rendered) {
        done += s == 8 ? 1 : 0;
      }
      assertThat(done).isBetween(1, 34);

      // a new render after a cancel completes and reuses what was done
      RenderStats stats = session.render(new RoutingPolicy.Supernet(), RenderListener.NONE).await();
      assertThat(stats.unchanged() + stats.restored()).isGreaterThanOrEqualTo(done);
      assertThat(session.renderedSubnets()).containsOnly(8);
    }
  }

  @Test
  void aNewRenderCancelsThePreviousOne() throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 9, 50);
    try (UpscaleSession session =
        UpscaleSession.create(
            lr, manifest, engine, PipelineOptions.interactive().withMargin(1).withMaxTileSide(1))) {
      RenderJob a = session.render(new RoutingPolicy.Subnet(0), RenderListener.NONE);
      RenderJob b = session.render(new RoutingPolicy.Subnet(3), RenderListener.NONE);
      assertThat(a.isCancelled()).isTrue();
      b.await();
      assertThat(session.renderedSubnets()).containsOnly(3);
    }
  }

  @Test
  void bicubicRouteProducesAnImageWithoutTheNetwork() throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 9, 0);
    UpscaleResult r =
        Upscaler.upscale(
            lr,
            manifest,
            engine,
            new RoutingPolicy.Bicubic(),
            PipelineOptions.batch(),
            RenderListener.NONE);
    assertThat(engine.calls).isEmpty();
    assertThat(r.image().width()).isEqualTo(400);
    assertThat(r.assignment().paperFlops()).isZero();
    assertThat(r.image().rgb())
        .as("tiles stitch to MATLAB's imresize of the whole image")
        .isEqualTo(Bicubic.resize(lr, 2.0).rgb());
  }

  @Test
  void classsrSessionsRunTheClassifierOnceAndRouteByIt() throws Exception {
    FakeEngine engine = new FakeEngine(SCALE, 3, 0);
    Manifest classsr = SyntheticManifests.classsr(SCALE);
    UpscaleResult r =
        Upscaler.upscale(
            lr,
            classsr,
            engine,
            new RoutingPolicy.ClassSr(),
            PipelineOptions.batch().withMargin(1),
            RenderListener.NONE);
    assertThat(r.analysis().hasBranches()).isTrue();
    for (int p = 0; p < r.assignment().size(); p++) {
      assertThat(r.assignment().subnetOf(p)).isEqualTo(r.analysis().branchOf(p));
    }
    assertThat(r.assignment().routerFlopsPerPatch()).isEqualTo(1e8);
  }

  private static void paste(RgbImage dst, RenderUpdate u) {
    RgbImage src = u.pixels();
    for (int r = 0; r < src.height(); r++) {
      System.arraycopy(
          src.rgb(),
          r * src.width() * 3,
          dst.rgb(),
          ((u.y() + r) * dst.width() + u.x()) * 3,
          src.width() * 3);
    }
  }
}
