package org.parboot.ci;

/**
 * The facts about a bootstrap distribution that the interval methods read: the order statistics
 * of the finite replicates, their mean and standard deviation, and the observed value. Safe to
 * share between threads.
 *
 * <p>Replicates that are NaN are left out (and counted); so are infinite ones, whose presence
 * makes the mean and standard deviation meaningless. What a run does about them is its
 * {@link NanPolicy}'s choice, made in {@code Bootstrap}.
 *
 * <p><b>Ties.</b> {@link #shareBelow} counts a replicate within {@link #TIE_ULPS} ulps (at the
 * distribution's scale) of the score as tied with it (half below), not only one exactly equal. A
 * statistic is computed by sums in draw order, so two resamples with the same rows in a different
 * order, or a resample and the full data, can give values that are mathematically equal and
 * differ in their last bits: resamples of x = 0.1, 0.2, 0.3, 0.4, 0.7 whose mean is exactly 0.34,
 * the observed value, come out as 0.34 or 0.33999999999999997. Counted by exact equality, half of
 * such an atom would count as below and move BCa's bias correction. SciPy
 * ({@code _percentile_of_score}) counts exact ties only; the two differ only when replicates lie
 * within those few ulps of the observed value without being equal to it, which for a statistic
 * of continuous data practically never happens.
 */
public final class Distribution {
  /**
   * Replicates within this many ulps of the tie scale of a score count as tied with it in
   * {@link #shareBelow}. The tie scale is the largest magnitude among the score and the middle
   * half of the sorted finite replicates (positions {@code (m - 1) / 4} to
   * {@code m - 1 - (m - 1) / 4} of m), a robust stand-in for the magnitudes the statistic was
   * computed from: for the mean of 1e9 + N(0, 1) data it is about 1e9, whose ulp is the
   * resolution of the means; for a mean near 0 of data of scale 1 it is the spread of the
   * replicates, not the value's own tiny ulp. Measured over the built-in statistics on small data
   * sets with many ties, resamples mathematically tied with the observed value differ from it by
   * at most 3 ulps of that scale for the mean, variance and standard deviation, and at most 8 for
   * the others (kurtosis, mean difference); 8 ulps is at most 1.8e-15 of the scale, far below what
   * separates genuinely different values of a bootstrap distribution. Values computed with
   * cancellation (the skewness or kurtosis of symmetric data, a mean difference much smaller than
   * the means) can scatter ties further; those count by their computed values.
   */
  public static final int TIE_ULPS = 8;

  private final double[] replicates;
  private final int omitted;
  private final double observed;
  private final double mean;
  private final double sd;
  private final double min;
  private final double max;
  // The finite replicates, put in order only as far as asked (Selection): the quantiles an
  // interval reads are a handful of order statistics, found in O(B) where sorting took O(B log B),
  // which at the demo's size was a tenth of a run, and serial.
  private final Selection finite;
  // The largest magnitude of the middle half of the sorted replicates (0 when there are none);
  // NaN until shareBelow first needs it.
  private double middleMagnitude = Double.NaN;

