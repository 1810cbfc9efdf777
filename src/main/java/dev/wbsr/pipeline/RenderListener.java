package dev.wbsr.pipeline;

/**
 * Hears how a render progresses. Called on pipeline threads, never on a UI thread: hop over (e.g.
 * {@code Platform.runLater}) before touching UI state. Calls for one render never overlap.
 */
public interface RenderListener {

  RenderListener NONE = new RenderListener() {};

  /**
   * A region of the SR image changed: computed patches of one batch, or patches taken from the
   * cache.
   */
  default void onUpdate(RenderUpdate update) {}

  /** Patches done (computed or restored) out of the patches this render changes. */
  default void onProgress(int done, int total) {}

  /** A listener that hears concurrent workers' batches one at a time. */
  static RenderListener serialized(RenderListener l) {
    return new RenderListener() {
      @Override
      public synchronized void onUpdate(RenderUpdate update) {
        l.onUpdate(update);
      }

      @Override
      public synchronized void onProgress(int done, int total) {
        l.onProgress(done, total);
      }
    };
  }
}
