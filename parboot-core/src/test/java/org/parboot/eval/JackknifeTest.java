package org.parboot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.data.Dataset;
import org.parboot.testing.Fixtures;
import org.parboot.stat.Statistic;
import org.parboot.stat.OlsStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.RankStatistic;
import org.parboot.stat.MomentStatistic;

/**
 * The O(n) jackknife of {@link EvaluationPlan#jackknife()} (downdated power sums, sorted data with
 * one position left out) against the generic leave-one-out {@link EvaluationPlan#jackknifeRows},
 * which evaluates each statistic on the n - 1 remaining rows, for every built-in statistic.
 *
 * <p>Tolerance: 1e-9 of the statistic's scale. The downdate subtracts one term from sums over all
 * rows, so it loses the digits the removed term shares with the sum; for these data (n up to 60,
 * values within two orders of magnitude) that costs at most a few hundred ulps. Order statistics
 * involve no arithmetic beyond trimmed_mean's prefix sums, and are held to the same bound.
 */
class JackknifeTest {

  /** Every built-in statistic of column x (and the pairs of x and y). */
  static List<Statistic> everyBuiltIn() {
    final List<Statistic> s = new ArrayList<>();
    for (MomentStatistic.Kind k : MomentStatistic.Kind.values()) {
      if (k.arity() == 2) {
        s.add(new MomentStatistic(k, List.of("x", "y"), k == MomentStatistic.Kind.COV ? 1 : 0, false));
        if (k == MomentStatistic.Kind.COV) {
          s.add(MomentStatistic.cov("x", "y", 0));
        }
      } else if (k == MomentStatistic.Kind.MEAN || k == MomentStatistic.Kind.GEOMEAN
          || k == MomentStatistic.Kind.HMEAN) {
        s.add(new MomentStatistic(k, List.of("x"), 0, false));
      } else if (k == MomentStatistic.Kind.PROP) {
        s.add(MomentStatistic.prop("x", new MomentStatistic.Condition(MomentStatistic.Comparison.GT, 3)));
        s.add(MomentStatistic.prop("x", new MomentStatistic.Condition(MomentStatistic.Comparison.EQ, 5)));
      } else {
        s.add(new MomentStatistic(k, List.of("x"), 0, false));
        s.add(new MomentStatistic(k, List.of("x"), 1, true)); // the other ddof (var, std) or bias (skew, kurt)
      }
    }
    s.add(OrderStatistic.median("x"));
    s.add(OrderStatistic.quantile("x", 0.0));
    s.add(OrderStatistic.quantile("x", 0.1));
    s.add(OrderStatistic.quantile("x", 0.37));
    s.add(OrderStatistic.quantile("x", 0.9));
    s.add(OrderStatistic.quantile("x", 1.0));
    s.add(OrderStatistic.trimmedMean("x", 0.0));
    s.add(OrderStatistic.trimmedMean("x", 0.1));
    s.add(OrderStatistic.trimmedMean("x", 0.25));
    s.add(OrderStatistic.min("x"));
    s.add(OrderStatistic.max("x"));
    s.add(OrderStatistic.iqr("x"));
    s.add(OrderStatistic.mad("x", 1));
    s.add(OrderStatistic.mad("x", OrderStatistic.NORMAL_SCALE));
    s.add(RankStatistic.spearman("x", "y"));
    s.add(RankStatistic.kendall("x", "y"));
    s.add(RankStatistic.kendall("y", "x"));
    s.addAll(OlsStatistic.outputs("y", List.of("x"), OlsStatistic.Resampling.CASES));
    return s;
  }

  static Stream<Arguments> datasets() {
    final double[] skewed = Fixtures.dataset("skewed").column("x");
    final double[] shifted = new double[skewed.length];
    for (int i = 0; i < skewed.length; i++) {
      shifted[i] = skewed[(i * 7) % skewed.length] * 0.5 + i % 3;
    }
    return Stream.of(
        Arguments.of("ties, n = 7", new double[] {2, 5, 5, 1, 5, 2, 9}, new double[] {1, 0, 3, 3, 2, 8, 1}),
        Arguments.of("ties, n = 6", new double[] {4, 4, 4, 1, 1, 10}, new double[] {0.5, 2, -1, 3, 3, 3}),
        Arguments.of("skewed, n = 60", skewed, shifted));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void jackknife_everyBuiltIn_equalsGenericLeaveOneOut(String name, double[] x, double[] y) {
    final Dataset data = Dataset.builder(name).column("x", x).column("y", y).build();
    final List<Statistic> stats = everyBuiltIn();
    final EvaluationPlan plan = new EvaluationPlan(data, stats);
    final double[][] fast = plan.jackknife();
    final double[][] generic = new double[stats.size()][data.rows()];
    plan.jackknifeRows(0, data.rows(), generic, plan.newEvaluator());
    for (int s = 0; s < stats.size(); s++) {
      final double scale = Math.max(1, maxAbs(generic[s]));
      for (int i = 0; i < data.rows(); i++) {
        final double f = fast[s][i];
        final double g = generic[s][i];
        if (Double.isNaN(g)) {
          assertThat(f).as("%s without row %d", stats.get(s).label(), i).isNaN();
        } else {
          assertThat(Math.abs(f - g)).as("%s without row %d: fast %s, generic %s", stats.get(s).label(), i, f, g)
              .isLessThanOrEqualTo(1e-9 * scale);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("datasets")
  void jackknifeRows_anySplit_sameAsOneRange(String name, double[] x, double[] y) {
    final Dataset data = Dataset.builder(name).column("x", x).column("y", y).build();
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), OrderStatistic.median("y"),
        Statistic.custom("range", "x", v -> max(v) - min(v)));
    final EvaluationPlan plan = new EvaluationPlan(data, stats);
    final int n = data.rows();
    final double[][] whole = new double[stats.size()][n];
    plan.jackknifeRows(0, n, whole, plan.newEvaluator());
    final double[][] split = new double[stats.size()][n];
    final org.parboot.eval.Evaluator e = plan.newEvaluator();
    plan.jackknifeRows(n / 2, n, split, e);
    plan.jackknifeRows(0, n / 2, split, e);
    assertThat(split).isDeepEqualTo(whole);
    assertThat(plan.jackknife()).isDeepEqualTo(new double[][] {plan.jackknife()[0], plan.jackknife()[1], whole[2]});
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double d : v) {
      if (Double.isFinite(d)) {
        m = Math.max(m, Math.abs(d));
      }
    }
    return m;
  }

  static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      m = Math.max(m, d);
    }
    return m;
  }

  static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double d : v) {
      m = Math.min(m, d);
    }
    return m;
  }
}
