package dev.wbsr.engine;

/**
 * An engine that passes every call to another one; a subclass overrides what it adds (counting,
 * remembering outputs, blocking) and inherits the rest.
 */
public abstract class ForwardingEngine implements SrEngine {

  protected final SrEngine delegate;

  protected ForwardingEngine(SrEngine delegate) {
    this.delegate = delegate;
  }

  @Override
  public int scale() {
    return delegate.scale();
  }

  @Override
  public int subnetCount() {
    return delegate.subnetCount();
  }

  @Override
  public String device() {
    return delegate.device();
  }

  @Override
  public Nchw run(int subnet, Nchw input) {
    return delegate.run(subnet, input);
  }

  @Override
  public float[] classify(Nchw patches) {
    return delegate.classify(patches);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
