package org.parboot.ci;

import java.util.Arrays;

/**
 * The facts about a bootstrap distribution that the interval methods read: the sorted finite
 * replicates, their mean and standard deviation, and the observed value.
 *
 * <p>Replicates that are NaN are left out (and counted); so are infinite ones, whose presence
 * makes the mean and standard deviation meaningless. What a run does about them is its
 * {@link NanPolicy}'s choice, made in {@code Bootstrap}.
 */
public final class Distribution {
  private final double[] replicates;
  private final double[] sorted;
  private final int omitted;
  private final double observed;
  private final double mean;
  private final double sd;

  /** Summarises the replicates (not modified) of a statistic whose full-data value is {@code observed}. */
  public Distribution(double[] replicates, double observed) {
    int finite = 0;
    for (double v : replicates) {
      if (Double.isFinite(v)) {
        finite++;
      }
    }
    final double[] s = new double[finite];
    int i = 0;
    for (double v : replicates) {
      if (Double.isFinite(v)) {
        s[i++] = v;
      }
    }
    Arrays.sort(s);
    this.replicates = replicates;
    this.sorted = s;
    this.omitted = replicates.length - finite;
    this.observed = observed;
    this.mean = mean(s);
    this.sd = sd(s, mean);
  }

  /** The index of the first replicate that is NaN or infinite, or -1 if all are finite. */
  public static int firstNonFinite(double[] replicates) {
    for (int i = 0; i < replicates.length; i++) {
      if (!Double.isFinite(replicates[i])) {
        return i;
      }
    }
    return -1;
  }

  private static double mean(double[] s) {
    if (s.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : s) {
      sum += v;
    }
    final double m = sum / s.length;
    double r = 0;
    for (double v : s) {
      r += v - m;
    }
    return m + r / s.length;
  }

  private static double sd(double[] s, double mean) {
    if (s.length < 2) {
      return Double.NaN;
    }
    double ss = 0;
    for (double v : s) {
      final double d = v - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / (s.length - 1));
  }

  /** The replicates as given, in resample order (not copied; do not modify). */
  double[] replicates() {
    return replicates;
  }

  /** The sorted finite replicates (do not modify). */
  double[] sorted() {
    return sorted;
  }

  /** How many replicates were not finite and were left out. */
  public int omitted() {
    return omitted;
  }

  /** How many finite replicates there are. */
  public int size() {
    return sorted.length;
  }

  /** The statistic on the full data. */
  public double observed() {
    return observed;
  }

  /** The mean of the finite replicates. */
  public double mean() {
    return mean;
  }

  /** The bootstrap bias estimate: mean of the replicates minus the observed value. */
  public double bias() {
    return mean - observed;
  }

  /** The bootstrap standard error: standard deviation (ddof = 1) of the finite replicates. */
  public double standardError() {
    return sd;
  }

  /** True when every finite replicate has the same value (or there are none). */
  public boolean degenerate() {
    return sorted.length == 0 || sorted[0] == sorted[sorted.length - 1];
  }

  /**
   * The q-quantile of the replicates by linear interpolation at position {@code (B - 1) q}, with
   * NumPy's interpolation formula: what {@code numpy.percentile(reps, 100 q)} gives, and what SciPy
   * ({@code scipy.stats.bootstrap}, which uses {@code scipy.stats.quantile} since 1.15) gives to
   * within rounding (IntervalReferenceTest checks 1e-12). The round trip through percent is kept
   * so the last bits agree with NumPy.
   */
  public double quantile(double q) {
    if (sorted.length == 0 || Double.isNaN(q)) {
      return Double.NaN;
    }
    final double p = (q * 100.0) / 100.0;
    final int m = sorted.length;
    final double h = (m - 1) * p;
    if (h <= 0) {
      return sorted[0];
    }
    if (h >= m - 1) {
      return sorted[m - 1];
    }
    final int lo = (int) Math.floor(h);
    return org.parboot.stat.OrderStatistic.lerp(sorted[lo], sorted[lo + 1], h - lo);
  }

  /**
   * The share of replicates below {@code score}, ties counting half: SciPy's
   * {@code _percentile_of_score}, {@code ((reps < score) + (reps <= score)) / (2 B)}.
   */
  public double shareBelow(double score) {
    final int below = lowerBound(sorted, score);
    final int belowOrEqual = upperBound(sorted, score);
    return (below + (double) belowOrEqual) / (2.0 * sorted.length);
  }

  private static int lowerBound(double[] a, double key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      final int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      final int mid = (lo + hi) >>> 1;
      if (a[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
