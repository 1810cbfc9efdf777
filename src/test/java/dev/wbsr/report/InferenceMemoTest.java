package dev.wbsr.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wbsr.engine.DeviceChoice;
import dev.wbsr.engine.EngineOptions;
import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.OnnxEngine;
import dev.wbsr.engine.SrEngine;
import dev.wbsr.engine.TestBundles;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memo answers exactly what the engine would (real ONNX Runtime, tiny fixture). */
class InferenceMemoTest {

  private static final int SIDE = 40;
  private static final int ITEM = 3 * SIDE * SIDE;

  private static float[] items(long seed, int n) {
    Random r = new Random(seed);
    float[] x = new float[n * ITEM];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextInt(256) / 255f;
    }
    return x;
  }

  private static float[] item(float[] batch, int i) {
    return Arrays.copyOfRange(batch, i * ITEM, (i + 1) * ITEM);
  }

  private static float[] concat(float[]... parts) {
    float[] out = new float[parts.length * ITEM];
    for (int i = 0; i < parts.length; i++) {
      System.arraycopy(parts[i], 0, out, i * ITEM, ITEM);
    }
    return out;
  }

  @Test
  void aBatchOfRememberedAndNewItemsGivesTheEngineOutputBitForBit() {
    try (OnnxEngine raw =
        OnnxEngine.open(TestBundles.tiny(2), new EngineOptions(DeviceChoice.CPU, 1, 2))) {
      InferenceMemo memo = new InferenceMemo(raw);
      int subnet = raw.subnetCount() - 1;
      float[] recorded = items(1, 4);
      memo.recording();
      Nchw first = memo.run(subnet, new Nchw(recorded, 4, 3, SIDE, SIDE));
      assertThat(first.data())
          .isEqualTo(raw.run(subnet, new Nchw(recorded, 4, 3, SIDE, SIDE)).data());

      memo.replaying();
      float[] fresh = items(2, 1);
      // items 2 and 0 of the recorded batch around a new one, in another batch size and order
      float[] mixed = concat(item(recorded, 2), fresh, item(recorded, 0));
      Nchw replayed = memo.run(subnet, new Nchw(mixed, 3, 3, SIDE, SIDE));
      Nchw direct = raw.run(subnet, new Nchw(mixed, 3, 3, SIDE, SIDE));
      assertThat(replayed.n()).isEqualTo(3);
      assertThat(replayed.h()).isEqualTo(2 * SIDE);
      assertThat(replayed.data()).isEqualTo(direct.data());
      assertThat(memo.hits()).isEqualTo(2);

      // another subnet on the same input is not a hit
      memo.run(0, new Nchw(item(recorded, 1), 1, 3, SIDE, SIDE));
      assertThat(memo.hits()).isEqualTo(2);
      memo.off();
    }
  }

  @Test
  void recordingNeverAnswersFromTheMemoAndOffForgets() {
    AtomicInteger calls = new AtomicInteger();
    SrEngine counting =
        new SrEngine() {
          @Override
          public int scale() {
            return 2;
          }

          @Override
          public int subnetCount() {
            return 1;
          }

          @Override
          public String device() {
            return "cpu";
          }

          @Override
          public Nchw run(int subnet, Nchw in) {
            calls.incrementAndGet();
            return new Nchw(new float[in.n() * 3 * 4 * SIDE * SIDE], in.n(), 3, 2 * SIDE, 2 * SIDE);
          }

          @Override
          public void close() {}
        };
    InferenceMemo memo = new InferenceMemo(counting);
    float[] x = items(3, 1);
    memo.recording();
    memo.run(0, new Nchw(x, 1, 3, SIDE, SIDE));
    memo.run(0, new Nchw(x, 1, 3, SIDE, SIDE));
    assertThat(calls.get()).as("timed runs always compute").isEqualTo(2);
    memo.replaying();
    memo.run(0, new Nchw(x, 1, 3, SIDE, SIDE));
    assertThat(calls.get()).isEqualTo(2);
    memo.off();
    memo.replaying();
    memo.run(0, new Nchw(x, 1, 3, SIDE, SIDE));
    assertThat(calls.get()).as("off() forgot the output").isEqualTo(3);
    assertThat(memo.hits()).isEqualTo(1);
  }
}
