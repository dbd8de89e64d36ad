package org.parboot.ci;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What an interval method may read besides the bootstrap {@link Distribution}. Immutable: the
 * arrays are copied in, and the accessors return copies.
 */
public final class IntervalInputs {
  private static final IntervalInputs NONE = new IntervalInputs(List.of(), null, Double.NaN);

  private final List<double[]> jackknife;
  private final double acceleration;
  private final double[] replicateSe;
  private final double observedSe;

  /**
   * The inputs, copied.
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
  public IntervalInputs(List<double[]> jackknife, double[] replicateSe, double observedSe) {
    this(jackknife.stream().map(double[]::clone).toList(), Double.NaN, replicateSe, observedSe);
  }

  private IntervalInputs(List<double[]> jackknife, double acceleration, double[] replicateSe, double observedSe) {
    this.jackknife = jackknife;
    this.acceleration = acceleration;
    this.replicateSe = replicateSe == null ? null : replicateSe.clone();
    this.observedSe = observedSe;
  }

  /**
   * BCa's acceleration computed elsewhere, for an engine that cannot hold n jackknife values (the
   * Spark module sums the leave-one-out deviations over the cluster); NaN: undefined. BCa reads
   * it when no jackknife values are given.
   */
  public static IntervalInputs ofAcceleration(double acceleration) {
    return new IntervalInputs(List.of(), acceleration, null, Double.NaN);
  }

  /** Nothing beyond the distribution (percentile, basic, normal). */
  public static IntervalInputs none() {
    return NONE;
  }

  /** The jackknife values of a one-sample statistic (null: none). */
  public static IntervalInputs ofJackknife(double[] jackknife) {
    return jackknife == null ? NONE : new IntervalInputs(List.of(jackknife), null, Double.NaN);
  }

  /** These inputs with the studentized method's standard errors. */
  public IntervalInputs withStandardErrors(double[] replicateSe, double observedSe) {
    return new IntervalInputs(jackknife, acceleration, replicateSe, observedSe);
  }

  /**
   * BCa's acceleration: computed from the jackknife values when there are some
   * ({@link IntervalMethod#acceleration(double[])} for one sample, SciPy's multi-sample formula for
   * several), else the one given to {@link #ofAcceleration}; NaN when undefined.
   */
  public double acceleration() {
    if (jackknife.isEmpty()) {
      return acceleration;
    }
    return jackknife.size() == 1 ? IntervalMethod.acceleration(jackknife.get(0)) : IntervalMethod.acceleration(jackknife);
  }

  /** Copies of the leave-one-out values, one array per sample; empty when not computed. */
  public List<double[]> jackknife() {
    return jackknife.stream().map(double[]::clone).toList();
  }

  /** A copy of the per-replicate standard errors {@code se*_b}, in resample order; null when not computed. */
  public double[] replicateSe() {
    return replicateSe == null ? null : replicateSe.clone();
  }

  /** The standard error of the observed value for the studentized interval; NaN when not computed. */
  public double observedSe() {
    return observedSe;
  }

  /** The per-replicate standard errors, not copied, for the interval methods (do not modify); may be null. */
  double[] replicateSeValues() {
    return replicateSe;
  }

  /** Equal values, array by array (NaN equal to NaN). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IntervalInputs in) || jackknife.size() != in.jackknife.size()
        || !Arrays.equals(replicateSe, in.replicateSe) || Double.compare(observedSe, in.observedSe) != 0
        || Double.compare(acceleration, in.acceleration) != 0) {
      return false;
    }
    for (int j = 0; j < jackknife.size(); j++) {
      if (!Arrays.equals(jackknife.get(j), in.jackknife.get(j))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(observedSe, acceleration) * 31 + Arrays.hashCode(replicateSe);
    for (double[] j : jackknife) {
      h = 31 * h + Arrays.hashCode(j);
    }
    return h;
  }

  /** The sizes of the inputs, not their values. */
  @Override
  public String toString() {
    return "IntervalInputs[jackknife sizes=" + jackknife.stream().map(j -> j.length).toList()
        + (jackknife.isEmpty() && !Double.isNaN(acceleration) ? ", acceleration=" + acceleration : "") + ", replicateSe="
        + (replicateSe == null ? "none" : replicateSe.length + " values") + ", observedSe=" + observedSe + "]";
  }
}
