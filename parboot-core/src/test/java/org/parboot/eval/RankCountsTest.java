package org.parboot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.data.Dataset;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * The order statistics' view of a resample through its row counts ({@link RankCounts}): the value
 * at every position and the sum of every range equal the sorted resample's, whatever order the
 * positions are asked in (the cumulative counts are built lazily, as far as asked); and the
 * evaluator's values do not depend on the order of the draws.
 */
class RankCountsTest {

  private static double[] data(SplittableRandom r, int n) {
    final double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = Math.round(r.nextGaussian() * 4) / 2.0; // many ties
    }
    return v;
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 7, 100, 1001})
  void at_andSum_anyOrderOfQuestions_theSortedResample(int n) {
    final SplittableRandom r = new SplittableRandom(n);
    final double[] x = data(r, n);
    final EvaluationPlan plan = new EvaluationPlan(Dataset.of("x", x), List.of(OrderStatistic.median("x")));
    final int[] idx = r.ints(n, 0, n).toArray();
    final int[] counts = new int[n];
    final double[] sorted = new double[n];
    for (int p = 0; p < n; p++) {
      counts[idx[p]]++;
      sorted[p] = x[idx[p]];
    }
    Arrays.sort(sorted);
    final RankCounts view = new RankCounts(plan.sortedValues[0], plan.rowOfRank[0], true).of(counts, n);
    // Far positions first (builds the counts to the end), then near ones (binary search), then random.
    for (int pos : new int[] {n - 1, 0, n / 2}) {
      assertThat(view.at(pos)).isEqualTo(sorted[pos]);
    }
    for (int q = 0; q < 3 * n; q++) {
      final int pos = r.nextInt(n);
      assertThat(view.at(pos)).as("position %d", pos).isEqualTo(sorted[pos]);
    }
    final RankCounts fresh = new RankCounts(plan.sortedValues[0], plan.rowOfRank[0], true).of(counts, n);
    for (int q = 0; q < n; q++) {
      final int from = r.nextInt(n + 1);
      final int to = from + r.nextInt(n + 1 - from);
      double expected = 0;
      for (int p = from; p < to; p++) {
        expected += sorted[p];
      }
      assertThat(fresh.sum(from, to)).as("[%d, %d)", from, to).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * n));
    }
    assertThatThrownBy(() -> fresh.at(n)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 9, 300})
  void evaluate_theOrderOfTheDraws_changesNoBit(int n) {
    final SplittableRandom r = new SplittableRandom(7L * n);
    final Dataset data = Dataset.builder("t").column("x", data(r, n)).column("y", data(r, n)).build();
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), MomentStatistic.kurt("x", false),
        MomentStatistic.corr("x", "y"), MomentStatistic.ratio("x", "y"), OrderStatistic.median("x"),
        OrderStatistic.trimmedMean("y", 0.1));
    final Evaluator evaluator = new EvaluationPlan(data, stats).newEvaluator();
    final int[] idx = r.ints(n, 0, n).toArray();
    final int[] reversed = new int[n];
    for (int p = 0; p < n; p++) {
      reversed[p] = idx[n - 1 - p];
    }
    final double[] a = new double[stats.size()];
    final double[] b = new double[stats.size()];
    evaluator.evaluate(idx, n, a);
    evaluator.evaluate(reversed, n, b);
    for (int s = 0; s < a.length; s++) {
      assertThat(Double.doubleToRawLongBits(b[s])).as(stats.get(s).label()).isEqualTo(Double.doubleToRawLongBits(a[s]));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 9, 1000})
  void rank_equalsAStableSortOfTheRows_tiesInRowOrder_signedZerosAndNaN(int n) {
    final SplittableRandom r = new SplittableRandom(5L * n);
    final double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (r.nextInt(6)) {
        case 0 -> 0.0;
        case 1 -> -0.0;
        case 2 -> Double.NaN;
        case 3 -> Double.NEGATIVE_INFINITY;
        default -> r.nextInt(4) - 1.5;
      };
    }
    final Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q])); // stable: ties keep row order
    final double[] sorted = new double[n];
    final int[] rank = new int[n];
    final int[] row = new int[n];
    Ranks.of(v, sorted, rank, row);
    for (int k = 0; k < n; k++) {
      assertThat(row[k]).as("rank %d", k).isEqualTo(order[k]);
      assertThat(rank[order[k]]).isEqualTo(k);
      assertThat(Double.doubleToRawLongBits(sorted[k])).isEqualTo(Double.doubleToRawLongBits(v[order[k]]));
    }
  }
}
