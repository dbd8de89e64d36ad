package org.parboot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.parboot.data.Dataset;
import org.parboot.rng.ResampleStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.stat.Statistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.MomentStatistic;

/**
 * The fused iid draw and power sums give the bits of drawing into a buffer
 * ({@link ResampleStreams#fillIndices}) and summing it ({@link PowerSums#powerSums}), for
 * every order, every length parity and every rejection pattern. Rejections are rare at real
 * sizes, so the test also passes thresholds far above {@code 2^32 mod n}: both ways then reject a
 * quarter to a half of the words, and the word-by-word path and lane swaps run all the time.
 */
class IidPowerSumsTest {

  private static double[] data(SplittableRandom r, int n) {
    final double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 1e6 + r.nextGaussian() * Math.exp(r.nextGaussian());
    }
    return v;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 64, 1000, 1001, 2922})
  void sums_everyOrderAndRejectionRate_equalFillThenPowerSumsBitForBit(int n) {
    final SplittableRandom r = new SplittableRandom(n);
    final double[] x = data(r, n);
    final double c = EvaluationPlan.centre(x);
    final long[] thresholds = {ResampleStreams.threshold(n), 1L << 30, 1L << 31, 3L << 30};
    final double[] lanes = new double[8];
    final int[] idx = new int[n];
    for (long t : thresholds) {
      for (int rep = 0; rep < 25; rep++) {
        final long state = r.nextLong();
        ResampleStreams.fillIndices(state, n, t, idx, n);
        for (int order = 1; order <= 4; order++) {
          final double[] expected = new double[4];
          PowerSums.powerSums(x, c, order, idx, n, expected);
          final double[] fused = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
          IidPowerSums.sums(state, n, t, x, c, order, n, fused, lanes);
          for (int k = 0; k < 4; k++) {
            assertThat(Double.doubleToRawLongBits(fused[k]))
                .as("n %d, threshold %d, order %d, power %d", n, t, order, k + 1)
                .isEqualTo(Double.doubleToRawLongBits(expected[k]));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 64, 1001, 2922})
  void pairSums_everyRejectionRate_equalFillThenPairSumsBitForBit(int n) {
    final SplittableRandom r = new SplittableRandom(100L + n);
    final double[] x = data(r, n);
    final double[] y = data(r, n);
    final double cx = EvaluationPlan.centre(x);
    final double cy = EvaluationPlan.centre(y);
    final double[] lanes = new double[10];
    final int[] idx = new int[n];
    for (long t : new long[] {ResampleStreams.threshold(n), 1L << 30, 1L << 31, 3L << 30}) {
      for (int rep = 0; rep < 25; rep++) {
        final long state = r.nextLong();
        ResampleStreams.fillIndices(state, n, t, idx, n);
        final double[] ex = new double[4];
        final double[] ey = new double[4];
        final double exy = PowerSums.pairSums(x, cx, y, cy, idx, n, ex, ey);
        final double[] fx = new double[4];
        final double[] fy = new double[4];
        final double fxy = IidPowerSums.pairSums(state, n, t, x, cx, y, cy, n, fx, fy, lanes);
        assertThat(fx).as("x sums, n %d, threshold %d", n, t).containsExactly(ex);
        assertThat(fy).as("y sums, n %d, threshold %d", n, t).containsExactly(ey);
        assertThat(Double.doubleToRawLongBits(fxy)).as("cross sum, n %d, threshold %d", n, t)
            .isEqualTo(Double.doubleToRawLongBits(exy));
      }
    }
  }

  @Test
  void evaluateIid_pairStatistics_equalsEvaluateOfTheDrawnIndices() {
    final SplittableRandom r = new SplittableRandom(8);
    final int n = 999;
    final Dataset data = Dataset.builder("test").column("x", data(r, n)).column("y", data(r, n)).build();
    final EvaluationPlan plan = new EvaluationPlan(data, List.of(MomentStatistic.cov("x", "y", 1),
        MomentStatistic.corr("x", "y"), MomentStatistic.ratio("x", "y"), MomentStatistic.std("y", 1)));
    assertFusedEqualsBuffered(plan, 3, 200, ResampleStreams.threshold(n));
  }

  @Test
  void evaluateIid_orderStatistics_equalsEvaluateOfTheDrawnIndicesAtAnyRejectionRate() {
    final SplittableRandom r = new SplittableRandom(9);
    final int n = 1001;
    final double[] x = data(r, n);
    x[5] = x[6]; // ties
    final Dataset data = Dataset.builder("test").column("x", x).build();
    final EvaluationPlan plan = new EvaluationPlan(data, List.of(OrderStatistic.median("x"),
        OrderStatistic.quantile("x", 0.9), OrderStatistic.trimmedMean("x", 0.1), OrderStatistic.min("x"),
        OrderStatistic.max("x")));
    assertFusedEqualsBuffered(plan, 4, 100, ResampleStreams.threshold(n), 1L << 31);
  }

  @Test
  void evaluateIid_tutorialStatistics_equalsEvaluateOfTheDrawnIndices() {
    final SplittableRandom r = new SplittableRandom(5);
    final int n = 1461;
    final Dataset data = Dataset.builder("test").column("x", data(r, n)).build();
    final EvaluationPlan plan = new EvaluationPlan(data, List.of(MomentStatistic.mean("x"),
        MomentStatistic.std("x", 0), MomentStatistic.skew("x", true), MomentStatistic.kurt("x", true)));
    assertFusedEqualsBuffered(plan, 42, 200, ResampleStreams.threshold(n));
  }

  @Test
  void fusesIidDraw_oneColumnsMomentsOrOneFusedPair_andTheStaticRuleAgreesWithThePlan() {
    final SplittableRandom r = new SplittableRandom(6);
    final Dataset data = Dataset.builder("test").column("x", data(r, 50)).column("y", data(r, 50)).build();
    final List<List<Statistic>> fused = List.of(
        List.of(MomentStatistic.mean("x"), MomentStatistic.var("x", 1)),
        List.of(MomentStatistic.corr("x", "y")),
        List.of(MomentStatistic.cov("x", "y", 1), MomentStatistic.corr("x", "y"), MomentStatistic.mean("y")),
        List.of(OrderStatistic.median("x"), OrderStatistic.quantile("x", 0.25)));
    final List<List<Statistic>> buffered = List.of(
        List.of(MomentStatistic.mean("x"), MomentStatistic.mean("y")),
        List.of(MomentStatistic.mean("x"), OrderStatistic.median("x")),
        List.of(MomentStatistic.corr("x", "y"), MomentStatistic.skew("x", true)),
        List.of(MomentStatistic.cov("x", "y", 1), MomentStatistic.corr("y", "x")),
        List.of(MomentStatistic.ratio("x", "y")),
        List.of(OrderStatistic.median("x"), OrderStatistic.median("y")));
    for (List<Statistic> stats : fused) {
      final EvaluationPlan plan = new EvaluationPlan(data, stats);
      assertThat(plan.iidFusion()).as(stats.toString()).isNotEqualTo(EvaluationPlan.IidFusion.NONE);
      plan.newEvaluator().evaluateIid(1, ResampleStreams.threshold(50), new double[stats.size()]); // no throw
    }
    for (List<Statistic> stats : buffered) {
      assertThat(new EvaluationPlan(data, stats).iidFusion()).as(stats.toString())
          .isEqualTo(EvaluationPlan.IidFusion.NONE);
    }
  }

  @Test
  void fusedBytesPerRow_eightPerColumnTheLoopReads() {
    final Dataset data = Dataset.builder("test").column("x", data(new SplittableRandom(1), 10))
        .column("y", data(new SplittableRandom(2), 10)).build();
    assertThat(new EvaluationPlan(data, List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0)))
        .fusedBytesPerRow()).isEqualTo(8);
    assertThat(new EvaluationPlan(data, List.of(MomentStatistic.corr("x", "y"))).fusedBytesPerRow()).isEqualTo(16);
    assertThat(new EvaluationPlan(data, List.of(OrderStatistic.median("x"))).fusedBytesPerRow()).isEqualTo(8);
  }

  /**
   * For each threshold and resamples 0..count-1 of {@code seed}: {@code evaluateIid} gives exactly
   * what {@code evaluate} gives over the indices {@code fillIndices} draws from the same stream.
   */
  private static void assertFusedEqualsBuffered(EvaluationPlan plan, long seed, int count, long... thresholds) {
    assertThat(plan.iidFusion()).isNotEqualTo(EvaluationPlan.IidFusion.NONE);
    final int n = plan.rows();
    final int k = plan.statistics().size();
    final org.parboot.eval.Evaluator fused = plan.newEvaluator();
    final org.parboot.eval.Evaluator buffered = plan.newEvaluator();
    final int[] idx = new int[n];
    for (long t : thresholds) {
      for (long b = 0; b < count; b++) {
        final long state = ResampleStreams.streamState(seed, b);
        ResampleStreams.fillIndices(state, n, t, idx, n);
        final double[] expected = new double[k];
        buffered.evaluate(idx, n, expected);
        final double[] actual = new double[k];
        fused.evaluateIid(state, t, actual);
        assertThat(actual).as("resample %d, threshold %d", b, t).containsExactly(expected);
      }
    }
  }
}
