package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.model.ModelBundle;
import dev.wbsr.pipeline.Focus;
import dev.wbsr.pipeline.PatchAnalysis;
import dev.wbsr.pipeline.UpscaleSession;

/**
 * One opened image prepared for one bundle: the LR the session runs on, the ground truth in
 * Evaluate mode (else null), the session with its patch grid, and the {@link Companion} bundle of
 * the other kind at the same scale (null when there is none).
 */
public record Document(
    String name,
    SourceImage loaded,
    WorkMode mode,
    ModelBundle bundle,
    RgbImage lr,
    RgbImage groundTruth,
    UpscaleSession session,
    PatchAnalysis analysis,
    long generation,
    Companion companion) {

  public int outWidth() {
    return lr.width() * scale();
  }

  public int outHeight() {
    return lr.height() * scale();
  }

  /** True when {@code v} comes from the companion bundle (ClassSR beside WBSR, or the reverse). */
  public int scale() {
    return bundle.manifest().scale();
  }

  /** The patch under an output (SR) pixel, or -1 outside the image. */
  public int patchAtOutput(double x, double y) {
    int lx = (int) Math.floor(x / scale());
    int ly = (int) Math.floor(y / scale());
    return lx < 0 || ly < 0 || lx >= lr.width() || ly >= lr.height()
        ? -1
        : analysis.grid().indexAt(lx, ly);
  }

  public boolean foreign(Variant v) {
    return companion != null
        && (Bundles.isClassSr(bundle) ? v == Variant.WBSR : v == Variant.CLASSSR);
  }

  /** The session that produces {@code v}; may open the companion's (engine thread only). */
  UpscaleSession sessionFor(Variant v) throws Exception {
    return foreign(v) ? companion.session() : session;
  }

  /** The session that produces {@code v} if it is open, else null (FX thread). */
  UpscaleSession openSessionFor(Variant v) {
    return foreign(v) ? companion.openedOrNull() : session;
  }

  /**
   * Where the user looks (SR pixels; null for nowhere in particular): this document's renders
   * compute that part first, the companion's too.
   */
  void focus(Focus f) {
    session.focus(f);
    if (companion != null) {
      companion.focus(f);
    }
  }

  void close() {
    session.close();
    if (companion != null) {
      companion.close();
    }
  }
}
