package dev.wbsr.report;

import dev.wbsr.engine.ForwardingEngine;
import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An engine that remembers subnet outputs by their exact input, so that the report's sweep of an
 * image does not run again the tiles its one-shot rows ran (issue: report speed). The sweep's first
 * routing (the supernet) plans exactly the tiles of the supernet row, and its Pareto point the
 * non-supernet tiles of the +WBSR row; with this memo those tiles cost a lookup.
 *
 * <p>Exact, not approximate: the key is the subnet and every input float of one batch item, and an
 * ONNX Runtime output of one item does not depend on the other items of its batch (checked on the
 * real bundles, and by {@code InferenceMemoTest} on the tiny fixtures), so a remembered output is
 * the output a new call would give, bit for bit. Timed rows must never read from it: {@link
 * #recording()} remembers without looking up, {@link #replaying()} looks up without remembering.
 * One memo per image: its outputs are forgotten once the image's sweep is done.
 */
final class InferenceMemo extends ForwardingEngine {

  private enum Mode {
    OFF,
    RECORD,
    REPLAY
  }

  private record Key(int subnet, int h, int w, float[] input, int hash) {
    static Key of(int subnet, int h, int w, float[] input) {
      return new Key(subnet, h, w, input, 31 * (31 * subnet + h) + Arrays.hashCode(input));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.hash == hash
          && k.subnet == subnet
          && k.h == h
          && k.w == w
          && Arrays.equals(k.input, input);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final Map<Key, float[]> outputs = new ConcurrentHashMap<>();
  private volatile Mode mode = Mode.OFF;
  private final AtomicLong hits = new AtomicLong();

  InferenceMemo(SrEngine engine) {
    super(engine);
  }

  /** From now on every output is remembered; nothing is looked up (timed runs). */
  void recording() {
    mode = Mode.RECORD;
  }

  /** From now on remembered outputs are reused; nothing new is remembered. */
  void replaying() {
    mode = Mode.REPLAY;
  }

  /** Forgets everything and passes calls straight through. */
  void off() {
    mode = Mode.OFF;
    outputs.clear();
  }

  /** Batch items answered from the memo so far. */
  long hits() {
    return hits.get();
  }

  @Override
  public Nchw run(int subnet, Nchw input) {
    Mode m = mode;
    if (m == Mode.OFF) {
      return delegate.run(subnet, input);
    }
    int n = input.n();
    int item = input.c() * input.h() * input.w();
    Key[] keys = new Key[n];
    float[][] found = new float[n][];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] x = Arrays.copyOfRange(input.data(), i * item, (i + 1) * item);
      keys[i] = Key.of(subnet, input.h(), input.w(), x);
      found[i] = m == Mode.REPLAY ? outputs.get(keys[i]) : null;
      if (found[i] == null) {
        missing.add(i);
      }
    }
    if (missing.size() == n) {
      Nchw out = delegate.run(subnet, input);
      remember(m, keys, out, missing);
      return out;
    }
    hits.addAndGet(n - missing.size());
    Nchw computed = null;
    if (!missing.isEmpty()) {
      float[] batch = new float[missing.size() * item];
      for (int j = 0; j < missing.size(); j++) {
        System.arraycopy(input.data(), missing.get(j) * item, batch, j * item, item);
      }
      computed =
          delegate.run(subnet, new Nchw(batch, missing.size(), input.c(), input.h(), input.w()));
    }
    int oh = input.h() * delegate.scale();
    int ow = input.w() * delegate.scale();
    int outItem = 3 * oh * ow;
    float[] data = new float[n * outItem];
    for (int i = 0; i < n; i++) {
      if (found[i] != null) {
        System.arraycopy(found[i], 0, data, i * outItem, outItem);
      }
    }
    for (int j = 0; j < missing.size(); j++) {
      System.arraycopy(computed.data(), j * outItem, data, missing.get(j) * outItem, outItem);
    }
    return new Nchw(data, n, 3, oh, ow);
  }

  private void remember(Mode m, Key[] keys, Nchw out, List<Integer> items) {
    if (m != Mode.RECORD) {
      return;
    }
    int outItem = out.c() * out.h() * out.w();
    for (int i : items) {
      outputs.put(keys[i], Arrays.copyOfRange(out.data(), i * outItem, (i + 1) * outItem));
    }
  }

  /** Forgets everything; the engine it wraps stays open (its owner closes it). */
  @Override
  public void close() {
    off();
  }
}
