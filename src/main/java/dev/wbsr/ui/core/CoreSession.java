package dev.wbsr.ui.core;

import dev.wbsr.image.RgbImage;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.pipeline.RenderJob;
import dev.wbsr.pipeline.RenderListener;
import dev.wbsr.pipeline.RenderUpdate;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.ui.port.BatchListener;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.PatchGrid;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingRequest;
import dev.wbsr.ui.port.UpscaleSession;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The session port on the core's incremental {@link dev.wbsr.pipeline.UpscaleSession}: routing is
 * its pure {@code plan}, and {@link #run} drives one {@code render}, copying each update into the
 * caller's target so the viewer refreshes progressively, and polling for cancellation.
 */
final class CoreSession implements UpscaleSession {

  private final dev.wbsr.pipeline.UpscaleSession session;
  private final PatchGrid grid;

  CoreSession(dev.wbsr.pipeline.UpscaleSession session, BundleInfo info) {
    this.session = session;
    PatchAnalysis a = session.analysis();
    double[] scores = new double[a.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = a.score(i);
    }
    this.grid = new PatchGrid(a.grid().cols(), a.grid().rows(), a.grid().patchSize(), session.scale(),
        a.numClasses(), scores, a.classMap());
  }

  static RoutingPolicy policy(RoutingRequest r) {
    return CorePolicies.of(r);
  }

  @Override
  public PatchGrid grid() {
    return grid;
  }

  @Override
  public Routing route(RoutingRequest request) {
    Assignment a = session.plan(policy(request));
    int[] table = a.classTable().map(t -> t.stream().mapToInt(Integer::intValue).toArray()).orElse(null);
    return new Routing(request, a.subnetMap(), table, a.paperFlops(), a.supernetFlops(),
        a.patchesPerSubnet(), a.bicubicPatches());
  }

  @Override
  public RgbImage run(Routing routing, RgbImage target, BatchListener listener, BooleanSupplier cancelled)
      throws Exception {
    Assignment a = session.plan(policy(routing.request()));
    RenderJob job = session.render(a, new RenderListener() {
      @Override
      public void onUpdate(RenderUpdate u) {
        if (target != null) {
          blit(u.pixels(), target, u.x(), u.y());
        }
      }

      @Override
      public void onProgress(int done, int total) {
        listener.onBatch(done, total);
      }
    });
    while (true) {
      if (cancelled.getAsBoolean()) {
        job.cancel();
        throw new CancellationException("cancelled");
      }
      try {
        job.completion().get(40, TimeUnit.MILLISECONDS);
        break;
      } catch (TimeoutException e) {
        // poll the cancel flag again
      } catch (InterruptedException e) {
        job.cancel();
        throw new CancellationException("cancelled");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Exception ex) {
          throw ex;
        }
        throw e;
      }
    }
    RgbImage full = session.image();
    if (target == null) {
      return full;
    }
    System.arraycopy(full.rgb(), 0, target.rgb(), 0, target.rgb().length);
    return target;
  }

  static void blit(RgbImage src, RgbImage dst, int x, int y) {
    int w = Math.min(src.width(), dst.width() - x);
    int h = Math.min(src.height(), dst.height() - y);
    for (int r = 0; r < h; r++) {
      System.arraycopy(src.rgb(), r * src.width() * 3, dst.rgb(), ((y + r) * dst.width() + x) * 3, w * 3);
    }
  }

  @Override
  public RgbImage input() {
    return session.input();
  }

  @Override
  public int scale() {
    return session.scale();
  }

  @Override
  public void close() {
    session.close();
  }
}
