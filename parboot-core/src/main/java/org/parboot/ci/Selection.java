package org.parboot.ci;

import java.util.Arrays;

/**
 * Order statistics of an array of finite values, found by putting it in order only as far as
 * asked: {@link #at}(k) is what {@code sorted[k]} would be, in {@link Double#compare} order (-0.0
 * before 0.0).
 *
 * <p>On the first question the values are distributed into about m / 4 buckets by linear
 * interpolation between the smallest and the largest (a counting sort by bucket: two passes);
 * bucket order is value order, because the bucket of a value is a non-decreasing function of it.
 * A question then sorts only the bucket its position falls in, once. The few quantiles an interval
 * reads cost O(m) together instead of a sort's O(m log m): for a bootstrap distribution, which is
 * smooth, a bucket holds a handful of values. Heavy ties or a few far outliers crowd the values
 * into few buckets, and that costs at most the sort it replaces.
 *
 * <p>Not thread-safe: {@link Distribution} guards it.
 */
final class Selection {
  private double[] v;
  private final double min;
  private final double max;
  private int[] start; // bucket b holds positions [start[b], start[b + 1]); null until the first question
  private boolean[] sorted;

  /** Takes {@code values} (finite; the selection's own array from now on: it reorders it). */
  Selection(double[] values) {
    this.v = values;
    double lo = Double.NaN;
    double hi = Double.NaN;
    for (double x : values) {
      if (Double.isNaN(lo) || before(x, lo)) {
        lo = x;
      }
      if (Double.isNaN(hi) || before(hi, x)) {
        hi = x;
      }
    }
    this.min = lo;
    this.max = hi;
  }

  int size() {
    return v.length;
  }

  /** The smallest value in {@link Double#compare} order (NaN if there are none). */
  double min() {
    return min;
  }

  /** The largest value in {@link Double#compare} order (NaN if there are none). */
  double max() {
    return max;
  }

  /** The values, in some order (read only). */
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
    if (start == null) {
      distribute();
    }
    int lo = 0;
    int hi = sorted.length - 1;
    while (lo < hi) { // the last bucket b with start[b] <= k
      final int mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= k) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    if (!sorted[lo]) {
      Arrays.sort(v, start[lo], start[lo + 1]);
      sorted[lo] = true;
    }
    return v[k];
  }

  /** The counting sort by bucket. */
  private void distribute() {
    final int m = v.length;
    final int buckets = Math.max(1, m / 4);
    double scale = buckets / (max - min);
    if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
      scale = 0; // every value the same (or a range too wide for a double): one bucket
    }
    final int[] of = new int[m];
    final int[] count = new int[buckets + 1];
    for (int i = 0; i < m; i++) {
      final int b = bucket(v[i], scale, buckets);
      of[i] = b;
      count[b + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      count[b + 1] += count[b];
    }
    start = count.clone();
    final double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      out[count[of[i]]++] = v[i];
    }
    v = out;
    sorted = new boolean[buckets];
  }

  private int bucket(double x, double scale, int buckets) {
    if (scale == 0) {
      return 0;
    }
    final double t = (x - min) * scale; // at least 0: x is at least min, and so is the rounded difference
    return t >= buckets ? buckets - 1 : (int) t;
  }
}
