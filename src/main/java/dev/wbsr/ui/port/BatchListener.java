package dev.wbsr.ui.port;

/** Called from the worker after each inference batch has been stitched into the target. */
@FunctionalInterface
public interface BatchListener {
  void onBatch(int donePatches, int totalPatches);

  BatchListener NONE = (d, t) -> {};
}
