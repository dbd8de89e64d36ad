package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parboot.testing.Fixtures.relativeDifference;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.data.Dataset;
import org.parboot.eval.EvaluationPlan;
import org.parboot.spec.StatisticSpec;
import org.parboot.testing.Fixtures;

/**
 * Every built-in statistic against NumPy 2.4 / SciPy 1.17 on four datasets: Seattle's daily
 * temp_max (and temp_min for the paired statistics; n = 1461), a skewed lognormal sample (n = 60),
 * a tiny sample with a tie (n = 5), and the numerically hard {@code 1e9 + N(0, 1)} (n = 1000).
 *
 * <p>The expected values are in {@code src/test/resources/reference/statistics.csv}, written by
 * {@code make_statistics.py} next to it, which computes, for example:
 *
 * <pre>
 * "std(ddof=0)":      np.std(x, ddof=0)
 * "skew(bias=false)": stats.skew(x, bias=False)
 * "kurt(bias=true)":  stats.kurtosis(x, fisher=True, bias=True)
 * "quantile(0.1)":    np.quantile(x, 0.1, method="linear")
 * "trimmed_mean(0.1)": stats.trim_mean(x, 0.1)
 * "corr(temp_max,temp_min)": np.corrcoef(x, y)[0, 1]
 * "cov(temp_max,temp_min,ddof=1)": np.cov(x, y, ddof=1)[0, 1]
 * "mad(scale=normal)": stats.median_abs_deviation(x, scale="normal")
 * "geomean": stats.gmean(x)         "hmean": stats.hmean(x)      (positive columns only)
 * "prop(x > 3)": np.mean(x > 3)
 * "spearman(x,y)": stats.spearmanr(x, y).statistic    "kendall(x,y)": stats.kendalltau(x, y).statistic
 * "ols(y ~ x1 + x2)[x1]": np.linalg.lstsq(np.column_stack([ones, x1, x2]), y)[0][1]   (r2 = 1 - RSS/TSS)
 * </pre>
 *
 * <p>Each fixture row is a {@link StatisticSpec} spelling, so the parser is exercised too; the
 * value comes from {@code new EvaluationPlan(data, stats).observed()}.
 *
 * <p>Tolerance: 1e-12 relative for everything. The two sides sum in different orders (NumPy
 * pairwise, parboot in two lanes about a centre) so the last few bits differ; 1e-12 leaves room for
 * the cancellation in skew and kurt (their relative error is amplified by the ratio of the raw to
 * the central moments, at most about 1e2 here) while still failing any formula slip (a wrong ddof
 * or bias factor is off by 1e-3 or more even for n = 1461). The hard dataset needs no looser
 * bound: parboot centres every column on its two-pass mean before the power sums, so std is right
 * to about 1e-14, where raw sums would lose every digit. Excess kurtosis is {@code M4/M2^2 - 3},
 * so its error is measured against {@code |kurt| + 3}, the size of the ratio it comes from
 * (the hard dataset's kurt is -0.0097: 1e-14 of the ratio is 3e-12 of the difference).
 *
 * <p>For the hard dataset, skew and kurt are exact rational-arithmetic values, not SciPy's:
 * SciPy takes moments about the mean rounded to a double without correcting for the rounding
 * (half an ulp of 1e9, 6e-8), which puts its skew off by 4e-6 relative. parboot agrees with the
 * exact values to 1e-14 (see {@code exact_shape} in the script).
 */
class StatisticReferenceTest {

  private static final double TOLERANCE = 1e-12;

  static Stream<Arguments> references() {
    return Fixtures.records("statistics.csv").stream()
        .map(row -> Arguments.of(row.get(0), row.get(1), Double.parseDouble(row.get(2))));
  }

