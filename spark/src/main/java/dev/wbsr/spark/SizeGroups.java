package dev.wbsr.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Groups files into tasks of about equal bytes: largest first, each into the lightest group so far
 * (longest-processing-time rule). File size stands in for the work (pixels); large images are
 * spread over the groups rather than left together in one straggling task.
 */
public final class SizeGroups {

  /** Above this many bytes per group a job gets more groups than twice the cluster's cores. */
  static final long TARGET_GROUP_BYTES = 256L << 20;

  private SizeGroups() {}

  /**
   * How many groups: {@code requested} if positive, else twice the parallelism (so a slow group is
   * balanced by the others) or more for big inputs, never more than the files.
   */
  public static int count(List<InputFile> files, int requested, int parallelism) {
    if (files.isEmpty()) {
      return 0;
    }
    if (requested > 0) {
      return Math.min(requested, files.size());
    }
    long total = files.stream().mapToLong(InputFile::bytes).sum();
    long bySize = (total + TARGET_GROUP_BYTES - 1) / TARGET_GROUP_BYTES;
    return (int) Math.min(files.size(), Math.max(2L * Math.max(1, parallelism), bySize));
  }

  /** {@code files} in {@code n} groups; each group is in input order, groups never empty. */
  public static List<List<InputFile>> of(List<InputFile> files, int n) {
    if (files.isEmpty()) {
      return List.of();
    }
    n = Math.max(1, Math.min(n, files.size()));
    List<List<InputFile>> groups = new ArrayList<>();
    long[] bytes = new long[n];
    PriorityQueue<Integer> lightest =
        new PriorityQueue<>(Comparator.<Integer>comparingLong(g -> bytes[g]).thenComparing(g -> g));
    for (int g = 0; g < n; g++) {
      groups.add(new ArrayList<>());
      lightest.add(g);
    }
    List<InputFile> bySize = new ArrayList<>(files);
    bySize.sort(
        Comparator.comparingLong(InputFile::bytes).reversed().thenComparing(InputFile::input));
    for (InputFile f : bySize) {
      int g = lightest.poll();
      groups.get(g).add(f);
      bytes[g] += f.bytes();
      lightest.add(g);
    }
    for (List<InputFile> g : groups) {
      g.sort(Comparator.comparing(InputFile::input));
    }
    return groups;
  }
}
