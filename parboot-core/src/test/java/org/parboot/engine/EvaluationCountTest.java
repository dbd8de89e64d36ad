package org.parboot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
import org.parboot.TwoSampleBootstrap;
import org.parboot.batch.GroupJob;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * How many times a run evaluates a statistic, counted: once on the data, once per resample, and,
 * for BCa, exactly n times per sample for the jackknife (never twice: a run once computed a
 * custom statistic's jackknife in parallel and then again serially). And the memory the engine
 * counts before a run: every array, the studentized interval's and a comparison's too.
 */
class EvaluationCountTest {
  private static final int N = 200;
  private static final int B = 300;

  private static Dataset data(int n, int seed) {
    final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    return Dataset.of("x", r.doubles(n).toArray());
  }

  private static Statistic counted(AtomicLong calls) {
    return Statistic.custom("counted_mean", "x", v -> {
      calls.incrementAndGet();
      double s = 0;
      for (double x : v) {
        s += x;
      }
      return s / v.length;
    });
  }

  private static BootstrapOptions options(ExecutorKind kind, IntervalMethod... methods) {
    return BootstrapOptions.builder().resamples(B).seed(4).executor(kind).threads(3).intervals(methods)
        .innerResamples(7).build();
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_customStatisticWithBca_dataOnceResamplesOnceJackknifeExactlyN(ExecutorKind kind) {
    final AtomicLong calls = new AtomicLong();
    Bootstrap.run(data(N, 1), List.of(counted(calls), MomentStatistic.mean("x")), options(kind, IntervalMethod.BCA));
    assertThat(calls.get()).isEqualTo(1 + B + N);
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_customStatisticPercentile_noJackknife(ExecutorKind kind) {
    final AtomicLong calls = new AtomicLong();
    Bootstrap.run(data(N, 1), List.of(counted(calls)), options(kind, IntervalMethod.PERCENTILE));
    assertThat(calls.get()).isEqualTo(1 + B);
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void run_customStatisticStudentized_innerResamplesInTheSamePassNoSecondDraw(ExecutorKind kind) {
    final AtomicLong calls = new AtomicLong();
    Bootstrap.run(data(N, 1), List.of(counted(calls)), options(kind, IntervalMethod.STUDENTIZED, IntervalMethod.BCA));
    assertThat(calls.get()).isEqualTo(1 + B + (long) B * 7 + N);
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void compare_customStatisticWithBca_eachSampleItsOwnCount(ExecutorKind kind) {
    final AtomicLong calls = new AtomicLong();
    TwoSampleBootstrap.run(new GroupJob("f", "a", data(N, 1)), new GroupJob("f", "b", data(N + 17, 2)),
        List.of(counted(calls)), options(kind, IntervalMethod.BCA));
    assertThat(calls.get()).isEqualTo(2 * (1 + B) + N + (N + 17));
  }

  @Test
  void need_studentizedCountsItsStandardErrorsAndTValues() {
    final List<Sample> one = List.of(new Sample("", data(N, 1), 1));
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), OrderStatistic.median("x"));
    final MemoryBudget.Need plain = MemoryBudget.need(one, stats, 1000, 2, false, false);
    final MemoryBudget.Need studentized = MemoryBudget.need(one, stats, 1000, 2, false, true);
    // se*_b of each statistic (2 x B) and one statistic's t values (B), and the inner indices per thread.
    assertThat(studentized.forResamples() - plain.forResamples()).isEqualTo(3 * 1000 * 8L);
    assertThat(studentized.perThread() - plain.perThread()).isEqualTo(8L * N);
  }

  @Test
  void need_comparisonCountsBothSamples() {
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"));
    final MemoryBudget.Need a = MemoryBudget.need(List.of(new Sample("a", data(N, 1), 1)), stats, 1000, 2, true, false);
    final MemoryBudget.Need ab = MemoryBudget.need(List.of(new Sample("a", data(N, 1), 1), new Sample("b", data(3 * N, 2),
        2)), stats, 1000, 2, true, false);
    assertThat(ab.forData()).isEqualTo(4 * a.forData());
    assertThat(ab.perThread()).isEqualTo(4 * a.perThread());
    assertThat(ab.forResamples()).isEqualTo(a.forResamples());
  }

  @Test
  void compare_tooManyResamplesForTheHeap_refusedUpFront() {
    assertThatThrownBy(() -> TwoSampleBootstrap.run(new GroupJob("f", "a", data(N, 1)), new GroupJob("f", "b",
        data(N, 2)), List.of(MomentStatistic.mean("x")), BootstrapOptions.builder().seed(1)
        .resamples(BootstrapOptions.MAX_RESAMPLES).build()))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("the run needs about");
  }
}