  private static double observed(Dataset data, String spec) {
    final List<Statistic> stats = StatisticSpec.parse(spec, List.of());
    assertThat(stats).hasSize(1);
    return new EvaluationPlan(data, stats).observed()[0];
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("references")
  void observed_referenceData_matchesNumpyScipy(String dataset, String spec, double expected) {
    final double actual = observed(Fixtures.dataset(dataset), spec);
    // Excess kurtosis is a ratio minus 3: its error is relative to the ratio, |kurt| + 3. The
    // interquartile range is a difference of two quartiles, each right to 1e-12 of itself: on the
    // hard data (1e9 + noise) one ulp of a quartile is 1e-7 of the range.
    final double scale = spec.startsWith("kurt") ? Math.abs(expected) + 3
        : spec.startsWith("iqr(") ? Math.abs(observed(Fixtures.dataset(dataset), spec.replace("iqr(", "quantile(0.75,")))
        : Math.abs(expected);
    assertThat(Math.abs(actual - expected)).as("%s on %s: parboot %s, reference %s", spec, dataset, actual, expected)
        .isLessThanOrEqualTo(TOLERANCE * scale);
  }

  @Test
  void references_coverEveryKindOnEveryDataset() {
    final List<List<String>> rows = Fixtures.records("statistics.csv");
    // five columns (seattle has two) by 21 statistics, mad's two scales and a prop (tiny: two, one at a
    // tie); geomean and hmean on the three positive columns; the paired statistics.
    // The pairs: five of seattle's, spearman and kendall on seattle and on the tied, skewed pairs.
    // ols: seattle's temp_max ~ temp_min and the two-term regression, every output.
    assertThat(rows).hasSize(5 * 21 + 5 * 3 + 1 + 3 * 2 + 5 + 2 + 2 + 3 + 4);
    assertThat(rows.stream().filter(r -> r.get(1).startsWith("ols(")).map(r -> r.get(0)).distinct())
        .containsExactlyInAnyOrder("seattle", "regression");
    for (RankStatistic.Kind k : RankStatistic.Kind.values()) {
      assertThat(rows.stream().filter(r -> r.get(1).startsWith(k.spelling() + "(")).map(r -> r.get(0)))
          .as(k.spelling()).containsExactlyInAnyOrder("seattle", "pairs");
    }
    for (MomentStatistic.Kind k : MomentStatistic.Kind.values()) {
      assertThat(rows).as(k.spelling()).anyMatch(r -> r.get(1).startsWith(k.spelling() + "("));
      final long datasets = rows.stream().filter(r -> r.get(1).startsWith(k.spelling() + "(")).map(r -> r.get(0))
          .distinct().count();
      assertThat(datasets).as(k.spelling() + ": datasets").isGreaterThanOrEqualTo(
          k == MomentStatistic.Kind.GEOMEAN || k == MomentStatistic.Kind.HMEAN ? 3 : k.arity() == 2 ? 1 : 4);
    }
    for (OrderStatistic.Kind k : OrderStatistic.Kind.values()) {
      assertThat(rows).as(k.spelling()).anyMatch(r -> r.get(1).startsWith(k.spelling() + "("));
    }
  }

  @Test
  void std_billionPlusNoise_rightTo1e9Relative() {
    // Named separately because it is the case a naive one-pass kernel fails by orders of magnitude.
    final Dataset hard = Fixtures.dataset("hard");
    final double expected = Fixtures.records("statistics.csv").stream()
        .filter(r -> r.get(0).equals("hard") && r.get(1).equals("std(ddof=1,column=x)"))
        .mapToDouble(r -> Double.parseDouble(r.get(2))).findFirst().orElseThrow();
    assertThat(expected).isBetween(0.9, 1.1);
    assertThat(relativeDifference(observed(hard, "std(ddof=1,column=x)"), expected)).isLessThan(1e-9);
  }

  @Test
  void momentStatistics_constantColumn_varZeroAndShapeNaN() {
    final Dataset data = Dataset.builder("constant").column("x", new double[] {1e9 + 0.5, 1e9 + 0.5, 1e9 + 0.5})
        .column("y", new double[] {1, 2, 4}).build();
    final double[] v = new EvaluationPlan(data, List.of(MomentStatistic.var("x", 1), MomentStatistic.std("x", 0),
        MomentStatistic.skew("x", true), MomentStatistic.kurt("x", true), MomentStatistic.corr("x", "y"),
        MomentStatistic.mean("x"))).observed();
    assertThat(v).containsExactly(0.0, 0.0, Double.NaN, Double.NaN, Double.NaN, 1e9 + 0.5);
  }

  @Test
  void corr_perfectlyCorrelated_clippedToOne() {
    final double[] x = new double[101];
    final double[] y = new double[101];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.1 * i;
      y[i] = -3 * x[i] + 7;
    }
    final Dataset data = Dataset.builder("line").column("x", x).column("y", y).build();
    final double r = new EvaluationPlan(data, List.of(MomentStatistic.corr("x", "y"))).observed()[0];
    assertThat(r).isGreaterThanOrEqualTo(-1.0).isCloseTo(-1.0, org.assertj.core.api.Assertions.within(1e-14));
  }
}
