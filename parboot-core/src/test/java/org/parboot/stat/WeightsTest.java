package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.eval.EvaluationPlan;
import org.parboot.exec.ExecutorKind;
import org.parboot.spec.StatisticSpec;
import org.parboot.testing.Fixtures;

/**
 * Weighted runs ({@code BootstrapOptions.weights}): integer weights give the statistics of the data
 * with each row repeated as often as its weight; real weights give NumPy's weighted values
 * (np.average, the frequency-weighted variance, np.quantile(weights=, method='inverted_cdf'),
 * np.linalg.lstsq on rows scaled by sqrt(w)); the built-in jackknife of a weighted statistic is
 * its leave-one-row-out value; statistics without a weighted version, and bad weights, are
 * refused by name.
 */
class WeightsTest {

  private static final List<String> WEIGHTED = List.of("mean", "var(ddof=0)", "std", "cv", "sem", "skew", "kurt",
      "skew(bias=true)", "geomean", "hmean", "prop(x > 3)", "corr(x,y)", "cov(x,y)", "ratio(x,y)", "mean_diff(x,y)",
      "std / mean", "ols(y ~ x)");

  private static List<Statistic> weightedStatistics() {
    final List<Statistic> out = new ArrayList<>();
    for (String spec : WEIGHTED) {
      out.addAll(StatisticSpec.parse(spec, List.of("x")));
    }
    return out;
  }

  private static Dataset weightedData() {
    final double[] x = {2.5, 3.0, 1.5, 4.25, 3.5, 6.0, 2.0, 5.5, 3.25};
    final double[] y = {1.0, 2.5, 0.5, 3.5, 2.0, 5.5, 1.5, 4.0, 3.0};
    final double[] w = {1, 3, 2, 1, 4, 1, 2, 2, 1};
    return Dataset.builder("weighted").column("x", x).column("y", y).column("w", w).build();
  }

