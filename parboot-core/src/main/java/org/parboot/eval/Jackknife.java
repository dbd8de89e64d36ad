package org.parboot.eval;

import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.SortedSample;

/**
 * The O(n) jackknife of the built-in statistics: leave-one-out values without n evaluations.
 * A moment statistic's sums without row i are the full-data centred sums minus row i's terms; an
 * order statistic reads the sorted data with row i's position left out (prefix sums give range
 * sums). Custom statistics are evaluated on each leave-one-out sample instead
 * ({@link EvaluationPlan#jackknifeRows}).
 */
final class Jackknife {
  private Jackknife() {}

  /**
   * Leave-one-out values of a moment statistic of the centred column {@code x} (and {@code y} for a
   * pair; null otherwise), whose centres are {@code cx} and {@code cy}.
   */
  static double[] moment(MomentStatistic m, double[] x, double cx, double[] y, double cy) {
    final int n = x.length;
    final double[] out = new double[n];
    final double[] sx = plainSums(x);
    if (m.kind().arity() == 1) {
      for (int i = 0; i < n; i++) {
        final double d = x[i];
        final double d2 = d * d;
        out[i] = m.fromSums(n - 1, cx, sx[0] - d, sx[1] - d2, sx[2] - d2 * d, sx[3] - d2 * d2);
      }
      return out;
    }
    final double[] sy = plainSums(y);
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxy += x[i] * y[i];
    }
    for (int i = 0; i < n; i++) {
      final double dx = x[i];
      final double dy = y[i];
      out[i] = m.fromPairSums(n - 1, cx, sx[0] - dx, sx[1] - dx * dx, cy, sy[0] - dy, sy[1] - dy * dy, sxy - dx * dy);
    }
    return out;
  }

  /** The power sums of centred values, in row order. */
  private static double[] plainSums(double[] x) {
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    for (double d : x) {
      final double d2 = d * d;
      s1 += d;
      s2 += d2;
      s3 += d2 * d;
      s4 += d2 * d2;
    }
    return new double[] {s1, s2, s3, s4};
  }

  /** Leave-one-out values of an order statistic of the data sorted as {@code sorted}, row i at {@code rank[i]}. */
  static double[] order(OrderStatistic o, double[] sorted, int[] rank) {
    final int n = sorted.length;
    final double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + sorted[i];
    }
    final LeaveOneOut view = new LeaveOneOut(sorted, prefix);
    final double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      view.left = rank[i];
      out[i] = o.evaluate(view);
    }
    return out;
  }

  /** The sorted data without the value at position {@code left}. */
  private static final class LeaveOneOut implements SortedSample {
    private final double[] sorted;
    private final double[] prefix;
    int left;

    LeaveOneOut(double[] sorted, double[] prefix) {
      this.sorted = sorted;
      this.prefix = prefix;
    }

    @Override
    public int size() {
      return sorted.length - 1;
    }

    @Override
    public double at(int pos) {
      return sorted[pos < left ? pos : pos + 1];
    }

    @Override
    public double sum(int from, int to) {
      final int a = from < left ? from : from + 1;
      final int b = to <= left ? to : to + 1;
      double sum = prefix[b] - prefix[a];
      if (from < left && left < b) {
        sum -= sorted[left];
      }
      return sum;
    }
  }
}
