package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.batch.BatchResult;
import org.parboot.batch.GroupJob;
import org.parboot.batch.GroupedBootstrap;
import org.parboot.ci.Distribution;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.eval.EvaluationPlan;
import org.parboot.spec.StatisticSpec;
import org.parboot.testing.Fixtures;

/**
 * Two-sample comparison against SciPy 1.17, with fixtures written by
 * {@code src/test/resources/reference/make_groups.py}.
 *
 * <p><b>Exact</b> ({@code two_sample_exact.csv}): on fixed replicates, SciPy's own multi-sample BCa,
 * <pre>
 * g = lambda a, b, axis=-1: stat(a, axis=axis) - stat(b, axis=axis)
 * a1, a2, a_hat = _resampling._bca_interval((a, b), g, axis=-1, alpha=0.025, theta_hat_b=reps, batch=None, xp=np)
 * low, high = stats.quantile(reps, [a1, a2])
 * </pre>
 * must match parboot's acceleration (from the two O(n) jackknives) and BCa endpoints to 1e-12.
 *
 * <p><b>Monte Carlo</b> ({@code two_sample_mc.csv}): {@code stats.bootstrap((seattle, newyork), g,
 * n_resamples=9999)} over 10 seeds gives each endpoint's mean and sd; parboot's one run must be
 * within {@code 5 sd sqrt(1 + 1/10)} (or 1e-9 where SciPy's endpoint never varies, as for medians
 * of data with one decimal).
 */
class TwoSampleReferenceTest {
  private static final double EXACT = 1e-12;

  private static Dataset sample(String name) {
    final List<String> row = Fixtures.rows("groups_data.csv").stream().filter(r -> r.get(0).equals(name)).findFirst()
        .orElseThrow();
    return Dataset.builder(name).column(row.get(1), Fixtures.doubles(row, 2)).build();
  }

