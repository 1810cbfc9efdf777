package dev.wbsr.report;

import static dev.wbsr.report.ReportRunner.f;

import dev.wbsr.engine.SrEngine;
import dev.wbsr.image.RgbImage;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.model.Manifest;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleSession;
import dev.wbsr.report.ReportData.Sweep;
import dev.wbsr.report.ReportData.SweepPoint;
import dev.wbsr.report.ReportRunner.SweepPointSpec;
import dev.wbsr.report.ReportRunner.SweepSpec;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweeps of one bundle on one set, image by image: every routing of an image runs through one
 * {@link UpscaleSession} with a cache large enough for every (patch, subnet) output, so each output
 * is computed once, as the app's budget slider does. The first routing is the supernet (identical
 * to the one-shot supernet row).
 *
 * <p>Many sweep points give an image the same subnet map (high budgets, extreme etas, the Pareto
 * point again at the end). While the cache has evicted nothing, a patch's output for a subnet is
 * the one block computed for it, so the same map is the same image: its PSNR-Y is taken from the
 * first point with that map instead of rendering and scoring the image again. Skipping that render
 * leaves the set of computed (patch, subnet) outputs as it was, so later points plan the same
 * tiles.
 */
final class SweepRun {

  private final List<SweepSpec> specs;
  private final List<RoutingPolicy> policies = new ArrayList<>();
  private final double[] psnr;
  private final double[] flops;
  private final double[] supernet;
  private int images;
  private int rendered;

  SweepRun(List<SweepSpec> specs) {
    this.specs = List.copyOf(specs);
    policies.add(new RoutingPolicy.Supernet()); // first: identical to the one-shot supernet
    specs.forEach(s -> s.points().forEach(p -> policies.add(p.policy())));
    psnr = new double[policies.size()];
    flops = new double[policies.size()];
    supernet = new double[policies.size()];
  }

  /** One image's PSNR-Y and FLOPs at every routing, and how many routings it rendered. */
  record ImageResult(double[] psnr, double[] flops, double[] supernet, int rendered) {}

  /** Runs every routing on one image and adds its PSNR-Y and FLOPs to the sums. */
  void add(Evaluation.Sample s, Manifest m, SrEngine engine, PipelineOptions pipeline)
      throws InterruptedException {
    add(measure(s, m, engine, pipeline));
  }

  /**
   * Adds one image's numbers to the sums. Images must be added in set order: the sums are the same
   * doubles as a serial run's only in the same order.
   */
  void add(ImageResult r) {
    for (int i = 0; i < psnr.length; i++) {
      psnr[i] += r.psnr[i];
      flops[i] += r.flops[i];
      supernet[i] += r.supernet[i];
    }
    rendered += r.rendered;
    images++;
  }

  /**
   * Runs every routing on one image. Touches no state of this object, so images may be measured on
   * several threads at once (then {@link #add(ImageResult)} them in order).
   */
  ImageResult measure(Evaluation.Sample s, Manifest m, SrEngine engine, PipelineOptions pipeline)
      throws InterruptedException {
    int n = policies.size();
    double[] psnrs = new double[n];
    double[] paper = new double[n];
    double[] full = new double[n];
    int renders = 0;
    long cache = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
    int w = s.lr().width() * m.scale();
    int h = s.lr().height() * m.scale();
    // every block the session can ever hold: one per (patch, subnet or bicubic)
    boolean noEviction = (m.subnets().size() + 1L) * w * h * 3 <= cache;
    Map<ByteBuffer, Double> byMap = new HashMap<>();
    RgbImage image = RgbImage.allocate(w, h);
    double[] hrLuma = ImageQuality.luma(s.hr(), s.scale());
    try (UpscaleSession session =
        UpscaleSession.create(s.lr(), m, engine, pipeline.withCacheBytes(cache))) {
      for (int i = 0; i < n; i++) {
        Assignment a = session.plan(policies.get(i));
        ByteBuffer key = key(a.subnetMap());
        Double known = noEviction ? byMap.get(key) : null;
        if (known != null) {
          psnrs[i] = known;
        } else {
          session.render(a, image, null).await(); // straight into the one image, no copy
          psnrs[i] = ImageQuality.psnrY(image, hrLuma, s.scale());
          renders++;
          byMap.put(key, psnrs[i]);
        }
        paper[i] = a.paperFlops();
        full[i] = a.supernetFlops();
      }
    }
    return new ImageResult(psnrs, paper, full, renders);
  }

  /** Routings rendered so far (points with an earlier point's subnet map are not). */
  int rendered() {
    return rendered;
  }

  /** The sweeps, means over the images added; logs one line per sweep. */
  List<Sweep> finish(Manifest m, String set, PrintWriter log) {
    double perPatch = m.supernetSpec().flopsPerPatch();
    List<Sweep> out = new ArrayList<>();
    int i = 1;
    for (SweepSpec spec : specs) {
      List<SweepPoint> points = new ArrayList<>();
      for (SweepPointSpec p : spec.points()) {
        points.add(
            new SweepPoint(
                p.label(), p.param(), psnr[i] / images, flops[i] / supernet[i] * perPatch / 1e9));
        i++;
      }
      out.add(new Sweep(spec.id(), spec.title(), spec.role(), spec.bundle(), points));
      log.println(
          f(
              "x%d %-12s %-10s %s: %d points",
              m.scale(), set, spec.bundle(), spec.title(), points.size()));
    }
    return out;
  }

  private static ByteBuffer key(int[] map) {
    ByteBuffer b = ByteBuffer.allocate(map.length * 4);
    b.asIntBuffer().put(map);
    return b;
  }
}
