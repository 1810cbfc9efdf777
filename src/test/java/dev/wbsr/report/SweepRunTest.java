package dev.wbsr.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.engine.TestBundles;
import dev.wbsr.image.ImageLoader;
import dev.wbsr.metrics.ImageQuality;
import dev.wbsr.model.Manifest;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Assignment;
import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.pipeline.RoutingPolicy;
import dev.wbsr.pipeline.UpscaleSession;
import dev.wbsr.pipeline.Upscaler;
import dev.wbsr.report.ReportData.Sweep;
import dev.wbsr.report.ReportData.SweepPoint;
import dev.wbsr.report.ReportRunner.SweepPointSpec;
import dev.wbsr.report.ReportRunner.SweepSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's fast sweep (tiles of the one-shot rows from the memo, one render per distinct subnet
 * map) gives the numbers of the plain sweep (every point rendered through one cached session, every
 * tile computed), bit for bit, on the tiny fixture at the report's margin.
 */
class SweepRunTest {

  @TempDir Path tmp;

  @Test
  void fastSweepEqualsEveryPointRenderedAndComputed() throws Exception {
    ModelBundle bundle = TestBundles.tiny(2);
    Manifest m = bundle.manifest();
    PipelineOptions pipeline = PipelineOptions.batch().withMargin(ReportOptions.MARGIN);
    List<Evaluation.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path f = tmp.resolve("img" + i + ".png");
      ReportFixtures.writePng(f, 150 + 20 * i, 110, i + 7);
      samples.add(Evaluation.Sample.of(f.toString(), new ImageLoader().load(f).rgb(), 2));
    }
    List<SweepPointSpec> points = new ArrayList<>();
    points.add(new SweepPointSpec("pareto", 0, RoutingPolicy.Wbsr.paper()));
    for (double b : new double[] {1.0, 0.95, 0.6, 0.3, 0.1}) {
      points.add(new SweepPointSpec("budget " + b, b, RoutingPolicy.Wbsr.budget(b)));
    }
    for (double eta : new double[] {256, 8, 2, 0.25}) {
      points.add(new SweepPointSpec("eta " + eta, eta, new RoutingPolicy.Arm(eta)));
    }
    for (int s = m.subnets().size() - 1; s >= 0; s--) {
      points.add(new SweepPointSpec("subnet " + s, s, new RoutingPolicy.Subnet(s)));
    }
    points.add(new SweepPointSpec("pareto again", 0, RoutingPolicy.Wbsr.paper()));
    List<SweepSpec> specs = List.of(new SweepSpec("t", "test", Role.WBSR, "tiny", points));

    try (OnnxEngine raw = OnnxEngine.open(bundle, new EngineOptions(DeviceChoice.CPU, 1, 2))) {
      List<Double> expected = plainSweep(samples, m, raw, pipeline, points);

      SweepRun fast = new SweepRun(specs);
      InferenceMemo memo = new InferenceMemo(raw);
      for (Evaluation.Sample s : samples) {
        memo.recording();
        for (RoutingPolicy p : List.of(RoutingPolicy.Wbsr.paper(), new RoutingPolicy.Supernet())) {
          Upscaler.upscale(s.lr(), m, memo, p, pipeline, null);
        }
        memo.replaying();
        fast.add(s, m, memo, pipeline);
        memo.off();
      }
      Sweep sweep = fast.finish(m, "set", new PrintWriter(new StringWriter())).get(0);
      List<SweepPoint> got = sweep.points();
      assertThat(got).hasSize(points.size());
      for (int i = 0; i < points.size(); i++) {
        assertThat(got.get(i).psnrY()).as(points.get(i).label()).isEqualTo(expected.get(i));
      }
      // the fast paths were taken: tiles from the rows, and repeated maps not rendered again
      assertThat(memo.hits()).isPositive();
      assertThat(fast.rendered()).isLessThan(samples.size() * (points.size() + 1));
      // the repeated Pareto point is the first one's: the same map is the same image
      assertThat(got.get(0).psnrY()).isEqualTo(got.get(points.size() - 1).psnrY());

      // the report measures a few images side by side, then adds them in set order
      SweepRun parallel = new SweepRun(specs);
      List<InferenceMemo> memos = new ArrayList<>();
      for (Evaluation.Sample s : samples) {
        InferenceMemo memo1 = new InferenceMemo(raw);
        memo1.recording();
        for (RoutingPolicy p : List.of(RoutingPolicy.Wbsr.paper(), new RoutingPolicy.Supernet())) {
          Upscaler.upscale(s.lr(), m, memo1, p, pipeline, null);
        }
        memo1.replaying();
        memos.add(memo1);
      }
      ExecutorService pool = Executors.newFixedThreadPool(samples.size());
      try {
        List<Future<SweepRun.ImageResult>> results = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
          Evaluation.Sample s = samples.get(i);
          InferenceMemo memo1 = memos.get(i);
          results.add(pool.submit(() -> parallel.measure(s, m, memo1, pipeline)));
        }
        for (Future<SweepRun.ImageResult> r : results) {
          parallel.add(r.get());
        }
      } finally {
        pool.shutdownNow();
      }
      List<SweepPoint> side =
          parallel.finish(m, "set", new PrintWriter(new StringWriter())).get(0).points();
      for (int i = 0; i < points.size(); i++) {
        assertThat(side.get(i).psnrY()).as(points.get(i).label()).isEqualTo(expected.get(i));
        assertThat(side.get(i).gflops()).isEqualTo(got.get(i).gflops());
      }
    }
  }

  /** The sweep as the report ran it before: every point rendered, every tile computed. */
  private static List<Double> plainSweep(
      List<Evaluation.Sample> samples,
      Manifest m,
      OnnxEngine engine,
      PipelineOptions pipeline,
      List<SweepPointSpec> points)
      throws InterruptedException {
    List<RoutingPolicy> policies = new ArrayList<>();
    policies.add(new RoutingPolicy.Supernet());
    points.forEach(p -> policies.add(p.policy()));
    double[] psnr = new double[policies.size()];
    long cache = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
    for (Evaluation.Sample s : samples) {
      try (UpscaleSession session =
          UpscaleSession.create(s.lr(), m, engine, pipeline.withCacheBytes(cache))) {
        for (int i = 0; i < policies.size(); i++) {
          Assignment a = session.plan(policies.get(i));
          session.render(a, null).await();
          psnr[i] += ImageQuality.psnrY(session.image(), s.hr(), s.scale());
        }
      }
    }
    List<Double> out = new ArrayList<>();
    for (int i = 1; i < policies.size(); i++) {
      out.add(psnr[i] / samples.size());
    }
    return out;
  }
}
