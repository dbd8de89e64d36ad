package org.parboot;

import java.util.List;
import org.parboot.ci.Interval;
import org.parboot.stat.Statistic;

/**
 * The bootstrap of one statistic.
 *
 * @param statistic the statistic
 * @param observed its value on the full data
 * @param bias mean of the finite replicates minus the observed value (NaN under
 *     {@link org.parboot.ci.NanPolicy#PROPAGATE} when any replicate is not finite; so are the next two)
 * @param standardError standard deviation (ddof = 1) of the finite replicates
 * @param intervals one interval per requested method, in the order asked
 * @param nonFinite how many replicates were NaN or infinite (left out of everything above under the default
 *     {@link org.parboot.ci.NanPolicy#OMIT})
 * @param replicates the bootstrap distribution, in resample order (not copied: do not modify)
 */
public record StatisticResult(Statistic statistic, double observed, double bias, double standardError,
    List<Interval> intervals, int nonFinite, double[] replicates) {

  public StatisticResult {
    intervals = List.copyOf(intervals);
  }

  /** The statistic's label, e.g. {@code std(temp_max, ddof=0)}. */
  public String label() {
    return statistic.label();
  }
}
