package org.parboot.ci;

import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A confidence interval. An endpoint is NaN when the method is undefined for the data (for
 * example BCa when the jackknife values are all equal); the output writes it as null. A one-sided
 * interval has an infinite endpoint ({@link Alternative}).
 *
 * @param method the method
 * @param level the confidence level, in (0, 1)
 * @param low the lower endpoint ({@code -inf} for a {@code less} interval)
 * @param high the upper endpoint ({@code inf} for a {@code greater} interval)
 * @param alternative two-sided, or which side is open
 * @param lowError the Monte Carlo standard error of {@code low} (NaN when not known, or for an
 *     open side): how much it would move with another seed
 * @param highError the Monte Carlo standard error of {@code high}
 * @param pValue the p-value of {@code H0: theta = theta0} by inverting this method's interval of
 *     this alternative ({@link Alternative#pValue}), when a null value was given; else NaN
 */
public record Interval(IntervalMethod method, double level, double low, double high, Alternative alternative,
    double lowError, double highError, double pValue) {

  public Interval {
    Objects.requireNonNull(alternative, "alternative");
  }

  /** An interval without a p-value. */
  public Interval(IntervalMethod method, double level, double low, double high, Alternative alternative,
      double lowError, double highError) {
    this(method, level, low, high, alternative, lowError, highError, Double.NaN);
  }

  /** This interval with the p-value of a null hypothesis. */
  public Interval withPValue(double p) {
    return new Interval(method, level, low, high, alternative, lowError, highError, p);
  }

  /** A two-sided interval, its Monte Carlo errors not known. */
  public Interval(IntervalMethod method, double level, double low, double high) {
    this(method, level, low, high, Alternative.TWO_SIDED, Double.NaN, Double.NaN);
  }

  /** An interval of an alternative, its Monte Carlo errors not known. */
  public Interval(IntervalMethod method, double level, double low, double high, Alternative alternative) {
    this(method, level, low, high, alternative, Double.NaN, Double.NaN);
  }

  /** A two-sided interval with its endpoints' Monte Carlo standard errors. */
  public static Interval of(IntervalMethod method, double level, double low, double high, double lowError,
      double highError) {
    return new Interval(method, level, low, high, Alternative.TWO_SIDED, lowError, highError);
  }

  /** True if both endpoints are numbers (an open side's infinity counts). */
  public boolean defined() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }

  /**
   * How results write it, with {@code number} writing an endpoint: {@code [low, high]},
   * {@code (-inf, high]}, {@code [low, inf)}, or {@code undefined}.
   */
  public String spelling(DoubleFunction<String> number) {
    if (!defined()) {
      return "undefined";
    }
    return (low == Double.NEGATIVE_INFINITY ? "(-inf" : "[" + number.apply(low)) + ", "
        + (high == Double.POSITIVE_INFINITY ? "inf)" : number.apply(high) + "]");
  }
}
