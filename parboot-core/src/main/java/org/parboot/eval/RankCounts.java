package org.parboot.eval;

import org.parboot.stat.SortedSample;

/**
 * A resample of one order column, read through its row counts: the sorted resample without
 * building it. The cumulative count of drawn values up to each rank ({@code cum[r]} values have
 * rank at most r) is built in rank order as far as the positions asked for need, so a median
 * scans half the ranks and nothing is sorted, selected or expanded per resample.
 */
final class RankCounts implements SortedSample {
  private final double[] sorted;
  private final int[] rowOfRank;
  private final boolean finite;
  private final int[] cum;
  private int[] counts;
  private int built;
  private int size;

  RankCounts(double[] sorted, int[] rowOfRank, boolean finite) {
    this.sorted = sorted;
    this.rowOfRank = rowOfRank;
    this.finite = finite;
    this.cum = new int[sorted.length];
  }

  /** Reads the resample whose row counts are {@code counts} (of {@code size} draws in all). */
  RankCounts of(int[] counts, int size) {
    this.counts = counts;
    this.size = size;
    this.built = 0;
    return this;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public double at(int pos) {
    return sorted[rankAt(pos)];
  }

  /** The rank of the value at position {@code pos}: the first r with {@code cum[r] > pos}. */
  private int rankAt(int pos) {
    if (pos < 0 || pos >= size) {
      throw new IndexOutOfBoundsException("position " + pos + " of a resample of " + size);
    }
    int run = built == 0 ? 0 : cum[built - 1];
    if (run <= pos) {
      final int[] c = counts;
      final int[] rows = rowOfRank;
      int r = built;
      do {
        run += c[rows[r]];
        cum[r++] = run;
      } while (run <= pos);
      built = r;
      return r - 1;
    }
    int lo = 0;
    int hi = built - 1;
    while (lo < hi) {
      final int mid = (lo + hi) >>> 1;
      if (cum[mid] > pos) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  @Override
  public double sum(int from, int to) {
    if (from >= to) {
      return 0;
    }
    final int last = rankAt(to - 1);
    final int first = rankAt(from);
    if (first == last) {
      return (to - from) * sorted[first];
    }
    double s = (cum[first] - from) * sorted[first];
    for (int r = first + 1; r < last; r++) {
      final int c = cum[r] - cum[r - 1];
      // 0 * value is 0 for finite data, so only a column with infinities needs the test.
      if (finite || c != 0) {
        s += c * sorted[r];
      }
    }
    return s + (to - cum[last - 1]) * sorted[last];
  }
}
