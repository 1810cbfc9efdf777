package dev.wbsr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.ForwardingEngine;
import dev.wbsr.engine.Nchw;
import dev.wbsr.image.RgbImage;
import dev.wbsr.model.Manifest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.1: the caller closes the engine right after the session, so a worker still inside the
 * engine when {@link UpscaleSession#close()} returns ran native code on a closed ONNX session and
 * crashed the JVM (SIGSEGV).
 */
class UpscaleSessionCloseTest {

  /** A fake network whose calls block until released, counting calls in flight. */
  private static final class BlockingEngine extends ForwardingEngine {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger inFlight = new AtomicInteger();

    BlockingEngine() {
      super(new FakeEngine(2, 9, 0));
    }

    @Override
    public Nchw run(int subnet, Nchw in) {
      inFlight.incrementAndGet();
      try {
        entered.countDown();
        // Like a native inference call: not interruptible, it runs to its end.
        boolean interrupted = false;
        while (true) {
          try {
            release.await();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return delegate.run(subnet, in);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @Test
  void closeReturnsOnlyWhenNoWorkerIsInsideTheEngine() throws Exception {
    Manifest manifest = SyntheticManifests.nineByTen(2);
    RgbImage lr = RoutingPolicyTest.noiseImage(96, 64, 3);
    BlockingEngine engine = new BlockingEngine();
    UpscaleSession session =
        UpscaleSession.create(lr, manifest, engine, PipelineOptions.batch().withWorkers(2));
    session.render(new RoutingPolicy.Supernet(), RenderListener.NONE);
    assertThat(engine.entered.await(30, TimeUnit.SECONDS)).isTrue();

    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              engine.release.countDown();
            });
    releaser.start();
    session.close();
    int inFlightAtClose = engine.inFlight.get();
    releaser.join();

    assertThat(inFlightAtClose).as("inference calls still running after close()").isZero();
  }

  @Test
  void closeFromAListenerOnASessionThreadDoesNotWaitForItself() throws Exception {
    Manifest manifest = SyntheticManifests.nineByTen(2);
    RgbImage lr = RoutingPolicyTest.noiseImage(96, 64, 3);
    FakeEngine engine = new FakeEngine(2, 9, 0);
    UpscaleSession session =
        UpscaleSession.create(lr, manifest, engine, PipelineOptions.batch().withWorkers(1));
    CountDownLatch closed = new CountDownLatch(1);
    session.render(
        new RoutingPolicy.Supernet(),
        new RenderListener() {
          @Override
          public void onProgress(int done, int total) {
            session.close();
            closed.countDown();
          }
        });
    assertThat(closed.await(60, TimeUnit.SECONDS)).isTrue();
    session.close();
  }
}
