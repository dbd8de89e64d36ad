package org.parboot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.StatisticResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.stat.Statistic;

/**
 * The one comparison of a parboot bootstrap with an independent one (SciPy's, or NumPy written
 * out), B = 9,999 on both sides. A bootstrap standard error from B = 9,999 replicates has a
 * relative Monte Carlo sd of about 1/sqrt(2B) = 0.7% (normal replicates), so two independent runs
 * differ by about 1%: 5% is five sds. A percentile endpoint's Monte Carlo sd is about 0.1 standard
 * errors at B = 9,999: the endpoints must agree within half a standard error.
 */
public final class MonteCarlo {
  private MonteCarlo() {}

  /**
   * Runs the statistic's bootstrap (seed 1, B = 9,999, percentile and BCa) and checks it against
   * the reference's standard error and 95% percentile interval; BCa must be defined.
   */
  public static StatisticResult assertMatches(Dataset data, Statistic statistic, double se, double low, double high) {
    final StatisticResult r = Bootstrap.run(data, List.of(statistic), BootstrapOptions.builder().seed(1).resamples(9999)
        .intervals(List.of(IntervalMethod.PERCENTILE, IntervalMethod.BCA)).build()).statistics().get(0);
    assertThat(r.standardError()).as("std error").isCloseTo(se, within(0.05 * se));
    assertThat(r.intervals().get(0).low()).as("percentile low").isCloseTo(low, within(0.5 * se));
    assertThat(r.intervals().get(0).high()).as("percentile high").isCloseTo(high, within(0.5 * se));
    assertThat(r.intervals().get(1).low()).as("BCa is defined").isNotNaN();
    return r;
  }
}
