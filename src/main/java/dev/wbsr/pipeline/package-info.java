/**
 * The WBSR patch pipeline: LR image -> 32x32 patch grid -> score and class per patch -> subnet per
 * patch (a routing policy) -> tiled, batched inference on a worker pool -> stitched SR image.
 *
 * <h2>Using it from an app: {@link dev.wbsr.pipeline.UpscaleSession}</h2>
 *
 * <pre>{@code
 * SrEngine engine = OnnxEngine.open(bundle, EngineOptions.defaults(DeviceChoice.AUTO)); // per bundle, reuse
 * UpscaleSession session = UpscaleSession.create(lr, bundle.manifest(), engine, PipelineOptions.interactive());
 * PatchAnalysis a = session.analysis();          // (a) scores + classes, computed once: class map, hover info
 *
 * Assignment plan = session.plan(RoutingPolicy.Wbsr.budget(0.6));   // (b) immediate, no inference:
 * plan.classTable();  plan.subnetMap();  plan.paperFlops() / plan.supernetFlops();  plan.patchesPerSubnet();
 *
 * RenderJob job = session.render(plan, new RenderListener() {        // (c) background, changed patches only
 *   public void onUpdate(RenderUpdate u) { ... paint u.pixels() at (u.x(), u.y()) ... }  // pipeline thread!
 *   public void onProgress(int done, int total) { ... }
 * });
 * job.cancel();                                   // (d) returns at once; or just render() again
 * job.completion().thenAccept(stats -> ...);     // RenderStats: computed / restored / executed FLOPs / time
 * session.image();                               // snapshot of the SR image as it is now
 * session.render(plan, view, listener);          // or straight into the caller's own image (the app's
 *                                                // view): the pixels exist once
 * session.close();                               // the engine stays open
 * }</pre>
 *
 * <ul>
 *   <li><b>Scores once:</b> {@link dev.wbsr.pipeline.PatchAnalysis} is computed at {@code create}.
 *   <li><b>Plan before inference:</b> {@link dev.wbsr.pipeline.UpscaleSession#plan} is pure and
 *       takes microseconds to milliseconds, so a slider can call it on every move.
 *   <li><b>Incremental:</b> {@code render} leaves patches alone that already show their target
 *       subnet, copies back the ones the (patch, subnet) cache holds, and computes only the rest,
 *       announcing each batch through {@link dev.wbsr.pipeline.RenderListener} (on a pipeline
 *       thread; hop to the UI thread yourself).
 *   <li><b>Visible part first:</b> {@link dev.wbsr.pipeline.UpscaleSession#focus} names the part of
 *       the SR image on screen; renders compute the tiles touching it first, and a new focus during
 *       a render re-prioritises what is left ({@code RenderQueue}).
 *   <li><b>Cancellable:</b> {@link dev.wbsr.pipeline.RenderJob#cancel()} returns at once; queued
 *       batches are dropped and the batch in flight (bounded by {@link
 *       dev.wbsr.pipeline.PipelineOptions#maxCallFlops()}) only fills the cache. A new {@code
 *       render} cancels the previous one, so a slider can simply call render on every change.
 *   <li><b>Thread-safe, one writer:</b> all methods may be called from any thread; renders are
 *       serialised (the newest wins); the image is consistent with {@link
 *       dev.wbsr.pipeline.UpscaleSession#renderedSubnets()} at every moment.
 * </ul>
 *
 * <p>One-shot use (CLI, eval, bench) is {@link dev.wbsr.pipeline.Upscaler#upscale}, which returns
 * an {@link dev.wbsr.pipeline.UpscaleResult} with the image, the maps, the per-patch table and the
 * FLOPs in both conventions.
 *
 * <h2>Stitching</h2>
 *
 * Tiles are rectangles of same-subnet patches (up to 8 a side; {@code TilePlanner} picks them
 * greedily so that the margins waste the fewest pixels), each run with {@code margin} LR pixels of
 * context (default {@value dev.wbsr.pipeline.PipelineOptions#DEFAULT_MARGIN}, chosen by
 * measurement, see there); at the image border the window is shifted inward, so the network pads
 * exactly as it does on the whole image. Only the tile's core is kept. No JavaFX here.
 */
package dev.wbsr.pipeline;