  static Stream<Arguments> exactCases() {
    return Fixtures.records("two_sample_exact.csv").stream().map(r -> Arguments.of(r.get(0), r.get(1),
        Fixtures.doubles(r, 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactCases")
  void bca_twoSamples_matchesScipyOnFixedReplicates(String name, String spec, double[] expected) {
    final Dataset a = sample("small_a");
    final Dataset b = sample("small_b");
    final var stat = StatisticSpec.parse(spec, List.of("x"));
    final EvaluationPlan pa = new EvaluationPlan(a, stat);
    final EvaluationPlan pb = new EvaluationPlan(b, stat);
    final double obsA = pa.observed()[0];
    final double obsB = pb.observed()[0];
    final double[] ja = pa.jackknife()[0];
    final double[] jb = pb.jackknife()[0];
    final double[] thetaA = new double[ja.length];
    final double[] thetaB = new double[jb.length];
    for (int i = 0; i < ja.length; i++) {
      thetaA[i] = ja[i] - obsB;
    }
    for (int i = 0; i < jb.length; i++) {
      thetaB[i] = obsA - jb[i];
    }
    final double observed = expected[0];
    assertThat(obsA - obsB).isCloseTo(observed, org.assertj.core.data.Offset.offset(1e-12));
    final double aHat = IntervalMethod.acceleration(List.of(thetaA, thetaB));
    assertThat(aHat).as("a_hat").isCloseTo(expected[1], org.assertj.core.data.Offset.offset(1e-9 * Math.abs(expected[1]) + 1e-15));

    final List<String> reps = Fixtures.rows("two_sample_replicates.csv").stream().filter(r -> r.get(0).equals(name))
        .findFirst().orElseThrow();
    final Distribution d = new Distribution(Fixtures.doubles(reps, 1), obsA - obsB);
    final List<String> warnings = new ArrayList<>();
    final Interval ci = IntervalMethod.BCA.interval(d, expected[2],
        new IntervalInputs(List.of(thetaA, thetaB), null, Double.NaN), warnings);
    final double scale = Math.max(1, expected[4] - expected[3]);
    assertThat(Math.abs(ci.low() - expected[3])).as("low %s vs %s", ci.low(), expected[3]).isLessThanOrEqualTo(EXACT * scale);
    assertThat(Math.abs(ci.high() - expected[4])).as("high %s vs %s", ci.high(), expected[4]).isLessThanOrEqualTo(EXACT * scale);
  }

  private static TwoSampleResult cities(String spec, ExecutorKind executor, IntervalMethod... methods) {
    return TwoSampleBootstrap.run(new GroupJob("weather.csv", "Seattle", sample("seattle")),
        new GroupJob("weather.csv", "New York", sample("newyork")), StatisticSpec.parse(spec, List.of("temp_max")),
        BootstrapOptions.builder().resamples(9999).seed(2026).executor(executor).threads(2).intervals(methods).build());
  }

  static Stream<Arguments> monteCarloCases() {
    return Fixtures.records("two_sample_mc.csv").stream().map(r -> Arguments.of(r.get(0), r.get(1),
        IntervalMethod.parse(r.get(2)), Fixtures.doubles(r, 3)));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("monteCarloCases")
  void cities_withinMonteCarloErrorOfScipy(String name, String spec, IntervalMethod method, double[] ref) {
    final Interval ci = cities(spec, ExecutorKind.FORKJOIN, method).result().statistics().get(0).intervals().get(0);
    final double runs = ref[5];
    final double tolLow = Math.max(1e-9, 5 * ref[3] * Math.sqrt(1 + 1 / runs));
    final double tolHigh = Math.max(1e-9, 5 * ref[4] * Math.sqrt(1 + 1 / runs));
    assertThat(Math.max(tolLow, tolHigh)).as("tolerance vs width").isLessThan((ref[2] - ref[1]) / 4);
    assertThat(ci.low()).as("low, SciPy mean %s", ref[1]).isBetween(ref[1] - tolLow, ref[1] + tolLow);
    assertThat(ci.high()).as("high, SciPy mean %s", ref[2]).isBetween(ref[2] - tolHigh, ref[2] + tolHigh);
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void replicates_areTheGroupRunsSubtracted_onEveryExecutor(ExecutorKind executor) {
    final GroupJob sea = new GroupJob("weather.csv", "Seattle", sample("small_a"));
    final GroupJob ny = new GroupJob("weather.csv", "New York", sample("small_b"));
    final BootstrapOptions options = BootstrapOptions.builder().resamples(500).seed(5).executor(executor).threads(3)
        .intervals(IntervalMethod.all()).innerResamples(10).build();
    final var stats = StatisticSpec.parse("median", List.of("x"));
    final TwoSampleResult diff = TwoSampleBootstrap.run(sea, ny, stats, options);
    final BatchResult groups = GroupedBootstrap.run(List.of(sea, ny), stats, options);
    final double[] a = groups.groups().get(0).result().statistics().get(0).replicates();
    final double[] b = groups.groups().get(1).result().statistics().get(0).replicates();
    final double[] expected = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      expected[i] = a[i] - b[i];
    }
    assertThat(diff.result().statistics().get(0).replicates()).isEqualTo(expected);
    assertThat(diff.firstSeed()).isEqualTo(groups.groups().get(0).seed());
    final TwoSampleResult serial = TwoSampleBootstrap.run(sea, ny, stats, options.toBuilder()
        .executor(ExecutorKind.SERIAL).build());
    assertThat(diff.result().statistics().get(0).intervals()).isEqualTo(serial.result().statistics().get(0).intervals());
  }

  @Test
  void sameGroupTwice_refused() {
    final GroupJob sea = new GroupJob("weather.csv", "Seattle", sample("small_a"));
    assertThatThrownBy(() -> TwoSampleBootstrap.run(sea, sea, StatisticSpec.parse("mean", List.of("x")),
        BootstrapOptions.builder().build())).isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
  }

  @Test
  void strata_refusedRatherThanIgnored() {
    final GroupJob a = new GroupJob("weather.csv", "A", sample("small_a"));
    final GroupJob b = new GroupJob("weather.csv", "B", sample("small_a"));
    assertThatThrownBy(() -> TwoSampleBootstrap.run(a, b, StatisticSpec.parse("mean", List.of("x")),
        BootstrapOptions.builder().scheme(new org.parboot.scheme.Scheme.Iid("g")).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("with strata does not apply to a comparison")
        .hasMessageContaining("accepted");
  }
}
