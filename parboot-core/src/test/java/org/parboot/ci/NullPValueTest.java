package org.parboot.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidSettingException;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Fixtures;

/**
 * The bootstrap p-value of {@code H0: theta = theta0} ({@code nullValue}) is the inversion of each
 * method's interval: theta0 at an endpoint of the level-L interval of an alternative has the
 * p-value 1 - L (to the replicates' resolution, 1/B, where the method reads quantiles), for every
 * method and alternative; the p-value falls as theta0 moves away from the estimate.
 */
class NullPValueTest {
  private static final int B = 9999;
  private static final List<Statistic> STATS = List.of(MomentStatistic.std("x", 1));

  private static BootstrapResult run(Alternative side, double level, double theta0) {
    final BootstrapOptions.Builder b = BootstrapOptions.builder().seed(5).resamples(B).innerResamples(25)
        .intervals(IntervalMethod.values()).level(level).alternative(side);
    if (!Double.isNaN(theta0)) {
      b.nullValue(theta0);
    }
    return Bootstrap.run(Fixtures.dataset("skewed"), STATS, b.build());
  }

  private static Interval interval(BootstrapResult r, IntervalMethod m) {
    return r.statistics().get(0).intervals().stream().filter(i -> i.method() == m).findFirst().orElseThrow();
  }

  /** Quantile methods resolve levels to about 1/B (interpolation against counting); normal exactly. */
  private static double tolerance(IntervalMethod m) {
    return m == IntervalMethod.NORMAL ? 1e-9 : 3.0 / B;
  }

  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void pValueAtAnEndpoint_isOneMinusTheLevel_everyAlternative(IntervalMethod m) {
    final double level = 0.9;
    final Interval two = interval(run(Alternative.TWO_SIDED, level, Double.NaN), m);
    assertThat(interval(run(Alternative.TWO_SIDED, level, two.high()), m).pValue()).isCloseTo(0.1, within(2 * tolerance(m)));
    assertThat(interval(run(Alternative.TWO_SIDED, level, two.low()), m).pValue()).isCloseTo(0.1, within(2 * tolerance(m)));
    final Interval less = interval(run(Alternative.LESS, 0.95, Double.NaN), m);
    assertThat(interval(run(Alternative.LESS, 0.95, less.high()), m).pValue()).isCloseTo(0.05, within(tolerance(m)));
    final Interval greater = interval(run(Alternative.GREATER, 0.95, Double.NaN), m);
    assertThat(interval(run(Alternative.GREATER, 0.95, greater.low()), m).pValue()).isCloseTo(0.05, within(tolerance(m)));
  }

  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void pValue_fallsAsTheNullMovesAway_andOneSidedOnesAddUp(IntervalMethod m) {
    final double observed = run(Alternative.TWO_SIDED, 0.95, Double.NaN).statistics().get(0).observed();
    double previous = 1.01;
    for (double shift : new double[] {0.1, 0.2, 0.4, 0.8}) { // the standard error is about 0.07
      final double p = interval(run(Alternative.TWO_SIDED, 0.95, observed + shift), m).pValue();
      assertThat(p).as("shift %s", shift).isLessThan(previous);
      previous = p;
      final double less = interval(run(Alternative.LESS, 0.95, observed + shift), m).pValue();
      final double greater = interval(run(Alternative.GREATER, 0.95, observed + shift), m).pValue();
      assertThat(less + greater).isCloseTo(1, within(1e-12));
      assertThat(p).isCloseTo(Math.min(1, 2 * Math.min(less, greater)), within(1e-12));
      assertThat(less).as("theta0 above the estimate: H1 theta < theta0 is the likelier one").isLessThan(greater);
    }
  }

  @Test
  void withoutANull_intervalsHaveNoPValue() {
    assertThat(run(Alternative.TWO_SIDED, 0.95, Double.NaN).statistics().get(0).intervals())
        .allSatisfy(i -> assertThat(i.pValue()).isNaN());
  }

  @Test
  void infiniteNull_isRefused() {
    assertThatThrownBy(() -> BootstrapOptions.builder().nullValue(Double.POSITIVE_INFINITY))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("nullValue");
  }
}
