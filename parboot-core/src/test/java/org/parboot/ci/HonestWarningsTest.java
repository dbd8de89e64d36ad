package org.parboot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.MomentStatistic;
import org.parboot.testing.Fixtures;

/**
 * The warnings that say when an interval deserves less trust than its digits: thin tails (an
 * extreme order statistic as an endpoint, fewer than 10 replicates beyond one) and BCa or
 * studentized on a statistic that is not smooth; and none where neither holds.
 */
class HonestWarningsTest {

  private static BootstrapResult run(List<org.parboot.stat.Statistic> stats, int b, double level, IntervalMethod... m) {
    return Bootstrap.run(Fixtures.dataset("skewed"), stats, BootstrapOptions.builder().seed(2).resamples(b)
        .level(level).intervals(m).innerResamples(20).build());
  }

  @Test
  void fewReplicatesBeyondAnEndpoint_warnsWithTheBThatWouldDo() {
    // B = 199 at 95%: 0.025 x 199 = 5 replicates beyond each percentile endpoint; 10 needs B = 400.
    final BootstrapResult r = run(List.of(MomentStatistic.mean("x")), 199, 0.95, IntervalMethod.PERCENTILE,
        IntervalMethod.BASIC);
    assertThat(r.warnings()).containsExactly(
        "mean(x): percentile: only about 5.0 replicates lie beyond an endpoint (of 199); below 10 the endpoint is rough: "
            + "raise the number of resamples (B) to at least 400",
        "mean(x): basic: only about 5.0 replicates lie beyond an endpoint (of 199); below 10 the endpoint is rough: "
            + "raise the number of resamples (B) to at least 400");
  }

  @Test
  void extremeOrderStatisticAsEndpoint_warnsAsR() {
    // 99.9% with B = 999: the 0.0005 quantile sits before the second order statistic.
    final BootstrapResult r = run(List.of(MomentStatistic.mean("x")), 999, 0.999, IntervalMethod.PERCENTILE);
    assertThat(r.warnings()).singleElement().asString()
        .startsWith("mean(x): percentile: extreme order statistics used as endpoints")
        .endsWith("raise the number of resamples (B) to at least 20000");
  }

  @Test
  void bcaOnAnExtreme_warnsThatItIsNotSmooth_percentileDoesNot() {
    final BootstrapResult bca = run(StatisticSpec.parse("max", List.of("x")), 2000, 0.9, IntervalMethod.BCA,
        IntervalMethod.STUDENTIZED, IntervalMethod.PERCENTILE);
    assertThat(bca.warnings()).anyMatch(w -> w.startsWith("max(x): bca and studentized assume a smooth statistic"));
    final BootstrapResult expression = run(StatisticSpec.parse("max - min", List.of("x")), 2000, 0.9, IntervalMethod.BCA);
    assertThat(expression.warnings()).anyMatch(w -> w.startsWith("max - min: bca assume a smooth statistic"));
    final BootstrapResult percentile = run(StatisticSpec.parse("max", List.of("x")), 2000, 0.9, IntervalMethod.PERCENTILE);
    assertThat(percentile.warnings()).noneMatch(w -> w.contains("smooth"));
  }

  @Test
  void enoughReplicatesAndASmoothStatistic_noWarning() {
    // (std of this skewed sample is not: BCa's adjusted level for it reaches 0.0017 at B = 4000.)
    assertThat(run(List.of(MomentStatistic.mean("x")), 4000, 0.95, IntervalMethod.values()).warnings()).isEmpty();
  }
}
