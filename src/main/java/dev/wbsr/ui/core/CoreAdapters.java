package dev.wbsr.ui.core;

import dev.wbsr.pipeline.PipelineOptions;
import dev.wbsr.ui.port.Engine;
import dev.wbsr.ui.port.Services;

/** Builds the UI's services on the core. */
public final class CoreAdapters {

  private CoreAdapters() {}

  /** For the app: interactive sessions with the patch cache. */
  public static Services services() {
    return new Services(CoreEngine.interactive(), new CoreImages(), new CoreMetrics());
  }

  /** With a given engine (tests, batch). */
  public static Services services(Engine engine) {
    return new Services(engine, new CoreImages(), new CoreMetrics());
  }

  public static Engine engine(PipelineOptions options) {
    return new CoreEngine(dev.wbsr.engine.DeviceChoice.CPU, options);
  }
}
