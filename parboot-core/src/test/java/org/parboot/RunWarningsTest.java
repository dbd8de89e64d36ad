package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parboot.batch.GroupJob;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.RunControl;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * The honest warnings about a run as a whole: an iid-type scheme on rows whose lag-1
 * autocorrelation in row order is significant (suggesting the stationary scheme), and the cost of
 * a large nested studentized bootstrap, announced before the run.
 */
class RunWarningsTest {
  private static final List<Statistic> MEAN = List.of(MomentStatistic.mean("x"));

  /** An AR(1) series with coefficient phi, and white noise for phi = 0. */
  private static Dataset ar1(double phi, int n, long seed) {
    final SplittableRandom rnd = new SplittableRandom(seed);
    final double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = (t == 0 ? 0 : phi * x[t - 1]) + rnd.nextGaussian();
    }
    return Dataset.of("x", x);
  }

  @Test
  void lagOne_isTheSampleAutocorrelation() {
    assertThat(RunWarnings.lagOne(new double[] {1, 2, 3, 4})).isCloseTo(0.25, within(1e-15)); // 1.25 / 5
    assertThat(RunWarnings.lagOne(new double[] {1, -1, 1, -1})).isCloseTo(-0.75, within(1e-15));
    assertThat(RunWarnings.lagOne(new double[] {2, 2, 2})).isNaN();
    assertThat(RunWarnings.lagOne(ar1(0.8, 20_000, 1).column("x"))).isCloseTo(0.8, within(0.02));
  }

  @Test
  void iidOnASeries_warnsAndSuggestsStationary() {
    final BootstrapResult r = Bootstrap.run(ar1(0.7, 400, 2), MEAN, BootstrapOptions.builder().seed(1).resamples(200)
        .build());
    assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("x: the lag-1 autocorrelation in row order is 0.")
        .contains("the 1% level for 400 independent rows").contains("--scheme stationary"));
  }

  @Test
  void noWarning_forWhiteNoise_orABlockScheme() {
    // 1% level: white noise warns in about 1 of 100 seeds; this seed's r1 is well inside the bound
    assertThat(Bootstrap.run(ar1(0, 400, 3), MEAN, BootstrapOptions.builder().seed(1).resamples(200).build()).warnings())
        .noneMatch(w -> w.contains("lag-1"));
    assertThat(Bootstrap.run(ar1(0.7, 400, 2), MEAN, BootstrapOptions.builder().seed(1).resamples(200)
        .scheme(new Scheme.Stationary(BlockLength.auto())).build()).warnings()).noneMatch(w -> w.contains("lag-1"));
  }

  @Test
  void comparison_namesTheSampleWhoseRowsLookLikeASeries() {
    final TwoSampleResult r = TwoSampleBootstrap.run(new GroupJob("f", "a", ar1(0.7, 300, 4)),
        new GroupJob("f", "b", ar1(0, 300, 3)), MEAN, BootstrapOptions.builder().seed(1).resamples(200).build(),
        RunControl.create());
    assertThat(r.result().warnings()).anySatisfy(w -> assertThat(w).startsWith("a: x: the lag-1 autocorrelation"));
    assertThat(r.result().warnings()).noneMatch(w -> w.startsWith("b: "));
  }

  @Test
  void nestedStudentized_costIsAnnouncedWhenLarge() {
    final List<Statistic> median = List.of(OrderStatistic.median("x"));
    final BootstrapOptions big = BootstrapOptions.builder().resamples(9999).intervals(IntervalMethod.STUDENTIZED)
        .innerResamples(50).build();
    assertThat(Bootstrap.costWarning(10_000, median, big))
        .isEqualTo("studentized: the nested bootstrap of the statistics without an analytic standard error draws 5.1e+09 "
            + "rows, 51 times the 1.0e+08 of the same run without it (50 inner resamples per resample); fewer inner "
            + "resamples, or percentile and bca, cost a fraction of it");
    assertThat(Bootstrap.costWarning(1_000, median, big)).isNull(); // 5.1e8 draws: quick
    assertThat(Bootstrap.costWarning(10_000, MEAN, big)).isNull(); // the mean has an analytic standard error
    assertThat(Bootstrap.costWarning(10_000, median, big.toBuilder().intervals(IntervalMethod.BCA).build())).isNull();
  }
}
