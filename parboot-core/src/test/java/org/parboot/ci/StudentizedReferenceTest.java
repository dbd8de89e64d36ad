package org.parboot.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.data.Dataset;
import org.parboot.stat.MomentStatistic;
import org.parboot.eval.StandardErrors;
import org.parboot.testing.Fixtures;

/**
 * The studentized (bootstrap-t) interval, with fixtures written by
 * {@code src/test/resources/reference/make_groups.py}; SciPy has no bootstrap-t, so the
 * reference is an independent NumPy implementation:
 *
 * <pre>
 * # exact formula, on fixed replicates and fixed se* (studentized_inputs.csv)
 * t = (reps - t0) / se
 * low, high = t0 - se0 * np.quantile(t, 0.975), t0 - se0 * np.quantile(t, 0.025)
 *
 * # Monte Carlo: bootstrap-t of the mean of Seattle temp_max, analytic se, B = 9999, 10 seeds
 * idx = np.random.default_rng(seed).integers(0, n, (9999, n)); x = sea[idx]
 * tb = (x.mean(axis=1) - m0) / (x.std(ddof=1, axis=1) / np.sqrt(n))
 * low, high = m0 - s0 * np.quantile(tb, 0.975), m0 - s0 * np.quantile(tb, 0.025)   # s0 = sea.std(ddof=1) / sqrt(n)
 * </pre>
 */
class StudentizedReferenceTest {

  @Test
  void formula_matchesNumpyOnFixedInputs() {
    final List<List<String>> inputs = Fixtures.rows("studentized_inputs.csv");
    final double[] reps = Fixtures.doubles(inputs.get(0), 2);
    final double[] se = Fixtures.doubles(inputs.get(1), 2);
    final double[] ref = Fixtures.doubles(Fixtures.records("studentized_exact.csv").get(0), 1);
    final Interval ci = IntervalMethod.STUDENTIZED.interval(new Distribution(reps, ref[0]), ref[2],
        IntervalInputs.none().withStandardErrors(se, ref[1]), new ArrayList<>());
    assertThat(ci.low()).isCloseTo(ref[3], offset(1e-12));
    assertThat(ci.high()).isCloseTo(ref[4], offset(1e-12));
  }

  @Test
  void mean_withinMonteCarloErrorOfNumpy() {
    final List<String> row = Fixtures.rows("groups_data.csv").get(0);
    final Dataset sea = Dataset.builder("seattle").column("temp_max", Fixtures.doubles(row, 2)).build();
    final BootstrapResult r = Bootstrap.run(sea, List.of(MomentStatistic.mean("temp_max")), BootstrapOptions.builder()
        .resamples(9999).seed(99).threads(2).intervals(IntervalMethod.STUDENTIZED).build());
    final double[] ref = Fixtures.doubles(Fixtures.records("studentized_mc.csv").get(0), 1);
    final double runs = ref[5];
    final Interval ci = r.statistics().get(0).intervals().get(0);
    assertThat(ci.low()).isCloseTo(ref[1], offset(5 * ref[3] * Math.sqrt(1 + 1 / runs)));
    assertThat(ci.high()).isCloseTo(ref[2], offset(5 * ref[4] * Math.sqrt(1 + 1 / runs)));
    assertThat(r.warnings()).allMatch(w -> w.contains("lag-1 autocorrelation")); // Seattle's days are a series
  }

  @Test
  void analyticStandardErrors_agreeWithTheBootstrapStandardError() {
    // The delta-method se of var and std, and s/sqrt(n) of the mean, estimate the same thing as
    // the bootstrap standard error: on n = 1461 they agree within a few per cent.
    final List<String> row = Fixtures.rows("groups_data.csv").get(0);
    final Dataset sea = Dataset.builder("seattle").column("x", Fixtures.doubles(row, 2)).build();
    final int n = sea.rows();
    final int[] all = java.util.stream.IntStream.range(0, n).toArray();
    for (MomentStatistic s : List.of(MomentStatistic.mean("x"), MomentStatistic.var("x", 1), MomentStatistic.std("x", 0))) {
      final double analytic = StandardErrors.analytic(s, sea, all, n);
      final double boot = Bootstrap.run(sea, List.of(s), BootstrapOptions.builder().resamples(4000).seed(3)
          .intervals(IntervalMethod.PERCENTILE).build()).statistics().get(0).standardError();
      assertThat(analytic).as(s.label()).isCloseTo(boot, offset(0.06 * boot));
    }
  }

  @Test
  void nested_medianHasFiniteIntervalAroundObserved() {
    final Dataset data = Dataset.of("x", 3.1, 4.7, 2.2, 5.9, 4.4, 3.8, 2.7, 6.1, 4.0, 3.3, 5.2, 4.9);
    final BootstrapResult r = Bootstrap.run(data, List.of(org.parboot.stat.OrderStatistic.quantile("x", 0.3)),
        BootstrapOptions.builder().resamples(400).seed(8).innerResamples(20).intervals(IntervalMethod.STUDENTIZED).build());
    final Interval ci = r.statistics().get(0).intervals().get(0);
    assertThat(ci.defined()).isTrue();
    assertThat(ci.low()).isLessThan(r.statistics().get(0).observed());
    assertThat(ci.high()).isGreaterThan(r.statistics().get(0).observed());
  }

  @Test
  void innerState_isPureAndDistinctFromOuterStreams() {
    assertThat(org.parboot.rng.Seeds.inner(1, 2, 3)).isEqualTo(org.parboot.rng.Seeds.inner(1, 2, 3));
    assertThat(org.parboot.rng.Seeds.inner(1, 2, 3)).isNotEqualTo(org.parboot.rng.Seeds.inner(1, 3, 2));
    assertThat(org.parboot.rng.Seeds.inner(1, 0, 0)).isNotEqualTo(org.parboot.rng.ResampleStreams.streamState(1, 0));
  }
}
