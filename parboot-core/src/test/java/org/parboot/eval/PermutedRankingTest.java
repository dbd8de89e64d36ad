package org.parboot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.data.Dataset;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.Statistic;

/**
 * A pairing's plan ranks its columns from the base plan's ranks ({@link EvaluationPlan#permuted})
 * instead of sorting them: the same arrays as {@link Ranks#of} on the permuted data, ties in row
 * order included, so every statistic's value is the fresh plan's, bit for bit.
 */
class PermutedRankingTest {

  @ParameterizedTest(name = "decimals {0}")
  @ValueSource(ints = {0, 1, 12}) // many ties, some, none
  void permutedPlan_equalsAFreshPlan_bitForBit(int decimals) {
    final SplittableRandom rnd = new SplittableRandom(decimals + 1L);
    final int n = 300;
    final double[] x = new double[n];
    final double[] y = new double[n];
    final double scale = Math.pow(10, decimals);
    for (int i = 0; i < n; i++) {
      x[i] = Math.round(rnd.nextGaussian() * 3 * scale) / scale;
      y[i] = Math.round((0.3 * x[i] + rnd.nextGaussian()) * scale) / scale;
    }
    x[7] = -0.0; // Ranks.of tells -0.0 from 0.0
    x[8] = 0.0;
    final List<Statistic> stats = new java.util.ArrayList<>();
    for (String spec : List.of("spearman(x,y)", "kendall(x,y)", "corr(x,y)", "median(y)", "quantile(x, 0.3)", "mad(y)",
        "iqr(x)")) {
      stats.addAll(StatisticSpec.parse(spec, List.of("x")));
    }
    final Dataset base = Dataset.builder("t").column("x", x).column("y", y).build();
    final EvaluationPlan basePlan = new EvaluationPlan(base, stats);
    final int[] order = new int[n];
    for (int round = 0; round < 50; round++) {
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        final int j = rnd.nextInt(i + 1);
        final int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      final double[] py = new double[n];
      for (int i = 0; i < n; i++) {
        py[i] = y[order[i]];
      }
      final Dataset permuted = Dataset.builder("t").column("x", x).column("y", py).build();
      final EvaluationPlan fresh = new EvaluationPlan(permuted, stats);
      final EvaluationPlan derived = new EvaluationPlan(permuted, stats, null,
          EvaluationPlan.permuted(basePlan, order, Set.of("y")));
      for (int slot = 0; slot < fresh.orderColumns.size(); slot++) {
        assertThat(derived.orderColumns.get(slot)).isEqualTo(fresh.orderColumns.get(slot));
        assertThat(derived.rowOfRank[slot]).isEqualTo(fresh.rowOfRank[slot]);
        assertThat(derived.rankOfRow[slot]).isEqualTo(fresh.rankOfRow[slot]);
        assertThat(derived.sortedValues[slot]).isEqualTo(fresh.sortedValues[slot]);
      }
      final double[] a = fresh.observed();
      final double[] b = derived.observed();
      for (int s = 0; s < a.length; s++) {
        assertThat(Double.doubleToRawLongBits(b[s])).as(stats.get(s).label()).isEqualTo(Double.doubleToRawLongBits(a[s]));
      }
    }
  }
}
