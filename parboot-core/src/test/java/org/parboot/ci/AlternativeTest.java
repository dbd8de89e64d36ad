package org.parboot.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidSettingException;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Fixtures;

/**
 * One-sided intervals ({@code alternative}, SciPy's meaning): for every method, a {@code less}
 * interval at 95% is (-inf, the 90% two-sided interval's upper endpoint] and a {@code greater} one
 * [its lower endpoint, inf), bit for bit on the same replicates; and against
 * {@code scipy.stats.bootstrap(alternative=...)} within Monte Carlo error.
 */
class AlternativeTest {
  private static final List<Statistic> STATS = List.of(MomentStatistic.std("x", 1), OrderStatistic.median("x"));

  private static BootstrapResult run(Alternative side, double level) {
    return Bootstrap.run(Fixtures.dataset("skewed"), STATS, BootstrapOptions.builder().seed(3).resamples(999)
        .innerResamples(20).intervals(IntervalMethod.values()).level(level).alternative(side).build());
  }

  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void oneSided_isTheTwoSidedEndpointAtTwiceTheDistance_everyMethod(IntervalMethod method) {
    // 2 x 0.95 - 1 is 0.8999999999999999 in doubles: the level whose alpha, (1 - level) / 2, is
    // exactly SciPy's one-sided alpha, 1 - 0.95.
    final BootstrapResult two = run(Alternative.TWO_SIDED, Alternative.LESS.twoSidedLevel(0.95));
    final BootstrapResult less = run(Alternative.LESS, 0.95);
    final BootstrapResult greater = run(Alternative.GREATER, 0.95);
    final int m = List.of(IntervalMethod.values()).indexOf(method);
    for (int s = 0; s < STATS.size(); s++) {
      final Interval t = two.statistics().get(s).intervals().get(m);
      final Interval l = less.statistics().get(s).intervals().get(m);
      final Interval g = greater.statistics().get(s).intervals().get(m);
      assertThat(l).isEqualTo(new Interval(method, 0.95, Double.NEGATIVE_INFINITY, t.high(), Alternative.LESS,
          Double.NaN, t.highError()));
      assertThat(g).isEqualTo(new Interval(method, 0.95, t.low(), Double.POSITIVE_INFINITY, Alternative.GREATER,
          t.lowError(), Double.NaN));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', value = {
      // scipy 1.17.1: stats.bootstrap((x,), lambda a, axis: np.std(a, ddof=1, axis=axis), n_resamples=9999,
      //   rng=np.random.default_rng(1), method=METHOD, alternative=ALT), x the skewed sample of datasets.csv
      "less; percentile; 0.30139836687450045; 2.389716641556365",
      "less; basic; 0.30139836687450045; 2.4588754991885677",
      "less; bca; 0.30139836687450045; 2.602730496140674",
      "greater; percentile; 0.30139836687450045; 1.3937700046866284",
      "greater; basic; 0.30139836687450045; 1.4629288623188312",
      "greater; bca; 0.30139836687450045; 1.5298320268683376"})
  void oneSided_matchesScipyWithinMonteCarloError(String alternative, String method, double se, double bound) {
    final Alternative side = Alternative.parse(alternative);
    final Interval i = Bootstrap.run(Fixtures.dataset("skewed"), List.of(MomentStatistic.std("x", 1)),
        BootstrapOptions.builder().seed(1).resamples(9999).intervals(IntervalMethod.parse(method)).alternative(side)
            .build()).statistics().get(0).intervals().get(0);
    // An endpoint's Monte Carlo sd is about 0.1 standard errors at B = 9,999 (testing.MonteCarlo).
    if (side == Alternative.LESS) {
      assertThat(i.low()).isEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(i.high()).isCloseTo(bound, within(0.5 * se));
    } else {
      assertThat(i.high()).isEqualTo(Double.POSITIVE_INFINITY);
      assertThat(i.low()).isCloseTo(bound, within(0.5 * se));
    }
    assertThat(i.spelling(Double::toString)).matches(side == Alternative.LESS ? "\\(-inf, [0-9.]+\\]" : "\\[[0-9.]+, inf\\)");
  }

  @Test
  void oneSided_needsALevelAboveAHalf_andParsesItsSpellings() {
    assertThatThrownBy(() -> BootstrapOptions.builder().level(0.5).alternative(Alternative.GREATER).build())
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("level 0.5 is too low for a one-sided interval");
    assertThat(Alternative.parse(" Two-Sided ")).isEqualTo(Alternative.TWO_SIDED);
    assertThatThrownBy(() -> Alternative.parse("both")).isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("accepted: two-sided, less, greater");
  }
}
