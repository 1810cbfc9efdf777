package dev.wbsr.pipeline;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SR blocks keyed by (patch, subnet), least recently used evicted first, bounded in bytes. Holds
 * the outputs not currently in the session's image, so that remapping back is a copy. Not
 * thread-safe: the session guards it.
 */
final class PatchCache {

  private final long capacity;
  private final LinkedHashMap<Long, byte[]> blocks = new LinkedHashMap<>(256, 0.75f, true);
  private long used;

  PatchCache(long capacity) {
    this.capacity = capacity;
  }

  private static long key(int patch, int subnet) {
    return ((long) patch << 16) | (subnet + 1);
  }

  byte[] take(int patch, int subnet) {
    byte[] b = blocks.remove(key(patch, subnet));
    if (b != null) {
      used -= b.length;
    }
    return b;
  }

  boolean contains(int patch, int subnet) {
    return blocks.containsKey(key(patch, subnet));
  }

  void put(int patch, int subnet, byte[] block) {
    if (block.length > capacity) {
      return;
    }
    byte[] old = blocks.put(key(patch, subnet), block);
    used += block.length - (old == null ? 0 : old.length);
    Iterator<Map.Entry<Long, byte[]>> it = blocks.entrySet().iterator();
    while (used > capacity && it.hasNext()) {
      used -= it.next().getValue().length;
      it.remove();
    }
  }

  int size() {
    return blocks.size();
  }

  long bytes() {
    return used;
  }
}
