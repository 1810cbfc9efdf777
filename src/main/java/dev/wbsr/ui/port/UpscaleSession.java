package dev.wbsr.ui.port;

import dev.wbsr.image.RgbImage;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * An incremental session for one (LR image, bundle): scores once, routes cheaply, and runs
 * inference only for the (patch, subnet) pairs not in its cache.
 */
public interface UpscaleSession extends AutoCloseable {

  PatchGrid grid();

  /** Pure and cheap (no inference); safe to call from any thread. */
  Routing route(RoutingRequest request);

  /**
   * Runs {@code routing} and stitches the result into {@code target} (output size, may be null
   * to allocate), calling {@code listener} after each batch so a viewer can refresh.
   *
   * @throws CancellationException when {@code cancelled} turned true; target is then partial
   */
  RgbImage run(Routing routing, RgbImage target, BatchListener listener, BooleanSupplier cancelled)
      throws Exception;

  RgbImage input();

  int scale();

  @Override
  void close();
}
