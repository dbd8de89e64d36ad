package org.parboot;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.parboot.ci.Interval;
import org.parboot.stat.Statistic;

/**
 * The bootstrap of one statistic. Immutable: the replicates are held in an array no caller can
 * reach. {@link #replicates()} returns a copy; {@link #replicate(int)} and {@link #resamples()}
 * read them one at a time without copying, which is how output writers and charts should read a
 * large distribution.
 */
public final class StatisticResult {
  private final Statistic statistic;
  private final double observed;
  private final double bias;
  private final double standardError;
  private final List<Interval> intervals;
  private final int nonFinite;
  private final double[] replicates;
  // standardErrorMcError(), once computed; not part of the value (equals, hashCode).
  private volatile Double standardErrorMc;

  /**
   * A result with a copy of {@code replicates}.
   *
   * @param statistic the statistic
   * @param observed its value on the full data
   * @param bias mean of the finite replicates minus the observed value (NaN under
   *     {@link org.parboot.ci.NanPolicy#PROPAGATE} when any replicate is not finite; so is the standard error)
   * @param standardError standard deviation (ddof = 1) of the finite replicates
   * @param intervals one interval per requested method, in the order asked (copied)
   * @param nonFinite how many replicates were NaN or infinite (left out of everything above under the default
   *     {@link org.parboot.ci.NanPolicy#OMIT})
   * @param replicates the bootstrap distribution, in resample order (copied)
   */
  public StatisticResult(Statistic statistic, double observed, double bias, double standardError,
      List<Interval> intervals, int nonFinite, double[] replicates) {
    this(statistic, observed, bias, standardError, intervals, nonFinite, replicates, true);
  }

  private StatisticResult(Statistic statistic, double observed, double bias, double standardError,
      List<Interval> intervals, int nonFinite, double[] replicates, boolean copy) {
    this.statistic = Objects.requireNonNull(statistic, "statistic");
    this.observed = observed;
    this.bias = bias;
    this.standardError = standardError;
    this.intervals = List.copyOf(intervals);
    this.nonFinite = nonFinite;
    this.replicates = copy ? replicates.clone() : Objects.requireNonNull(replicates, "replicates");
  }

  /**
   * The engine's constructor: the result takes {@code replicates} over, without a copy. The caller
   * must hand over an array nothing else writes to or gives out afterwards.
   */
  static StatisticResult owning(Statistic statistic, double observed, double bias, double standardError,
      List<Interval> intervals, int nonFinite, double[] replicates) {
    return new StatisticResult(statistic, observed, bias, standardError, intervals, nonFinite, replicates, false);
  }

  /** The statistic. */
  public Statistic statistic() {
    return statistic;
  }

  /** Its value on the full data. */
  public double observed() {
    return observed;
  }

  /**
   * Mean of the finite replicates minus the observed value (NaN under
   * {@link org.parboot.ci.NanPolicy#PROPAGATE} when any replicate is not finite).
   */
  public double bias() {
    return bias;
  }

  /**
   * Standard deviation (ddof = 1) of the finite replicates (NaN under
   * {@link org.parboot.ci.NanPolicy#PROPAGATE} when any replicate is not finite).
   */
  public double standardError() {
    return standardError;
  }

  /**
   * The Monte Carlo standard error of {@link #standardError()}: how much another seed would move
   * it, {@code se sqrt((k + 2) / (4 B))} with k the replicates' excess kurtosis (Efron and
   * Tibshirani 1993, section 19.3); NaN when the standard error is.
   */
  public double standardErrorMcError() {
    Double e = standardErrorMc;
    if (e == null) { // computed once, when first asked (every output asks per interval row): the same value by any thread
      e = Double.isNaN(standardError) ? Double.NaN : org.parboot.ci.Distribution.standardErrorError(replicates);
      standardErrorMc = e;
    }
    return e;
  }

  /** The Monte Carlo standard error of {@link #bias()}, {@code se / sqrt(B)}; NaN when the bias is. */
  public double biasMcError() {
    return Double.isNaN(bias) || Double.isNaN(standardError) ? Double.NaN
        : standardError / Math.sqrt(replicates.length - nonFinite);
  }

  /** One interval per requested method, in the order asked (unmodifiable). */
  public List<Interval> intervals() {
    return intervals;
  }

  /**
   * How many replicates were NaN or infinite (left out of the bias, standard error and intervals
   * under the default {@link org.parboot.ci.NanPolicy#OMIT}).
   */
  public int nonFinite() {
    return nonFinite;
  }

  /** A copy of the bootstrap distribution, in resample order ({@link #resamples()} values). */
  public double[] replicates() {
    return replicates.clone();
  }

  /**
   * Replicate {@code b} (the statistic on resample b), without copying the distribution.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= b < resamples()}
   */
  public double replicate(int b) {
    return replicates[b];
  }

  /** The number of replicates, B. */
  public int resamples() {
    return replicates.length;
  }

  /** The statistic's label, e.g. {@code std(temp_max, ddof=0)}. */
  public String label() {
    return statistic.label();
  }

  /** Equal statistics, numbers (NaN equal to NaN), intervals and replicates, bit for bit. */
  @Override
  public boolean equals(Object o) {
    return o instanceof StatisticResult r && statistic.equals(r.statistic)
        && Double.compare(observed, r.observed) == 0 && Double.compare(bias, r.bias) == 0
        && Double.compare(standardError, r.standardError) == 0 && intervals.equals(r.intervals)
        && nonFinite == r.nonFinite && Arrays.equals(replicates, r.replicates);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(statistic, observed, bias, standardError, intervals, nonFinite)
        + Arrays.hashCode(replicates);
  }

  /** The summary, with the number of replicates instead of their values. */
  @Override
  public String toString() {
    return "StatisticResult[statistic=" + label() + ", observed=" + observed + ", bias=" + bias + ", standardError="
        + standardError + ", intervals=" + intervals + ", nonFinite=" + nonFinite + ", resamples=" + replicates.length
        + "]";
  }
}
