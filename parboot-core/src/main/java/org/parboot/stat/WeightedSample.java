package org.parboot.stat;

/**
 * A weighted sample as the weighted order statistics read it: quantiles by NumPy's rule for
 * weights ({@code numpy.quantile(x, p, weights=w, method="inverted_cdf")}: the smallest value
 * whose cumulative weight reaches the share p of the total), and the extremes of the values of
 * positive weight.
 */
public interface WeightedSample {
  /** The p quantile, p in [0, 1]. */
  double quantile(double p);

  /** The smallest value of positive weight. */
  double min();

  /** The largest value of positive weight. */
  double max();
}
