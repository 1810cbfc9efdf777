package dev.wbsr.ui.batch;

import dev.wbsr.image.RgbImage;
import dev.wbsr.job.FrameUpscaler;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.Routing;
import dev.wbsr.ui.port.RoutingMode;
import dev.wbsr.ui.port.RoutingRequest;
import dev.wbsr.ui.port.Services;
import dev.wbsr.ui.port.UpscaleSession;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** The core file job's upscaling step on the app's session port (so tests can fake the engine). */
final class SessionUpscaler implements FrameUpscaler {

  private final Services services;
  private final BundleInfo bundle;
  private final RoutingRequest routing;

  SessionUpscaler(Services services, BundleInfo bundle, RoutingRequest routing) {
    this.services = services;
    this.bundle = bundle;
    this.routing = routing;
  }

  @Override
  public Upscaled upscale(RgbImage lr, DoubleConsumer progress, BooleanSupplier cancelled)
      throws Exception {
    if (routing.mode() == RoutingMode.BICUBIC) {
      return new Upscaled(services.metrics().upscale(lr, bundle.scale()), 0);
    }
    try (UpscaleSession s = services.engine().open(bundle, lr)) {
      Routing r = s.route(routing);
      RgbImage sr = s.run(r, null, (d, t) -> progress.accept(d / (double) Math.max(1, t)), cancelled);
      return new Upscaled(sr, r.ratio());
    }
  }
}
