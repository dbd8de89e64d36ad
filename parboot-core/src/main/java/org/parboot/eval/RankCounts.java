package org.parboot.eval;

import static org.parboot.rng.ResampleStreams.GOLDEN_GAMMA;
import static org.parboot.rng.ResampleStreams.accepts;
import static org.parboot.rng.ResampleStreams.highWord;
import static org.parboot.rng.ResampleStreams.index;
import static org.parboot.rng.ResampleStreams.lowWord;
import static org.parboot.rng.ResampleStreams.mix64;
import static org.parboot.rng.ResampleStreams.product;

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

  /**
   * {@link #count} of the iid resample drawn from the stream at {@code state}, drawn here
   * instead of into a buffer: the same accepted words as
   * {@link org.parboot.rng.ResampleStreams#fillIndices} (high word, then low word, of each
   * output), so the same counts. Counts do not depend on the order of the increments.
   */
  RankCounts countIid(int[] rankOfRow, long state, int bound, long threshold) {
    final int[] c = cum;
    Arrays.fill(c, 0);
    final long n = bound;
    long st = state;
    int i = 0;
    while (i < bound) {
      final long r = mix64(st += GOLDEN_GAMMA);
      long m = product(highWord(r), n);
      if (accepts(m, threshold)) {
        c[rankOfRow[index(m)]]++;
        if (++i == bound) {
          break;
        }
      }
      m = product(lowWord(r), n);
      if (accepts(m, threshold)) {
        c[rankOfRow[index(m)]]++;
        i++;
      }
    }
    return accumulate(bound);
  }

  /** Counts the ranks of the drawn rows, then accumulates the counts: O(len + n). */
  RankCounts count(int[] rankOfRow, int[] idx, int len) {
    final int[] c = cum;
    Arrays.fill(c, 0);
    for (int i = 0; i < len; i++) {
      c[rankOfRow[idx[i]]]++;
    }
    return accumulate(len);
  }

  /** Turns the counts into cumulative counts of a sample of {@code len}. */
  private RankCounts accumulate(int len) {
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
