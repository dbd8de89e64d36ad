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

  /**
   * Leave-one-out values of a moment statistic of a weighted run: the sums weight each row,
   * {@code sum w d^k}, row i's terms {@code w_i d_i^k} come off, and the size is the weight left,
   * {@code W - w_i}.
   */
  static double[] moment(MomentStatistic m, double[] x, double cx, double[] y, double cy, double[] w) {
    final int n = x.length;
    final double[] out = new double[n];
    double total = 0;
    final double[] sx = new double[4];
    final double[] sy = new double[2];
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      total += w[i];
      double t = w[i];
      for (int k = 0; k < 4; k++) {
        t *= x[i];
        sx[k] += t;
      }
      if (y != null) {
        sy[0] += w[i] * y[i];
        sy[1] += w[i] * y[i] * y[i];
        sxy += w[i] * x[i] * y[i];
      }
    }
    for (int i = 0; i < n; i++) {
      final double wi = w[i];
      final double d = x[i];
      if (y == null) {
        out[i] = m.fromSums(total - wi, cx, sx[0] - wi * d, sx[1] - wi * d * d, sx[2] - wi * d * d * d,
            sx[3] - wi * d * d * d * d);
      } else {
        final double e = y[i];
        out[i] = m.fromPairSums(total - wi, cx, sx[0] - wi * d, sx[1] - wi * d * d, cy, sy[0] - wi * e,
            sy[1] - wi * e * e, sxy - wi * d * e);
      }
    }
    return out;
  }

  /**
   * Leave-one-out values of a weighted order statistic (the data sorted as {@code sorted}, rank r
   * holding row {@code rowOfRank[r]}): each quantile found by bisection on the cumulative weights
   * without row i's, O(log n) per row.
   */
  static double[] order(OrderStatistic o, double[] sorted, int[] rowOfRank, int[] rankOfRow, double[] w) {
    final int n = sorted.length;
    final double[] cum = new double[n]; // weight of ranks 0..r
    double run = 0;
    for (int r = 0; r < n; r++) {
      run += w[rowOfRank[r]];
      cum[r] = run;
    }
    final double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      final int left = rankOfRow[i];
      final double wi = w[i];
      final double total = cum[n - 1] - wi;
      out[i] = o.evaluate(new org.parboot.stat.WeightedSample() {
        @Override
        public double quantile(double p) {
          if (!(total > 0)) {
            return Double.NaN;
          }
          // The first rank other than `left` whose cumulative weight without row i reaches p.
          int lo = 0;
          int hi = n - 1;
          while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            final double c = mid >= left ? cum[mid] - wi : cum[mid];
            if (c / total >= p) {
              hi = mid;
            } else {
              lo = mid + 1;
            }
          }
          int r = lo == left ? lo + 1 : lo;
          if (r >= n) {
            r = left == n - 1 ? n - 2 : n - 1;
          }
          return sorted[r];
        }

        @Override
        public double min() {
          for (int r = 0; r < n; r++) {
            if (r != left && w[rowOfRank[r]] > 0) {
              return sorted[r];
            }
          }
          return Double.NaN;
        }

        @Override
        public double max() {
          for (int r = n - 1; r >= 0; r--) {
            if (r != left && w[rowOfRank[r]] > 0) {
              return sorted[r];
            }
          }
          return Double.NaN;
        }
      });
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
