package org.parboot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.SimdMode;
import org.parboot.eval.EvaluationPlan;
import org.parboot.rng.ResampleStreams;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * The kernel is chosen once per run ({@link ResampleKernel#choose}) and named in the result, with
 * the summation layout; the streamed and the buffered kernels give the same bits.
 */
class KernelChoiceTest {
  private static final Dataset DATA = data();

  private static Dataset data() {
    final java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    final double[] x = new double[1461];
    final double[] y = new double[1461];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 + 3 * r.nextGaussian();
      y[i] = x[i] + r.nextGaussian();
    }
    return Dataset.builder("test").column("x", x).column("y", y).build();
  }

  private static BootstrapResult run(List<Statistic> stats, Scheme scheme, IntervalMethod... methods) {
    return Bootstrap.run(DATA, stats, BootstrapOptions.builder().seed(9).resamples(300).scheme(scheme)
        .intervals(methods.length == 0 ? List.of(IntervalMethod.PERCENTILE) : List.of(methods)).build());
  }

  @Test
  void kernel_iidWithoutStudentized_streamedInBlocksWhateverTheStatistics() {
    final String streamed = "iid draw (scalar) in blocks of 256, row counts, sums (scalar)";
    assertThat(run(List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0)), Scheme.iid()).kernel())
        .isEqualTo(streamed);
    assertThat(run(List.of(MomentStatistic.corr("x", "y"), OrderStatistic.median("x")), Scheme.iid()).kernel())
        .isEqualTo(streamed);
    assertThat(run(List.of(MomentStatistic.mean("x")), Scheme.iid(), IntervalMethod.BCA).layout()).isEqualTo("rows8");
  }

  @Test
  void kernel_otherSchemesOrStudentized_buffered() {
    assertThat(run(List.of(MomentStatistic.mean("x")), Scheme.iid(), IntervalMethod.STUDENTIZED).kernel())
        .isEqualTo("iid draw (scalar) into an index buffer, row counts, sums (scalar)");
    assertThat(run(List.of(MomentStatistic.mean("x")), new Scheme.MovingBlock(BlockLength.of(5))).kernel())
        .startsWith("moving-block(L=5) draw (scalar) into an index buffer, row counts, sums (");
  }

  @Test
  void replicates_streamedAndBuffered_sameBits() {
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0),
        MomentStatistic.skew("x", true), MomentStatistic.corr("x", "y"), OrderStatistic.median("y"));
    final BootstrapResult streamed = run(stats, Scheme.iid());
    // The studentized interval needs the index buffer: the same statistics, buffered.
    final BootstrapResult buffered = run(stats, Scheme.iid(), IntervalMethod.PERCENTILE, IntervalMethod.STUDENTIZED);
    assertThat(streamed.kernel()).contains("blocks");
    assertThat(buffered.kernel()).contains("index buffer");
    for (int s = 0; s < stats.size(); s++) {
      assertThat(streamed.statistics().get(s).replicates()).isEqualTo(buffered.statistics().get(s).replicates());
    }
  }

  @Test
  void poisson_countedKernel_sameBitsAsTheIndexBuffer() {
    // A custom statistic needs the draws: the same statistics with one are buffered.
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 1),
        MomentStatistic.corr("x", "y"), OrderStatistic.median("y"), OrderStatistic.trimmedMean("x", 0.1));
    final List<Statistic> withCustom = new java.util.ArrayList<>(stats);
    withCustom.add(Statistic.custom("max", "x", v -> java.util.Arrays.stream(v).max().orElseThrow()));
    for (SimdMode simd : new SimdMode[] {SimdMode.NEVER, SimdMode.ALWAYS}) {
      final BootstrapResult counted = Bootstrap.run(DATA, stats, BootstrapOptions.builder().seed(5).resamples(200)
          .scheme(new Scheme.Poisson()).simd(simd).intervals(List.of(IntervalMethod.PERCENTILE)).build());
      final BootstrapResult buffered = Bootstrap.run(DATA, withCustom, BootstrapOptions.builder().seed(5).resamples(200)
          .scheme(new Scheme.Poisson()).simd(SimdMode.NEVER).intervals(List.of(IntervalMethod.PERCENTILE)).build());
      assertThat(counted.kernel()).startsWith("poisson counts (" + (simd == SimdMode.ALWAYS ? "vector" : "scalar"));
      assertThat(buffered.kernel()).startsWith("poisson draw (scalar) into an index buffer");
      for (int s = 0; s < stats.size(); s++) {
        assertThat(counted.statistics().get(s).replicates()).as("%s %s", simd, stats.get(s).label())
            .isEqualTo(buffered.statistics().get(s).replicates());
      }
    }
  }

  private static BootstrapResult run(List<Statistic> stats, SimdMode simd, ExecutorKind executor,
      IntervalMethod... methods) {
    return Bootstrap.run(DATA, stats, BootstrapOptions.builder().seed(9).resamples(300).simd(simd).executor(executor)
        .threads(3).intervals(List.of(methods)).build());
  }

  @Test
  void simd_auto_smallRunScalar_always_simdWhereTheJvmHasIt_never_scalar() {
    final List<Statistic> mean = List.of(MomentStatistic.mean("x"));
    // Core's tests run with the Vector API: ALWAYS gets each SIMD kernel the CPU has.
    final String draw = ResampleStreams.drawImplementation(true);
    final String sums = EvaluationPlan.sumsImplementation(true);
    assertThat(run(mean, SimdMode.ALWAYS, ExecutorKind.SERIAL, IntervalMethod.PERCENTILE).kernel())
        .isEqualTo("iid draw (" + draw + ") in blocks of 256, row counts, sums (" + sums + ")");
    assertThat(run(mean, SimdMode.ALWAYS, ExecutorKind.SERIAL, IntervalMethod.STUDENTIZED).kernel())
        .isEqualTo("iid draw (" + draw + ") into an index buffer, row counts, sums (" + sums + ")");
    assertThat(draw).startsWith("vector (");
    for (SimdMode m : new SimdMode[] {SimdMode.AUTO, SimdMode.NEVER}) {
      assertThat(run(mean, m, ExecutorKind.SERIAL, IntervalMethod.PERCENTILE).kernel()).as(m.toString())
          .isEqualTo("iid draw (scalar) in blocks of 256, row counts, sums (scalar)");
    }
  }

  @Test
  void simd_auto_decidedByTheRunsDraws_nestedBootstrapCounted() {
    final BootstrapOptions.Builder b = BootstrapOptions.builder().resamples(1000).intervals(IntervalMethod.PERCENTILE);
    final List<Sample> one = List.of(new Sample("", DATA, 1));
    final List<Statistic> mean = List.of(MomentStatistic.mean("x"));
    final List<Statistic> median = List.of(OrderStatistic.median("x"));
    assertThat(Engine.draws(one, mean, b.build())).isEqualTo(1000L * 1461);
    assertThat(Engine.draws(List.of(new Sample("a", DATA, 1), new Sample("b", DATA, 2)), mean, b.build()))
        .isEqualTo(2000L * 1461);
    // The mean has an analytic standard error; the median's studentized interval draws 50 inner resamples each.
    b.intervals(IntervalMethod.STUDENTIZED);
    assertThat(Engine.draws(one, mean, b.build())).isEqualTo(1000L * 1461);
    assertThat(Engine.draws(one, median, b.build())).isEqualTo(1000L * 1461 * 51);
    assertThat(SimdMode.AUTO.wants(SimdMode.AUTO_MIN_DRAWS - 1)).isFalse();
    assertThat(SimdMode.AUTO.wants(SimdMode.AUTO_MIN_DRAWS)).isTrue();
    assertThat(SimdMode.NEVER.wants(Long.MAX_VALUE)).isFalse();
    assertThat(SimdMode.ALWAYS.wants(0)).isTrue();
  }

  /** Every kernel, SIMD or not, on every executor: the same bits as the scalar serial run. */
  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void replicates_simdOrScalar_sameBitsOnEveryExecutor(ExecutorKind executor) {
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), MomentStatistic.kurt("x", false),
        MomentStatistic.corr("x", "y"), MomentStatistic.ratio("x", "y"), OrderStatistic.median("y"),
        Statistic.custom("max", "x", v -> java.util.Arrays.stream(v).max().orElseThrow()));
    final BootstrapResult reference = run(stats, SimdMode.NEVER, ExecutorKind.SERIAL, IntervalMethod.PERCENTILE);
    for (SimdMode m : SimdMode.values()) {
      for (IntervalMethod[] methods : new IntervalMethod[][] {{IntervalMethod.PERCENTILE},
          {IntervalMethod.PERCENTILE, IntervalMethod.STUDENTIZED}}) {
        final BootstrapResult r = run(stats, m, executor, methods);
        for (int s = 0; s < stats.size(); s++) {
          assertThat(r.statistics().get(s).replicates()).as("%s, %s, %s", m, r.kernel(), stats.get(s).label())
              .isEqualTo(reference.statistics().get(s).replicates());
        }
      }
    }
  }
}
