package dev.wbsr.ui.model;

import dev.wbsr.image.RgbImage;
import dev.wbsr.ui.port.BundleInfo;
import dev.wbsr.ui.port.LoadedImage;
import dev.wbsr.ui.port.PatchGrid;
import dev.wbsr.ui.port.UpscaleSession;

/**
 * One opened image prepared for one bundle: the LR the session runs on, the ground truth in
 * Evaluate mode (else null), and the session with its patch grid.
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
    long generation) {

  public int outWidth() {
    return lr.width() * bundle.scale();
  }

  public int outHeight() {
    return lr.height() * bundle.scale();
  }
}
