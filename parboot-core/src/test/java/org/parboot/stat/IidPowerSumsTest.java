package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.parboot.data.Dataset;
import org.parboot.rng.ResampleStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fused iid draw and power sums give the bits of drawing into a buffer
 * ({@link ResampleStreams#fillIndices}) and summing it ({@link EvaluationPlan#powerSums}), for
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
          EvaluationPlan.powerSums(x, c, order, idx, n, expected);
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

  @Test
  void evaluateIid_tutorialStatistics_equalsEvaluateOfTheDrawnIndices() {
    final SplittableRandom r = new SplittableRandom(5);
    final int n = 1461;
    final Dataset data = Dataset.builder("test").column("x", data(r, n)).build();
    final EvaluationPlan plan = new EvaluationPlan(data, List.of(MomentStatistic.mean("x"),
        MomentStatistic.std("x", 0), MomentStatistic.skew("x", true), MomentStatistic.kurt("x", true)));
    assertThat(plan.fusesIidDraw()).isTrue();
    final EvaluationPlan.Evaluator fused = plan.newEvaluator();
    final EvaluationPlan.Evaluator buffered = plan.newEvaluator();
    final long t = ResampleStreams.threshold(n);
    final int[] idx = new int[n];
    for (long b = 0; b < 200; b++) {
      final long state = ResampleStreams.streamState(42, b);
      ResampleStreams.fillIndices(state, n, t, idx, n);
      final double[] expected = new double[4];
      buffered.evaluate(idx, n, expected);
      final double[] actual = new double[4];
      fused.evaluateIid(state, t, actual);
      assertThat(actual).as("resample %d", b).containsExactly(expected);
    }
  }

  @Test
  void fusesIidDraw_onlyForOneColumnsMoments() {
    final SplittableRandom r = new SplittableRandom(6);
    final Dataset data = Dataset.builder("test").column("x", data(r, 50)).column("y", data(r, 50)).build();
    assertThat(new EvaluationPlan(data, List.of(MomentStatistic.mean("x"), MomentStatistic.var("x", 1)))
        .fusesIidDraw()).isTrue();
    assertThat(new EvaluationPlan(data, List.of(MomentStatistic.mean("x"), MomentStatistic.mean("y")))
        .fusesIidDraw()).isFalse();
    assertThat(new EvaluationPlan(data, List.of(MomentStatistic.corr("x", "y"))).fusesIidDraw()).isFalse();
    assertThat(new EvaluationPlan(data, List.of(MomentStatistic.mean("x"), OrderStatistic.median("x")))
        .fusesIidDraw()).isFalse();
  }
}