  @Test
  void integerWeights_areTheDataWithEachRowRepeated() {
    final Dataset data = weightedData();
    final double[] x = data.column("x");
    final double[] y = data.column("y");
    final double[] w = data.column("w");
    final List<Double> ex = new ArrayList<>();
    final List<Double> ey = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < w[i]; k++) {
        ex.add(x[i]);
        ey.add(y[i]);
      }
    }
    final Dataset expanded = Dataset.builder("expanded").column("x", ex.stream().mapToDouble(d -> d).toArray())
        .column("y", ey.stream().mapToDouble(d -> d).toArray()).build();
    final List<Statistic> stats = weightedStatistics();
    stats.addAll(StatisticSpec.parse("median", List.of("x")));
    final double[] weighted = new EvaluationPlan(data, stats, "w").observed();
    final double[] repeated = new EvaluationPlan(expanded, stats).observed();
    for (int s = 0; s < stats.size(); s++) {
      if (stats.get(s) instanceof OrderStatistic) {
        continue; // the weighted quantile rule is inverted_cdf, the unweighted one linear
      }
      assertThat(weighted[s]).as(stats.get(s).label()).isCloseTo(repeated[s], within(1e-12 * (1 + Math.abs(repeated[s]))));
    }
  }

  @Test
  void realWeights_matchNumpy() {
    // numpy 2.4.6 on the regression data of datasets.csv, w = x2 - min(x2) + 0.25:
    //   np.average(y, weights=w); sqrt(sum w (y - m)^2 / (sum w - 1));
    //   np.quantile(y, [0.5, 0.9], weights=w, method='inverted_cdf');
    //   np.linalg.lstsq(X * sqrt(w)[:, None], y * sqrt(w)) with X = [1, x1, x2]; r2 = 1 - sum w e^2 / sum w (y - m)^2
    final Dataset reg = Fixtures.dataset("regression");
    final double[] x2 = reg.column("x2");
    final double min = java.util.Arrays.stream(x2).min().orElseThrow();
    final double[] w = java.util.Arrays.stream(x2).map(v -> v - min + 0.25).toArray();
    final Dataset data = Dataset.builder("regression").column("x1", reg.column("x1")).column("x2", x2)
        .column("y", reg.column("y")).column("w", w).build();
    final List<Statistic> stats = new ArrayList<>();
    for (String spec : List.of("mean", "std", "median", "quantile(0.9)", "ols(y ~ x1 + x2)")) {
      stats.addAll(StatisticSpec.parse(spec, List.of("y")));
    }
    final double[] v = new EvaluationPlan(data, stats, "w").observed();
    final double[] numpy = {2.3365556406329757, 3.8990495938109744, 2.4, 6.38, 5.450088959003045, 0.8740273740273892,
        -1.3982678283387144, 0.6644356650300093};
    for (int s = 0; s < numpy.length; s++) {
      assertThat(v[s]).as(stats.get(s).label()).isCloseTo(numpy[s], within(1e-12 * (1 + Math.abs(numpy[s]))));
    }
  }

  @Test
  void jackknife_ofWeightedStatistics_isTheLeaveOneRowOutValue() {
    final Dataset data = weightedData();
    final List<Statistic> stats = weightedStatistics();
    for (String spec : List.of("median", "quantile(0.2)", "quantile(0.9)", "iqr", "min", "max")) {
      stats.addAll(StatisticSpec.parse(spec, List.of("x")));
    }
    final EvaluationPlan plan = new EvaluationPlan(data, stats, "w");
    final double[][] fast = plan.jackknife();
    final double[][] generic = new double[stats.size()][data.rows()];
    plan.jackknifeRows(0, data.rows(), generic, plan.newEvaluator());
    for (int s = 0; s < stats.size(); s++) {
      for (int i = 0; i < data.rows(); i++) {
        assertThat(fast[s][i]).as("%s without row %d", stats.get(s).label(), i)
            .isCloseTo(generic[s][i], within(1e-9 * (1 + Math.abs(generic[s][i]))));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void weightedRun_sameBitsOnEveryExecutor_andBcaDefined(ExecutorKind kind) {
    final Dataset data = weightedData();
    final List<Statistic> stats = weightedStatistics();
    stats.addAll(StatisticSpec.parse("median", List.of("x")));
    final BootstrapOptions.Builder b = BootstrapOptions.builder().seed(4).resamples(400).weights("w")
        .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA);
    final BootstrapResult serial = Bootstrap.run(data, stats, b.executor(ExecutorKind.SERIAL).build());
    final BootstrapResult other = Bootstrap.run(data, stats, b.executor(kind).threads(3).build());
    for (int s = 0; s < stats.size(); s++) {
      assertThat(other.statistics().get(s).replicates()).isEqualTo(serial.statistics().get(s).replicates());
    }
    assertThat(serial.statistic("mean(x)").intervals().get(1).low()).isFinite();
  }

  @Test
  void refused_statisticsWithoutAWeightedVersion_andBadWeights() {
    final Dataset data = weightedData();
    for (String spec : List.of("trimmed_mean(0.1)", "mad", "spearman(x,y)", "kendall(x,y)", "ols(y ~ x, resample=residuals)",
        "mean + mad")) {
      assertThatThrownBy(() -> new EvaluationPlan(data, StatisticSpec.parse(spec, List.of("x")), "w"))
          .as(spec).isInstanceOf(InvalidInputException.class).hasMessageContaining("takes no weights");
    }
    assertThatThrownBy(() -> new EvaluationPlan(data, List.of(Statistic.custom("c", "x", v -> 0)), "w"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("c(x) takes no weights");
    assertThatThrownBy(() -> new EvaluationPlan(data, List.of(MomentStatistic.mean("x")), "nope"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown weights column 'nope'");
    final Dataset negative = Dataset.builder("neg").column("x", new double[] {1, 2, 3})
        .column("w", new double[] {1, -0.5, 2}).build();
    assertThatThrownBy(() -> new EvaluationPlan(negative, List.of(MomentStatistic.mean("x")), "w"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("weights column 'w' has -0.5 in its row 2 of 3 in neg").hasMessageContaining("accepted: finite weights >= 0");
    final Dataset zero = Dataset.builder("zero").column("x", new double[] {1, 2, 3}).column("w", new double[3]).build();
    assertThatThrownBy(() -> new EvaluationPlan(zero, List.of(MomentStatistic.mean("x")), "w"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sums to 0");
  }
}
