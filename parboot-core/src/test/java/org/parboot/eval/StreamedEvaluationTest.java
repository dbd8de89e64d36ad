package org.parboot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.data.Dataset;
import org.parboot.rng.ResampleStreams;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * A resample drawn and evaluated in blocks ({@link Evaluator#evaluateStream}) gives the bits of
 * the same indices drawn into one buffer and evaluated at once ({@link Evaluator#evaluate}), for
 * every kind of statistic and every rejection rate. Rejections are rare at real sizes, so the
 * test also passes thresholds far above {@code 2^32 mod n}: the draw then rejects a quarter to a
 * half of the words, and blocks end with a word left pending.
 */
class StreamedEvaluationTest {

  private static Dataset data(int n) {
    final SplittableRandom r = new SplittableRandom(n);
    final double[] x = new double[n];
    final double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 1e6 + r.nextGaussian() * Math.exp(r.nextGaussian());
      y[i] = x[i] * 0.3 + r.nextGaussian();
    }
    return Dataset.builder("test").column("x", x).column("y", y).build();
  }

  static Stream<Arguments> cases() {
    final List<List<Statistic>> plans = List.of(
        List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0), MomentStatistic.skew("x", true)),
        List.of(MomentStatistic.kurt("x", true), MomentStatistic.var("y", 1)),
        List.of(MomentStatistic.corr("x", "y"), MomentStatistic.cov("x", "y", 1), MomentStatistic.ratio("x", "y")),
        List.of(MomentStatistic.corr("x", "y"), MomentStatistic.skew("x", false), MomentStatistic.meanDiff("x", "y")),
        List.of(OrderStatistic.median("x"), OrderStatistic.trimmedMean("x", 0.1), OrderStatistic.max("y")),
        List.of(MomentStatistic.mean("x"), OrderStatistic.median("x"), Statistic.custom("first", "y", v -> v[0] + v[v.length - 1])));
    return Stream.of(4, 7, 8, 255, 256, 257, 513, 2922).flatMap(n -> plans.stream().map(p -> Arguments.of(n, p)));
  }

  @ParameterizedTest(name = "n = {0}: {1}")
  @MethodSource("cases")
  void evaluateStream_anyRejectionRate_bitsOfOneBuffer(int n, List<Statistic> statistics) {
    final EvaluationPlan plan = new EvaluationPlan(data(n), statistics);
    final Evaluator streamed = plan.newEvaluator();
    final Evaluator buffered = plan.newEvaluator();
    final int[] idx = new int[n];
    final int k = statistics.size();
    for (long t : new long[] {ResampleStreams.threshold(n), 1L << 30, 1L << 31, 3L << 30}) {
      for (long b = 0; b < 20; b++) {
        final long state = ResampleStreams.streamState(n * 31L + t, b);
        ResampleStreams.fillIndices(state, n, t, idx, n);
        final double[] expected = new double[k];
        buffered.evaluate(idx, n, expected);
        final double[] actual = new double[k];
        streamed.evaluateStream(new ResampleStreams.Stream(state), t, actual);
        assertThat(actual).as("threshold %d, resample %d", t, b).containsExactly(expected);
      }
    }
  }
}
