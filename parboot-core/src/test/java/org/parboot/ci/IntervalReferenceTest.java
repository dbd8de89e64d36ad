package org.parboot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.eval.EvaluationPlan;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;
import org.parboot.spec.StatisticSpec;
import org.parboot.testing.Fixtures;

/**
 * Interval methods against SciPy 1.17's {@code scipy.stats.bootstrap} (percentile, basic, BCa)
 * and R boot.ci's normal interval, with fixtures written by
 * {@code src/test/resources/reference/make_statistics.py}.
 *
 * <p><b>Exact</b> ({@code replicates.csv}, {@code intervals_exact.csv}): the script draws fixed
 * replicates with NumPy's generator and runs SciPy's own interval code on them:
 *
 * <pre>
 * lo, hi = stats.quantile(reps, [alpha, 1 - alpha])                        # percentile
 * 2 * t0 - hi, 2 * t0 - lo                                                 # basic
 * t0 - (mean(reps) - t0) -/+ std(reps, ddof=1) * ndtri((1 + level) / 2)    # normal (R norm.ci)
 * a1, a2, _ = _resampling._bca_interval(data, statistic, axis=-1, alpha=alpha,
 *                                       theta_hat_b=reps, batch=None, xp=np)
 * stats.quantile(reps, [a1, a2])                                           # BCa
 * </pre>
 *
 * Given the same replicates, parboot's endpoints must agree to 1e-12 of the interval's scale.
 * They are not bit-identical: SciPy 1.17 interpolates with {@code (1 - g) y[j] + g y[j+1]} at
 * {@code j + g = p B + 1 - p}, NumPy's {@code _lerp} (which parboot follows) with
 * {@code y[j] + (y[j+1] - y[j]) g} at {@code j + g = p (B - 1)}; BCa adds Commons Statistics'
 * normal quantile and parboot's O(n) jackknife against SciPy's ndtri and explicit leave-one-out.
 *
 * <p><b>Monte Carlo</b> ({@code intervals_mc.csv}): SciPy's {@code bootstrap(..., n_resamples=9999)}
 * run with 20 seeds gives, per endpoint, the mean and the standard deviation {@code sd} over seeds,
 * that is the Monte Carlo error of one run. parboot's single run (its own streams, a fixed seed, so
 * the test is deterministic) must be within {@code 5 sd sqrt(1 + 1/20)} of SciPy's mean: five
 * standard errors of the difference of one run and a 20-run mean. That is tight enough to catch a
 * wrong alpha, a wrong bias correction or a missing acceleration (each moves an endpoint by many
 * sd) — which the test also checks, by asserting each tolerance is under a quarter of the
 * interval's width.
 */
class IntervalReferenceTest {

  private static final double EXACT_TOLERANCE = 1e-12;

  /** The statistic a fixture spec stands for, one-column specs on the dataset's first column. */
  private static Statistic statistic(Dataset data, String spec) {
    final List<Statistic> s = StatisticSpec.parse(spec, List.of(data.columnNames().get(0)));
    assertThat(s).hasSize(1);
    return s.get(0);
  }

