package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Focus;
import dev.wbsr.pipeline.UpscaleSession;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The other kind of bundle at the same scale, for comparisons: a ClassSR bundle beside a WBSR
 * document (the "ClassSR" compare choice and chart point), or a WBSR bundle beside a ClassSR
 * document (the "WBSR" choice). Its session on the document's LR opens on first use, on the engine
 * thread, and closes with the document.
 */
public final class Companion implements AutoCloseable {

  private final ModelBundle bundle;
  private final StudioCore core;
  private final RgbImage lr;
  private UpscaleSession session;
  private boolean closed;
  // read without the lock, which is held for as long as a session takes to open
  private volatile UpscaleSession opened;
  private volatile Focus focus;

  Companion(ModelBundle bundle, StudioCore core, RgbImage lr) {
    this.bundle = bundle;
    this.core = core;
    this.lr = lr;
  }

  /**
   * The companion of a document on {@code main}: for a WBSR bundle the first ClassSR bundle of the
   * same scale; for a ClassSR bundle the WBSR bundle named {@code preferred} if it has the scale,
   * else the first WBSR bundle of the scale. Null when there is none.
   */
  static ModelBundle pick(ModelBundle main, List<ModelBundle> bundles, String preferred) {
    if (main == null) {
      return null;
    }
    List<ModelBundle> other =
        bundles.stream()
            .filter(
                b ->
                    Bundles.scale(b) == Bundles.scale(main)
                        && Bundles.isClassSr(b) != Bundles.isClassSr(main)
                        && !b.dir().equals(main.dir()))
            .toList();
    return other.stream()
        .filter(b -> b.name().equals(preferred))
        .findFirst()
        .or(() -> other.stream().findFirst())
        .orElse(null);
  }

  public ModelBundle bundle() {
    return bundle;
  }

  /** Opens the session if needed (blocking: call on the engine thread). */
  synchronized UpscaleSession session() throws Exception {
    if (closed) {
      throw new CancellationException("document closed");
    }
    if (session == null) {
      session = core.open(bundle, lr);
      opened = session;
      session.focus(focus);
    }
    return session;
  }

  /** The session when it is open, else null (cheap: for routing on the FX thread). */
  synchronized UpscaleSession openedOrNull() {
    return closed ? null : session;
  }

  /** Where the user looks, for the session now or when it opens (any thread, never blocks). */
  void focus(Focus f) {
    focus = f;
    UpscaleSession s = opened;
    if (s != null) {
      s.focus(f);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    opened = null;
    if (session != null) {
      session.close();
      session = null;
    }
  }
}
