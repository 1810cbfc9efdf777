package dev.wbsr.pipeline;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.Bicubic;
import dev.wbsr.model.Manifest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Incremental upscaling of one LR image with one bundle; see the package documentation for the life
 * cycle. Scores and classes are computed once, at creation. {@link #plan} is pure and cheap; {@link
 * #render} runs inference in the background for the patches whose subnet changed, taking what it
 * can from the (patch, subnet) cache. Methods may be called from any thread; one render runs at a
 * time (a new one cancels the previous).
 */
public final class UpscaleSession implements AutoCloseable {

  /** {@link #renderedSubnets()} value of a patch that has no output yet. */
  public static final int NOT_RENDERED = Integer.MIN_VALUE;

  private final RgbImage lr;
  private final Manifest manifest;
  private final SrEngine engine;
  private final PipelineOptions options;
  private final PatchAnalysis analysis;
  private final PatchGrid grid;
  private final int scale;
  private final TileExecutor executor;
  private final Canvases canvases;

  private final PatchCache cache;
  private final Object lock = new Object();
  private final ExecutorService coordinator;
  private final ExecutorService workers;
  private final Set<Thread> ownThreads = ConcurrentHashMap.newKeySet();
  private RenderJob active;
  private boolean closed;
  private volatile Focus focus;

  private UpscaleSession(
      RgbImage lr, Manifest manifest, SrEngine engine, Resampler bicubic, PipelineOptions options) {
    this.lr = Objects.requireNonNull(lr);
    this.manifest = manifest;
    this.engine = engine;
    this.options = options;
    this.scale = manifest.scale();
    if (engine.scale() != scale) {
      throw new IllegalArgumentException(
          "engine scale " + engine.scale() + " differs from bundle scale " + scale);
    }
    this.analysis = PatchAnalysis.of(lr, manifest, engine);
    this.grid = analysis.grid();
    long bytes = (long) lr.width() * scale * lr.height() * scale * 3;
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "output of "
              + lr.width() * scale
              + "x"
              + lr.height() * scale
              + " is too large for one image");
    }
    this.cache = new PatchCache(options.cacheBytes());
    this.canvases = new Canvases(lr.width() * scale, lr.height() * scale, grid.size(), scale);
    this.executor = new TileExecutor(lr, engine, bicubic, scale);
    this.coordinator = Executors.newSingleThreadExecutor(daemon("wbsr-render"));
    this.workers = Executors.newFixedThreadPool(options.workers(), daemon("wbsr-worker"));
  }

  /** Scores and classifies {@code lr}; no inference yet. The bicubic route is MATLAB's imresize. */
  public static UpscaleSession create(
      RgbImage lr, Manifest manifest, SrEngine engine, PipelineOptions options) {
    return new UpscaleSession(lr, manifest, engine, Bicubic::resize, options);
  }

  /** As {@link #create} with a chosen resampler for the bicubic route. */
  public static UpscaleSession create(
      RgbImage lr, Manifest manifest, SrEngine engine, Resampler bicubic, PipelineOptions options) {
    return new UpscaleSession(lr, manifest, engine, bicubic, options);
  }

  public RgbImage input() {
    return lr;
  }

  public Manifest manifest() {
    return manifest;
  }

  public int scale() {
    return scale;
  }

  public String device() {
    return engine.device();
  }

  /** Scores, classes and edge scores of every patch. */
  public PatchAnalysis analysis() {
    return analysis;
  }

  /** Applies a routing policy: the assignment, its table, map and FLOPs. Pure, no inference. */
  public Assignment plan(RoutingPolicy policy) {
    return policy.assign(analysis, manifest);
  }

  /**
   * Starts bringing the SR image to {@code target} in the background and returns at once. Cancels
   * the render in flight, if any. Patches already showing their target subnet are left alone,
   * cached ones are copied back, the rest are computed in batches; {@code listener} hears each
   * change.
   */
  public RenderJob render(Assignment target, RenderListener listener) {
    return render(target, null, listener);
  }

  /**
   * As {@link #render(Assignment, RenderListener)}, but into the caller's {@code into} (output
   * size; null = the session's own image) instead of the session's image: the app renders each
   * variant straight into the image it shows, so no second full-size copy exists. The session
   * remembers which subnet each patch of {@code into} shows, so a later render into it recomputes
   * only what changed; the caller must not write into it while a render runs, and only writes it
   * before the first render (a preview that patches not rendered yet keep showing).
   */
  public RenderJob render(Assignment target, RgbImage into, RenderListener listener) {
    if (!target.grid().equals(grid)) {
      throw new IllegalArgumentException("assignment belongs to another image");
    }
    RenderJob job = new RenderJob(target);
    Canvas canvas;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("session closed");
      }
      canvas = canvas(into);
      if (active != null) {
        active.cancel();
      }
      active = job;
    }
    RenderListener serial =
        RenderListener.serialized(listener == null ? RenderListener.NONE : listener);
    coordinator.execute(() -> run(job, canvas, serial));
    return job;
  }

  /**
   * Where the user looks, in SR pixels, or null for none: the render in flight and later ones
   * compute the tiles that touch it first, then the rest (a move during a render re-prioritises
   * what is left). The order changes nothing in the result.
   */
  public void focus(Focus f) {
    focus = f;
  }

  /** Convenience: plan and render. */
  public RenderJob render(RoutingPolicy policy, RenderListener listener) {
    return render(plan(policy), listener);
  }

  /** A copy of the SR image as it is now (black where nothing was rendered yet). */
  public RgbImage image() {
    synchronized (lock) {
      RgbImage sr = canvas(null).image();
      return new RgbImage(sr.width(), sr.height(), sr.rgb().clone());
    }
  }

  /** The image and per-patch state of {@code into} (null: the session's own image). Under lock. */
  private Canvas canvas(RgbImage into) {
    return canvases.of(into);
  }

  /** A copy of a rectangle of the SR image as it is now. */
  public RgbImage region(int x, int y, int w, int h) {
    synchronized (lock) {
      return TileExecutor.crop(canvas(null).image(), x, y, w, h);
    }
  }

  private RgbImage regionOf(Canvas canvas, int x, int y, int w, int h) {
    synchronized (lock) {
      return TileExecutor.crop(canvas.image(), x, y, w, h);
    }
  }

  /** Subnet whose output each patch shows now ({@link #NOT_RENDERED} if none). */
  public int[] renderedSubnets() {
    synchronized (lock) {
      return canvas(null).rendered().clone();
    }
  }

  /** Patch outputs held in the cache. */
  public int cachedBlocks() {
    synchronized (lock) {
      return cache.size();
    }
  }

  /**
   * Closes the session and hands over its SR image without copying (for one-shot use). Call after
   * the last render completed.
   */
  public RgbImage takeImage() {
    close();
    synchronized (lock) {
      return canvas(null).image();
    }
  }

  /**
   * Cancels any render, stops the threads and waits until none of them is still inside the engine:
   * the caller closes the engine next, and a native inference call running on a closed engine
   * crashes the JVM. Queued batches are dropped; a batch in flight finishes first (an inference
   * call cannot be interrupted). Called from one of the session's own threads (a listener), it does
   * not wait, since that thread would wait for itself.
   */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (active != null) {
        active.cancel();
      }
    }
    coordinator.shutdownNow();
    workers.shutdownNow();
    if (!ownThreads.contains(Thread.currentThread())) {
      Pools.awaitQuietly(coordinator);
      Pools.awaitQuietly(workers);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering (coordinator thread, then worker threads)

  private void run(RenderJob job, Canvas canvas, RenderListener listener) {
    long start = System.nanoTime();
    try {
      if (job.isCancelled()) {
        return;
      }
      Assignment target = job.target();
      int n = grid.size();
      boolean[] todo = new boolean[n];
      List<Integer> restored = new ArrayList<>();
      int unchanged = 0;
      Canvas other;
      synchronized (lock) {
        for (int p = 0; p < n; p++) {
          int s = target.subnetOf(p);
          if (canvas.rendered()[p] == s) {
            unchanged++;
          } else if (cache.contains(p, s)) {
            swapIn(canvas, p, s, cache.take(p, s));
            restored.add(p);
          } else if ((other = canvases.showing(canvas, p, s)) != null) {
            swapIn(canvas, p, s, other.read(grid.patch(p)));
            restored.add(p);
          } else {
            todo[p] = true;
          }
        }
      }
      List<Tile> tiles = TilePlanner.plan(grid, target.subnetMap(), todo, maxSides(), margins());
      RenderQueue queue = new RenderQueue(tiles, this::perCall, scale);
      int total = n - unchanged;
      AtomicInteger done = new AtomicInteger(restored.size());
      if (!restored.isEmpty()) {
        announceRestored(canvas, restored, listener);
        listener.onProgress(done.get(), total);
      }
      double flops = 0;
      for (Tile t : tiles) {
        flops += flopsOf(t);
      }
      double executedFlops = flops;
      int computed = n - unchanged - restored.size();
      int restoredCount = restored.size();
      int finalUnchanged = unchanged;
      if (tiles.isEmpty()) {
        job.finish(stats(computed, restoredCount, finalUnchanged, 0, 0, executedFlops, start));
        return;
      }
      // each worker takes the next batch when it is free, so the focus at that moment decides
      int runners = Math.min(options.workers(), tiles.size());
      AtomicInteger running = new AtomicInteger(runners);
      AtomicInteger calls = new AtomicInteger();
      for (int w = 0; w < runners; w++) {
        workers.execute(
            () -> {
              try {
                List<Tile> batch;
                while (!job.isCancelled() && (batch = queue.next(focus)) != null) {
                  calls.incrementAndGet();
                  runBatch(job, canvas, batch, listener, done, total);
                }
              } catch (RuntimeException | Error e) {
                job.fail(e);
              } finally {
                if (running.decrementAndGet() == 0 && !job.isCancelled()) {
                  job.finish(
                      stats(
                          computed,
                          restoredCount,
                          finalUnchanged,
                          tiles.size(),
                          calls.get(),
                          executedFlops,
                          start));
                }
              }
            });
      }
    } catch (RuntimeException | Error e) {
      job.fail(e);
    }
  }

  private void runBatch(
      RenderJob job,
      Canvas canvas,
      List<Tile> batch,
      RenderListener listener,
      AtomicInteger done,
      int total) {
    List<RgbImage> outputs = executor.run(batch);
    List<RenderUpdate> updates = new ArrayList<>(batch.size());
    synchronized (lock) {
      boolean commit = !job.isCancelled();
      for (int t = 0; t < batch.size(); t++) {
        Tile tile = batch.get(t);
        RgbImage out = outputs.get(t);
        int[] patches = tile.patches(grid);
        for (int p : patches) {
          byte[] block = Canvas.block(out, tile, grid.patch(p), scale);
          if (commit) {
            swapIn(canvas, p, tile.subnet(), block);
          } else if (options.cacheBytes() > 0) {
            cache.put(p, tile.subnet(), block);
          }
        }
        if (commit) {
          updates.add(new RenderUpdate(tile.x() * scale, tile.y() * scale, out, patches));
        }
      }
    }
    if (!updates.isEmpty()) {
      int count = 0;
      for (RenderUpdate u : updates) {
        listener.onUpdate(u);
        count += u.patches().length;
      }
      listener.onProgress(done.addAndGet(count), total);
    }
  }

  /** Puts a patch's block into the canvas, moving what it showed into the cache. Under lock. */
  private void swapIn(Canvas canvas, int p, int subnet, byte[] block) {
    PatchGrid.Patch patch = grid.patch(p);
    int[] rendered = canvas.rendered();
    if (rendered[p] != NOT_RENDERED && options.cacheBytes() > 0) {
      cache.put(p, rendered[p], canvas.read(patch));
    }
    canvas.write(patch, block);
    rendered[p] = subnet;
  }

  private void announceRestored(Canvas canvas, List<Integer> restored, RenderListener listener) {
    boolean[] mask = new boolean[grid.size()];
    restored.forEach(p -> mask[p] = true);
    int[] same = new int[grid.size()];
    int[] sides = new int[manifest.subnets().size() + 1];
    Arrays.fill(sides, 16);
    for (Tile t : TilePlanner.plan(grid, same, mask, sides, new int[sides.length])) {
      listener.onUpdate(
          new RenderUpdate(
              t.x() * scale,
              t.y() * scale,
              regionOf(canvas, t.x() * scale, t.y() * scale, t.w() * scale, t.h() * scale),
              t.patches(grid)));
    }
  }

  /**
   * Tiles per inference call, at most. ONNX Runtime runs a batch of 4 lone 34x34 tiles 5-40% faster
   * per FLOP than one tile per call (the call's fixed cost) and 10-25% faster than 16 per call
   * (`wbsr bench --calls`, all nine wbsr-x2 subnets; README, Performance); larger tiles are single
   * calls anyway. Smaller calls also split the work more evenly over the workers.
   */
  static final int MAX_TILES_PER_CALL = 4;

  /**
   * Tiles of {@code t}'s subnet and shape that one call may take: {@link #MAX_TILES_PER_CALL},
   * fewer when the per-call FLOPs or pixel cap says so, at least one.
   */
  private int perCall(Tile t) {
    int n = MAX_TILES_PER_CALL;
    double f = flopsOf(t);
    if (f > 0) {
      n = (int) Math.min(n, Math.floor(options.maxCallFlops() / f));
    }
    n = (int) Math.min(n, options.maxCallPixels() / t.inputPixels());
    return Math.max(1, n);
  }

  private double flopsOf(Tile t) {
    if (t.subnet() == Assignment.BICUBIC) {
      return 0;
    }
    double perPixel =
        manifest.subnets().get(t.subnet()).flopsPerPatch()
            / ((double) manifest.patchSize() * manifest.patchSize());
    return perPixel * t.inputPixels();
  }

  /** Tile side limit per route (index 0 = bicubic): as large as the per-call FLOPs cap allows. */
  private int[] maxSides() {
    int[] sides = new int[manifest.subnets().size() + 1];
    sides[0] = options.maxTileSide();
    for (int s = 0; s < manifest.subnets().size(); s++) {
      int m = margin(s);
      int side = options.maxTileSide();
      while (side > 1) {
        double px = Math.pow(side * manifest.patchSize() + 2.0 * m, 2);
        if (px * manifest.subnets().get(s).flopsPerPatch() / Math.pow(manifest.patchSize(), 2)
                <= options.maxCallFlops()
            && px <= options.maxCallPixels()) {
          break;
        }
        side--;
      }
      sides[s + 1] = side;
    }
    return sides;
  }

  private int[] margins() {
    int[] m = new int[manifest.subnets().size() + 1];
    m[0] = PipelineOptions.BICUBIC_MARGIN;
    for (int s = 0; s < manifest.subnets().size(); s++) {
      m[s + 1] = margin(s);
    }
    return m;
  }

  /** LR context of subnet s: the option if set, else its receptive field capped. */
  int margin(int s) {
    return options.marginOf(manifest, s);
  }

  private RenderStats stats(
      int computed, int restored, int unchanged, int tiles, int calls, double flops, long start) {
    return new RenderStats(
        grid.size(),
        computed,
        restored,
        unchanged,
        tiles,
        calls,
        flops,
        (System.nanoTime() - start) / 1e9,
        engine.device());
  }

  private ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      ownThreads.add(t);
      return t;
    };
  }
}
