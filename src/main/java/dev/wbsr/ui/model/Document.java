package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.LoadedImage;
import dev.wbsr.ui.port.PatchGrid;
import dev.wbsr.ui.port.UpscaleSession;

/**
 * One opened image prepared for one bundle: the LR the session runs on, the ground truth in
 * Evaluate mode (else null), the session with its patch grid, and the {@link Companion} bundle of
 * the other kind at the same scale (null when there is none).
 */
public record Document(
    String name,
    LoadedImage loaded,
    WorkMode mode,
    BundleInfo bundle,
    RgbImage lr,
    RgbImage groundTruth,
    UpscaleSession session,
    PatchGrid grid,
    long generation,
    Companion companion) {

  public int outWidth() {
    return lr.width() * bundle.scale();
  }

  public int outHeight() {
    return lr.height() * bundle.scale();
  }

  /** True when {@code v} comes from the companion bundle (ClassSR beside WBSR, or the reverse). */
  public boolean foreign(Variant v) {
    return companion != null && (bundle.isClassSr() ? v == Variant.WBSR : v == Variant.CLASSSR);
  }

  /** The session that produces {@code v}; may open the companion's (engine thread only). */
  UpscaleSession sessionFor(Variant v) throws Exception {
    return foreign(v) ? companion.session() : session;
  }

  /** The session that produces {@code v} if it is open, else null (FX thread). */
  UpscaleSession openSessionFor(Variant v) {
    return foreign(v) ? companion.openedOrNull() : session;
  }

  void close() {
    session.close();
    if (companion != null) {
      companion.close();
    }
  }
}
