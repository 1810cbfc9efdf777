package dev.wbsr.ui;

import dev.wbsr.engine.ForwardingEngine;
import dev.wbsr.engine.Nchw;
import dev.wbsr.engine.SrEngine;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a test: the app's engine with a count of the work it is given (benchmarks only: how many
 * inference calls, tiles and input pixels a phase costs, which the wall clock of a loaded machine
 * cannot tell).
 */
final class CountingEngine extends ForwardingEngine {

  static final LongAdder CALLS = new LongAdder();
  static final LongAdder TILES = new LongAdder();
  static final LongAdder PIXELS = new LongAdder();

  CountingEngine(SrEngine engine) {
    super(engine);
  }

  @Override
  public Nchw run(int subnet, Nchw input) {
    CALLS.increment();
    TILES.add(input.n());
    PIXELS.add((long) input.n() * input.h() * input.w());
    return delegate.run(subnet, input);
  }
}