  /**
   * Summarises the replicates of a statistic whose full-data value is {@code observed}. The
   * distribution keeps a copy of them (and of the finite ones, which it puts in order as far as
   * its quantiles need): changing the array afterwards does not change it. The mean and standard
   * deviation sum the finite replicates in resample order.
   */
  public Distribution(double[] replicates, double observed) {
    replicates = replicates.clone();
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
    this.replicates = replicates;
    this.omitted = replicates.length - finite;
    this.observed = observed;
    this.mean = mean(s);
    this.sd = sd(s, mean);
    this.finite = new Selection(s);
    this.min = this.finite.min();
    this.max = this.finite.max();
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
    return s.length == 0 ? Double.NaN : org.parboot.stat.MomentStatistic.refinedMean(s);
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

  /** The replicates as given, in resample order (the distribution's own copy: do not modify). */
  double[] replicates() {
    return replicates;
  }

  /** The smallest finite replicate (in {@link Double#compare} order: -0.0 before 0.0); NaN if none. */
  double min() {
    return min;
  }

  /** The value at 0-based position {@code pos} of the sorted finite replicates. */
  private double sorted(int pos) {
    synchronized (finite) {
      return finite.at(pos);
    }
  }

  /** How many replicates were not finite and were left out. */
  public int omitted() {
    return omitted;
  }

  /** How many finite replicates there are. */
  public int size() {
    return finite.size();
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
    return size() == 0 || min == max;
  }

  /**
   * The q-quantile of the replicates by linear interpolation at position {@code (B - 1) q}, with
   * NumPy's interpolation formula: what {@code numpy.percentile(reps, 100 q)} gives, and what SciPy
   * ({@code scipy.stats.bootstrap}, which uses {@code scipy.stats.quantile} since 1.15) gives to
   * within rounding (IntervalReferenceTest checks 1e-12). The round trip through percent is kept
   * so the last bits agree with NumPy.
   */
  public double quantile(double q) {
    if (size() == 0 || Double.isNaN(q)) {
      return Double.NaN;
    }
    final double p = (q * 100.0) / 100.0;
    final int m = size();
    final double h = (m - 1) * p;
    if (h <= 0) {
      return min;
    }
    if (h >= m - 1) {
      return max;
    }
    final int lo = (int) Math.floor(h);
    return org.parboot.stat.OrderStatistic.lerp(sorted(lo), sorted(lo + 1), h - lo);
  }

  /**
   * The Monte Carlo standard error of {@link #quantile quantile(q)}: the order statistic's
   * {@code sqrt(q (1 - q) / B) / f(x_q)} (Efron and Tibshirani 1993, ch. 19; Davison and Hinkley
   * 1997, section 2.5.2), with the density's reciprocal estimated by the difference quotient of
   * the quantiles one binomial standard deviation either side, {@code (x_{q+h} - x_{q-h}) / (2h)},
   * {@code h = sqrt(q (1 - q) / B)} (Siddiqui, Bloch and Gastwirth's sparsity estimate), the
   * positions kept inside [0, 1]. 0 for a degenerate distribution; NaN with no replicates.
   */
  public double quantileError(double q) {
    final int m = size();
    if (m == 0 || Double.isNaN(q)) {
      return Double.NaN;
    }
    return sparsity(q) * binomialSd(q, m);
  }

  /** The standard deviation of the share of m draws below the q-quantile, at least that of one draw in m. */
  private static double binomialSd(double q, int m) {
    final double p = Math.min(1, Math.max(0, q));
    return Math.sqrt(Math.max(p * (1 - p), 1.0 / m) / m);
  }

  /**
   * The reciprocal of the replicates' density at their q-quantile, {@code dx_q / dq}, by the
   * difference quotient {@link #quantileError} describes; 0 for a degenerate distribution.
   */
  public double sparsity(double q) {
    final int m = size();
    if (m == 0 || Double.isNaN(q)) {
      return Double.NaN;
    }
    if (degenerate()) {
      return 0;
    }
    final double p = Math.min(1, Math.max(0, q));
    final double sd = binomialSd(p, m);
    final double lo = Math.max(0, p - sd);
    final double hi = Math.min(1, p + sd);
    return (quantile(hi) - quantile(lo)) / (hi - lo);
  }

  /**
   * The Monte Carlo standard error of {@link #standardError}: {@code se sqrt((k + 2) / (4 B))}, k
   * the replicates' excess kurtosis (Efron and Tibshirani 1993, section 19.3). NaN with fewer than
   * four replicates.
   */
  public double standardErrorError() {
    return standardErrorError(replicates);
  }

  /**
   * {@link #standardErrorError()} of these replicates (their finite ones), without making a
   * distribution of them: one pass for the mean and standard deviation, as the distribution's, and
   * one for the kurtosis.
   */
  public static double standardErrorError(double[] replicates) {
    int m = 0;
    for (double v : replicates) {
      if (Double.isFinite(v)) {
        m++;
      }
    }
    if (m < 4) {
      return Double.NaN;
    }
    final double[] finite = new double[m];
    int i = 0;
    for (double v : replicates) {
      if (Double.isFinite(v)) {
        finite[i++] = v;
      }
    }
    final double mean = mean(finite);
    final double sd = sd(finite, mean);
    double m2 = 0;
    double m4 = 0;
    for (double v : finite) {
      final double d = v - mean;
      final double d2 = d * d;
      m2 += d2;
      m4 += d2 * d2;
    }
    if (m2 == 0) {
      return 0; // every replicate equal
    }
    m2 /= m;
    m4 /= m;
    final double kurtosis = m4 / (m2 * m2) - 3;
    return sd * Math.sqrt(Math.max(0, kurtosis + 2) / (4.0 * m));
  }

  /** The Monte Carlo standard error of {@link #bias}: {@code se / sqrt(B)}. */
  public double biasError() {
    return size() == 0 ? Double.NaN : sd / Math.sqrt(size());
  }

  /**
   * The share of finite replicates below {@code score}, ties counting half:
   * {@code ((reps < score - tol) + (reps <= score + tol)) / (2 B)} with
   * {@code tol = TIE_ULPS * ulp(max(|score|, middle-half magnitude))} (see {@link #TIE_ULPS}), so a
   * replicate within {@code tol} of the score is a tie. SciPy's {@code _percentile_of_score} is
   * the same with {@code tol = 0}. A score that is not finite gets {@code tol = 0}; NaN when there
   * are no finite replicates.
   */
  public double shareBelow(double score) {
    final double tol = Double.isFinite(score) ? TIE_ULPS * Math.ulp(Math.max(Math.abs(score), middleMagnitude())) : 0;
    final double low = score - tol;
    final double high = score + tol;
    int below = 0;
    int belowOrEqual = 0;
    synchronized (finite) {
      for (double v : finite.values()) {
        below += v < low ? 1 : 0;
        belowOrEqual += v <= high ? 1 : 0;
      }
    }
    return (below + (double) belowOrEqual) / (2.0 * size());
  }

  private double middleMagnitude() {
    synchronized (finite) {
      if (Double.isNaN(middleMagnitude)) {
        final int m = size();
        middleMagnitude = m == 0 ? 0 : Math.max(Math.abs(finite.at((m - 1) / 4)), Math.abs(finite.at(m - 1 - (m - 1) / 4)));
      }
      return middleMagnitude;
    }
  }
}
