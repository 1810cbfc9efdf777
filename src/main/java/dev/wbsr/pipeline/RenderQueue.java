package dev.wbsr.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The tiles one render still has to compute, handed to the workers a batch at a time: the tiles
 * that touch the current {@link Focus} first (the part of the image the user looks at), then the
 * rest in planned order. The focus is read at every pick, so moving the viewport during a render
 * re-prioritises what is left. Batches are formed at the pick: the first tile due plus the next due
 * tiles of the same subnet and input shape, up to the per-call limit; without a focus that is the
 * same grouping and order as batching the planned list up front. Thread-safe.
 */
final class RenderQueue {

  private final List<Tile> tiles;
  private final ToIntFunction<Tile> perCall;
  private final int scale;
  private final boolean[] taken;
  private int left;
  private int cursor;
  private Focus focusSeen;
  private int[] focused = new int[0];
  private int focusedCursor;

  /**
   * @param tiles the tiles in planned order
   * @param perCall how many tiles of this one's shape and subnet one inference call may take (at
   *     least 1)
   * @param scale SR pixels per LR pixel (the focus is in SR pixels)
   */
  RenderQueue(List<Tile> tiles, ToIntFunction<Tile> perCall, int scale) {
    this.tiles = List.copyOf(tiles);
    this.perCall = perCall;
    this.scale = scale;
    this.taken = new boolean[tiles.size()];
    this.left = tiles.size();
  }

  /** The next batch (same subnet and input shape), or null when every tile was handed out. */
  synchronized List<Tile> next(Focus focus) {
    if (left == 0) {
      return null;
    }
    if (focus == null) {
      focusSeen = null;
    } else if (!focus.equals(focusSeen)) {
      refocus(focus);
    }
    while (focusSeen != null && focusedCursor < focused.length && taken[focused[focusedCursor]]) {
      focusedCursor++;
    }
    List<Tile> batch = new ArrayList<>();
    if (focusSeen != null && focusedCursor < focused.length) {
      int first = focused[focusedCursor];
      take(first, batch);
      int cap = Math.max(1, perCall.applyAsInt(tiles.get(first)));
      for (int k = focusedCursor + 1; k < focused.length && batch.size() < cap; k++) {
        takeIfSameKind(focused[k], batch);
      }
      return batch;
    }
    while (taken[cursor]) {
      cursor++;
    }
    take(cursor, batch);
    int cap = Math.max(1, perCall.applyAsInt(tiles.get(cursor)));
    for (int i = cursor + 1; i < tiles.size() && batch.size() < cap; i++) {
      takeIfSameKind(i, batch);
    }
    return batch;
  }

  /** Tiles not handed out yet. */
  synchronized int left() {
    return left;
  }

  /** The tiles still due that touch {@code focus}, in planned order. */
  private void refocus(Focus focus) {
    focusSeen = focus;
    int[] in = new int[left];
    int n = 0;
    for (int i = 0; i < tiles.size(); i++) {
      Tile t = tiles.get(i);
      if (!taken[i] && focus.touchesLr(t.x(), t.y(), t.w(), t.h(), scale)) {
        in[n++] = i;
      }
    }
    focused = Arrays.copyOf(in, n);
    focusedCursor = 0;
  }

  private void takeIfSameKind(int i, List<Tile> batch) {
    Tile first = batch.get(0);
    Tile t = tiles.get(i);
    if (!taken[i]
        && t.subnet() == first.subnet()
        && t.inW() == first.inW()
        && t.inH() == first.inH()) {
      take(i, batch);
    }
  }

  private void take(int i, List<Tile> batch) {
    taken[i] = true;
    left--;
    batch.add(tiles.get(i));
  }
}
