package org.parboot.eval;

import java.util.Arrays;
import org.parboot.stat.SortedSample;

/**
 * A resample of one order column as cumulative counts of drawn ranks: {@code cum[r]} drawn values
 * have rank at most {@code r}. It answers for the sorted resample without building it.
 */
final class RankCounts implements SortedSample {
  private final double[] sorted;
  private final int[] cum;
  private final boolean finite;
  private int size;

  RankCounts(double[] sorted, boolean finite) {
    this.sorted = sorted;
    this.cum = new int[sorted.length];
    this.finite = finite;
  }

  /** Starts a resample: no rank drawn yet. */
  void clear() {
    Arrays.fill(cum, 0);
  }

  /** Counts the ranks of the rows {@code idx[from, from + len)}; the order does not matter. */
  void add(int[] rankOfRow, int[] idx, int from, int len) {
    final int[] c = cum;
    final int end = from + len;
    for (int i = from; i < end; i++) {
      c[rankOfRow[idx[i]]]++;
    }
  }

  /** Turns the counts into cumulative counts of a sample of {@code len}. */
  RankCounts accumulate(int len) {
    final int[] c = cum;
    int run = 0;
    for (int r = 0; r < c.length; r++) {
      run += c[r];
      c[r] = run;
    }
    size = len;
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
    int lo = 0;
    int hi = cum.length - 1;
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
    final int first = rankAt(from);
    final int last = rankAt(to - 1);
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
