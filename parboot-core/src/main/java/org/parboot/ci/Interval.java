package org.parboot.ci;

/**
 * A confidence interval. An endpoint is NaN when the method is undefined for the data (for
 * example BCa when the jackknife values are all equal); the output writes it as null.
 *
 * @param method the method
 * @param level the confidence level, in (0, 1)
 * @param low the lower endpoint
 * @param high the upper endpoint
 */
public record Interval(IntervalMethod method, double level, double low, double high) {

  /** True if both endpoints are numbers. */
  public boolean defined() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }
}
