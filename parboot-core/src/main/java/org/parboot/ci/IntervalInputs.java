package org.parboot.ci;

import java.util.List;

/**
 * What an interval method may read besides the bootstrap {@link Distribution}.
 *
 * @param jackknife leave-one-out values of the statistic, one array per sample (one sample for an
 *     ordinary bootstrap; for k samples, array j holds the statistic with row i of sample j left
 *     out and the other samples whole, as SciPy's {@code _bca_interval}); read by {@link IntervalMethod#BCA};
 *     empty when not computed
 * @param replicateSe the standard error of each replicate, {@code se*_b}, in resample order (the
 *     same order as the replicates the distribution was built from); read by
 *     {@link IntervalMethod#STUDENTIZED}; null when not computed
 * @param observedSe the standard error of the observed value that scales the studentized interval;
 *     NaN when not computed
 */
public record IntervalInputs(List<double[]> jackknife, double[] replicateSe, double observedSe) {

  public IntervalInputs {
    jackknife = List.copyOf(jackknife);
  }

  /** Nothing beyond the distribution (percentile, basic, normal). */
  public static IntervalInputs none() {
    return new IntervalInputs(List.of(), null, Double.NaN);
  }

  /** The jackknife values of a one-sample statistic (null: none). */
  public static IntervalInputs ofJackknife(double[] jackknife) {
    return new IntervalInputs(jackknife == null ? List.of() : List.of(jackknife), null, Double.NaN);
  }

  /** These inputs with the studentized method's standard errors. */
  public IntervalInputs withStandardErrors(double[] replicateSe, double observedSe) {
    return new IntervalInputs(jackknife, replicateSe, observedSe);
  }
}