  static Stream<Arguments> exactCases() {
    final Map<String, List<String>> replicates = new java.util.HashMap<>();
    for (List<String> row : Fixtures.rows("replicates.csv")) {
      replicates.put(row.get(0), row);
    }
    return Fixtures.records("intervals_exact.csv").stream().map(row -> Arguments.of(row.get(0),
        IntervalMethod.parse(row.get(1)), Double.parseDouble(row.get(2)), Double.parseDouble(row.get(3)),
        Double.parseDouble(row.get(4)), replicates.get(row.get(0))));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("exactCases")
  void interval_sameReplicatesAsScipy_equalEndpoints(String kase, IntervalMethod method, double level, double low,
      double high, List<String> replicateRow) {
    final Dataset data = Fixtures.dataset(replicateRow.get(1));
    final Statistic stat = statistic(data, replicateRow.get(2));
    final double observed = Double.parseDouble(replicateRow.get(3));
    final Distribution d = new Distribution(Fixtures.doubles(replicateRow, 4), observed);
    final double[] jackknife = new EvaluationPlan(data, List.of(stat)).jackknife()[0];
    final List<String> warnings = new ArrayList<>();

    final Interval ci = method.interval(d, level, jackknife, warnings);

    final double scale = Math.max(Math.abs(low), Math.abs(high));
    assertThat(ci.method()).isEqualTo(method);
    assertThat(ci.level()).isEqualTo(level);
    assertThat(Math.abs(ci.low() - low)).as("low: parboot %s, SciPy %s", ci.low(), low)
        .isLessThanOrEqualTo(EXACT_TOLERANCE * scale);
    assertThat(Math.abs(ci.high() - high)).as("high: parboot %s, SciPy %s", ci.high(), high)
        .isLessThanOrEqualTo(EXACT_TOLERANCE * scale);
    // Only the honest warnings about thin tails (BCa's adjusted levels reach far out on some cases).
    assertThat(warnings).allMatch(w -> w.contains("replicates lie beyond an endpoint")
        || w.contains("extreme order statistics used as endpoints"));
  }

  /** The methods SciPy has (studentized is checked against NumPy in StudentizedReferenceTest). */
  static final IntervalMethod[] SCIPY_METHODS = {IntervalMethod.PERCENTILE, IntervalMethod.BASIC, IntervalMethod.NORMAL,
      IntervalMethod.BCA};

  @Test
  void exactCases_coverEveryScipyMethod() {
    assertThat(Fixtures.records("intervals_exact.csv").stream().map(r -> IntervalMethod.parse(r.get(1))).distinct())
        .containsExactlyInAnyOrder(SCIPY_METHODS);
  }

  private static final Map<String, BootstrapResult> MC_RUNS = new java.util.concurrent.ConcurrentHashMap<>();

  /** One parboot run per Monte Carlo case (B = 9999, every method), shared by that case's rows. */
  private static StatisticResult parbootRun(String dataset, String spec) {
    final BootstrapResult r = MC_RUNS.computeIfAbsent(dataset + "|" + spec, key -> {
      final Dataset data = Fixtures.dataset(dataset);
      return Bootstrap.run(data, List.of(statistic(data, spec)), BootstrapOptions.builder().resamples(9999).seed(2718)
          .executor(ExecutorKind.FORKJOIN).threads(2).intervals(SCIPY_METHODS).build());
    });
    return r.statistics().get(0);
  }

  static Stream<Arguments> monteCarloCases() {
    return Fixtures.records("intervals_mc.csv").stream().map(row -> Arguments.of(row.get(0), row.get(1), row.get(2),
        IntervalMethod.parse(row.get(3)), Double.parseDouble(row.get(4)), Fixtures.doubles(row, 5)));
  }

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("monteCarloCases")
  void interval_b9999_withinMonteCarloErrorOfScipyBootstrap(String kase, String dataset, String spec,
      IntervalMethod method, double level, double[] reference) {
    final double meanLow = reference[0];
    final double meanHigh = reference[1];
    final double runs = reference[4];
    final double tolLow = 5 * reference[2] * Math.sqrt(1 + 1 / runs);
    final double tolHigh = 5 * reference[3] * Math.sqrt(1 + 1 / runs);
    assertThat(Math.max(tolLow, tolHigh)).as("tolerance vs width").isLessThan((meanHigh - meanLow) / 4);

    final Interval ci = parbootRun(dataset, spec).intervals().stream().filter(i -> i.method() == method)
        .findFirst().orElseThrow();

    assertThat(ci.level()).isEqualTo(level);
    assertThat(ci.low()).as("low, SciPy mean %s", meanLow).isBetween(meanLow - tolLow, meanLow + tolLow);
    assertThat(ci.high()).as("high, SciPy mean %s", meanHigh).isBetween(meanHigh - tolHigh, meanHigh + tolHigh);
  }

  @Test
  void monteCarloCases_includePairedCaseAndEveryScipyMethod() {
    final List<List<String>> rows = Fixtures.records("intervals_mc.csv");
    assertThat(rows.stream().map(r -> r.get(0)).distinct()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(rows).anyMatch(r -> r.get(2).startsWith("corr("));
    assertThat(rows.stream().map(r -> IntervalMethod.parse(r.get(3))).distinct())
        .containsExactlyInAnyOrder(SCIPY_METHODS);
  }

  @ParameterizedTest
  @EnumSource(IntervalMethod.class)
  void interval_constantColumn_pointIntervalWithWarning(IntervalMethod method) {
    final Dataset data = Dataset.of("x", 2.5, 2.5, 2.5, 2.5, 2.5, 2.5);
    final BootstrapResult r = Bootstrap.run(data, List.of(OrderStatistic.median("x"), Statistic.custom("first", "x",
        v -> v[0])), BootstrapOptions.builder().resamples(200).seed(1).intervals(method).threads(2).build());
    for (StatisticResult s : r.statistics()) {
      assertThat(s.intervals()).singleElement().satisfies(ci -> {
        assertThat(ci.method()).isEqualTo(method);
        assertThat(ci.low()).isEqualTo(2.5);
        assertThat(ci.high()).isEqualTo(2.5);
      });
      assertThat(s.standardError()).isZero();
    }
    assertThat(r.warnings()).hasSize(2).allMatch(w -> w.contains("degenerate"));
  }

  @Test
  void bca_jackknifeAllEqual_nanEndpointsAndWarning() {
    // Leaving out any one of these values keeps the median at 5, so the acceleration is 0/0;
    // the bootstrap medians still vary, so the distribution is not degenerate.
    final Dataset data = Dataset.of("x", 1, 5, 5, 5, 9);
    final BootstrapResult r = Bootstrap.run(data, List.of(OrderStatistic.median("x")),
        BootstrapOptions.builder().resamples(500).seed(3).intervals(SCIPY_METHODS).threads(1).build());
    final Map<IntervalMethod, Interval> byMethod = new EnumMap<>(IntervalMethod.class);
    r.statistics().get(0).intervals().forEach(i -> byMethod.put(i.method(), i));
    assertThat(byMethod.get(IntervalMethod.BCA).defined()).isFalse();
    assertThat(byMethod.get(IntervalMethod.BCA).low()).isNaN();
    assertThat(byMethod.get(IntervalMethod.BCA).high()).isNaN();
    assertThat(byMethod.get(IntervalMethod.PERCENTILE).defined()).isTrue();
    assertThat(byMethod.get(IntervalMethod.PERCENTILE).low()).isLessThan(byMethod.get(IntervalMethod.PERCENTILE).high());
    assertThat(r.warnings()).singleElement().asString().contains("median(x)", "acceleration is undefined");
  }

  @Test
  void bca_observedBelowEveryReplicate_nanEndpointsAndWarning() {
    final Distribution d = new Distribution(new double[] {1, 2, 3, 4}, 0.5);
    final List<String> warnings = new ArrayList<>();
    final Interval ci = IntervalMethod.BCA.interval(d, 0.95, new double[] {1, 2, 4}, warnings);
    assertThat(ci.low()).isNaN();
    assertThat(ci.high()).isNaN();
    assertThat(warnings).singleElement().asString().contains("below every replicate");
  }

  @Test
  void distribution_nonFiniteReplicates_leftOutAndCounted() {
    final Distribution d = new Distribution(new double[] {3, Double.NaN, 1, Double.POSITIVE_INFINITY, 2}, 2);
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.omitted()).isEqualTo(2);
    assertThat(d.mean()).isEqualTo(2.0);
    assertThat(d.standardError()).isEqualTo(1.0);
    assertThat(d.quantile(0.25)).isEqualTo(1.5);
    assertThat(d.shareBelow(2)).isEqualTo(0.5);
  }

  @Test
  void acceleration_handComputed() {
    // Jackknife {1, 2, 4}: mean 7/3, U = (4/3, 1/3, -5/3), sum U^2 = 14/3, sum U^3 = -20/9.
    assertThat(IntervalMethod.acceleration(new double[] {1, 2, 4}))
        .isCloseTo(-20.0 / 9 / (6 * Math.pow(14.0 / 3, 1.5)), org.assertj.core.api.Assertions.within(1e-15));
    assertThat(IntervalMethod.acceleration(new double[] {3, 3, 3})).isNaN();
  }
}
