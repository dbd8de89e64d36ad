package org.parboot.ci;

import java.util.BitSet;

/**
 * Order statistics of an array of finite values, found by putting it in order only as far as
 * asked: {@link #at}(k) is what {@code sorted[k]} would be, in {@link Double#compare} order
 * (-0.0 before 0.0). Each question partitions only the stretch between the nearest positions
 * already settled (quickselect with a median-of-three pivot and a three-way partition, so ties
 * cost nothing), so the few quantiles an interval reads cost O(n) together, not a sort.
 *
 * <p>Not thread-safe: {@link Distribution} guards it.
 */
final class Selection {
  private final double[] v;
  // Positions whose value is settled: everything before is at most it, everything after at least.
  private final BitSet settled;

  /** Takes {@code values} (finite; the selection's own array from now on: it reorders it). */
  Selection(double[] values) {
    this.v = values;
    this.settled = new BitSet(values.length);
  }

  int size() {
    return v.length;
  }

  /** The values, in the order the selections so far left them (read only). */
  double[] values() {
    return v;
  }

  /** True if a comes before b in {@link Double#compare} order (both finite). */
  static boolean before(double a, double b) {
    return a < b || (a == b && Double.doubleToRawLongBits(a) < Double.doubleToRawLongBits(b));
  }

  /** The value at position k of the sorted values. */
  double at(int k) {
    if (k < 0 || k >= v.length) {
      throw new IndexOutOfBoundsException("position " + k + " of " + v.length + " values");
    }
    if (settled.get(k)) {
      return v[k];
    }
    int lo = settled.previousSetBit(k) + 1;
    int hi = settled.nextSetBit(k);
    hi = (hi < 0 ? v.length : hi) - 1;
    while (lo < hi) {
      final double pivot = medianOfThree(v[lo], v[(lo + hi) >>> 1], v[hi]);
      // Three-way partition of [lo, hi]: [lo, lt) before the pivot, [lt, gt] equal to it (bit for
      // bit), (gt, hi] after it.
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        final double x = v[i];
        if (before(x, pivot)) {
          v[i++] = v[lt];
          v[lt++] = x;
        } else if (before(pivot, x)) {
          v[i] = v[gt];
          v[gt--] = x;
        } else {
          i++;
        }
      }
      settled.set(lt, gt + 1);
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return v[k];
      }
    }
    settled.set(k);
    return v[k];
  }

  private static double medianOfThree(double a, double b, double c) {
    if (before(b, a)) {
      final double t = a;
      a = b;
      b = t;
    }
    if (before(c, b)) {
      b = before(c, a) ? a : c;
    }
    return b;
  }
}
