package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.StatisticResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.spec.StatisticSpec;
import org.parboot.testing.Fixtures;

/**
 * The bootstrap of {@code cv}, {@code sem} and {@code iqr} against {@code scipy.stats.bootstrap}
 * with the same function, on Seattle's temp_max (n = 1461; recorded to a tenth of a degree, so the
 * iqr's distribution is lumpy). The SciPy side (scipy 1.17.1, numpy 2.4.6):
 * <pre>
 * x = Seattle's temp_max from weather.csv
 * for f in [lambda a, axis: stats.variation(a, ddof=1, axis=axis),
 *           lambda a, axis: stats.sem(a, axis=axis),
 *           lambda a, axis: stats.iqr(a, axis=axis)]:
 *     r = stats.bootstrap((x,), f, n_resamples=9999, rng=np.random.default_rng(1), method='percentile')
 *     print(r.standard_error, r.confidence_interval)
 * </pre>
 * Tolerance: a bootstrap standard error from B = 9,999 replicates has a relative Monte Carlo sd of
 * about 1/sqrt(2B) = 0.7% (normal replicates), so two independent runs differ by about 1%: 5% is
 * five sds. A percentile endpoint's Monte Carlo sd is about 0.1 standard errors at B = 9,999; the
 * endpoints must agree within half a standard error.
 */
class DispersionStatisticsBootstrapTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "cv,     0.007407723372648766,  0.4324104985762788, 0.4615147192106135",
      "sem,    0.0029031472943371675, 0.1865864759794404, 0.1979534198752964",
      "iqr,    0.39080802885816923,   10.500000000000002, 12.2"})
  void bootstrap_matchesScipyWithinMonteCarloError(String spec, double se, double low, double high) {
    final List<Statistic> stats = StatisticSpec.parse(spec, List.of("temp_max"));
    final StatisticResult r = Bootstrap.run(Fixtures.dataset("seattle"), stats, BootstrapOptions.builder().seed(1)
        .resamples(9999).intervals(List.of(IntervalMethod.PERCENTILE, IntervalMethod.BCA)).build()).statistics().get(0);
    assertThat(r.standardError()).isCloseTo(se, within(0.05 * se));
    assertThat(r.intervals().get(0).low()).isCloseTo(low, within(0.5 * se));
    assertThat(r.intervals().get(0).high()).isCloseTo(high, within(0.5 * se));
    assertThat(r.intervals().get(1).low()).as("BCa is defined").isNotNaN();
  }
}
