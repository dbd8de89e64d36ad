package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.TwoSampleBootstrap;
import org.parboot.batch.GroupJob;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.eval.EvaluationPlan;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.SimdMode;
import org.parboot.spec.StatisticSpec;
import org.parboot.testing.Runs;

/**
 * Expressions in the engine: each replicate is the expression of its parts' replicates, bit for
 * bit, on every executor, SIMD or not (the parts are evaluated in the same pass, by the same
 * kernels, as they would be alone); the jackknife, so BCa, is the expression of the parts'
 * leave-one-out values; a part asked for twice is evaluated once.
 */
class ExpressionStatisticTest {
  private static final int B = 400;

  private static final List<String> SPECS = List.of("std / mean", "(quantile(0.75) - quantile(0.25)) / median",
      "mean(x) - mean(y) * 2", "sqrt(abs(corr(x, y))) + log(trimmed_mean(0.1)) ^ 2", "-exp(skew / 10)");

  private static List<Statistic> expressions() {
    final List<Statistic> out = new ArrayList<>();
    for (String spec : SPECS) {
      out.addAll(StatisticSpec.parse(spec, List.of("x")));
    }
    return out;
  }

  private static BootstrapOptions options(ExecutorKind kind, SimdMode simd, IntervalMethod... methods) {
    return BootstrapOptions.builder().resamples(B).seed(11).executor(kind).threads(3).simd(simd)
        .intervals(methods).build();
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void replicates_areTheExpressionOfThePartsReplicates_bitForBit(ExecutorKind kind) {
    final Dataset data = Runs.twoColumns(301);
    for (SimdMode simd : new SimdMode[] {SimdMode.NEVER, SimdMode.ALWAYS}) {
      final List<Statistic> exprs = expressions();
      final BootstrapResult fused = Bootstrap.run(data, exprs, options(kind, simd, IntervalMethod.PERCENTILE));
      for (int e = 0; e < exprs.size(); e++) {
        final ExpressionStatistic x = (ExpressionStatistic) exprs.get(e);
        // The parts alone, in a run of their own on the serial executor.
        final BootstrapResult alone = Bootstrap.run(data, x.parts(), options(ExecutorKind.SERIAL, SimdMode.NEVER,
            IntervalMethod.PERCENTILE));
        final StatisticResult r = fused.statistics().get(e);
        final double[] parts = new double[x.parts().size()];
        for (int b = 0; b < B; b++) {
          for (int p = 0; p < parts.length; p++) {
            parts[p] = alone.statistics().get(p).replicate(b);
          }
          assertThat(Double.doubleToRawLongBits(r.replicate(b))).as("%s resample %d (%s, %s)", x.label(), b, kind, simd)
              .isEqualTo(Double.doubleToRawLongBits(x.expression().value(parts)));
        }
        final double[] observed = new double[parts.length];
        for (int p = 0; p < parts.length; p++) {
          observed[p] = alone.statistics().get(p).observed();
        }
        assertThat(r.observed()).isEqualTo(x.expression().value(observed));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void bca_ofStdOverMean_isCvsBitForBit(ExecutorKind kind) {
    // cv computes std / mean in the same arithmetic, so the expression and the built-in agree in
    // every replicate and every leave-one-out value: the same BCa interval.
    final Dataset data = Runs.twoColumns(257);
    final List<Statistic> stats = new ArrayList<>(StatisticSpec.parse("std/mean", List.of("x")));
    stats.add(MomentStatistic.cv("x", 1));
    final BootstrapResult r = Bootstrap.run(data, stats, options(kind, SimdMode.AUTO, IntervalMethod.values()));
    assertThat(r.statistics().get(0).intervals()).isEqualTo(r.statistics().get(1).intervals());
    assertThat(r.statistics().get(0).standardError()).isEqualTo(r.statistics().get(1).standardError());
  }

  @Test
  void jackknife_isTheExpressionOfThePartsLeaveOneOutValues() {
    final Dataset data = Runs.twoColumns(97);
    final ExpressionStatistic e = (ExpressionStatistic) StatisticSpec.parse("quantile(0.9) / std - mean(y)",
        List.of("x")).get(0);
    final double[][] parts = new EvaluationPlan(data, e.parts()).jackknife();
    final double[] expression = new EvaluationPlan(data, List.of(e)).jackknife()[0];
    for (int i = 0; i < data.rows(); i++) {
      assertThat(expression[i]).isEqualTo(e.expression().value(parts[0][i], parts[1][i], parts[2][i]));
    }
  }

  @Test
  void customPart_sharedWithTheSameStatisticAlone_evaluatedOncePerResampleAndNTimesInTheJackknife() {
    final AtomicLong calls = new AtomicLong();
    final Statistic counted = Statistic.custom("counted_max", "x", v -> {
      calls.incrementAndGet();
      double m = Double.NEGATIVE_INFINITY;
      for (double d : v) {
        m = Math.max(m, d);
      }
      return m;
    });
    final ExpressionStatistic e = new ExpressionStatistic("counted_max / mean", "counted_max / mean",
        new Expression.Binary(Expression.Operator.DIVIDE, new Expression.Part(0), new Expression.Part(1)),
        List.of(counted, MomentStatistic.mean("x")));
    final Dataset data = Runs.twoColumns(150);
    final BootstrapResult r = Bootstrap.run(data, List.of(counted, e),
        options(ExecutorKind.POOL, SimdMode.AUTO, IntervalMethod.BCA));
    assertThat(calls.get()).isEqualTo(1 + B + 150);
    final StatisticResult mean = Bootstrap.run(data, List.of(MomentStatistic.mean("x")),
        options(ExecutorKind.SERIAL, SimdMode.AUTO, IntervalMethod.PERCENTILE)).statistics().get(0);
    for (int b = 0; b < B; b++) {
      assertThat(r.statistics().get(1).replicate(b)).isEqualTo(r.statistics().get(0).replicate(b) / mean.replicate(b));
    }
  }

  @Test
  void compare_expression_isTheDifferenceOfTheArmsExpressions() {
    final Dataset a = Runs.twoColumns(120);
    final Dataset b = Runs.twoColumns(90);
    final List<Statistic> stats = StatisticSpec.parse("std / mean", List.of("x"));
    final GroupJob ja = new GroupJob("f", "a", a);
    final GroupJob jb = new GroupJob("f", "b", b);
    final var diff = TwoSampleBootstrap.run(ja, jb, stats, options(ExecutorKind.FORKJOIN, SimdMode.AUTO,
        IntervalMethod.BCA, IntervalMethod.PERCENTILE));
    final var cv = TwoSampleBootstrap.run(ja, jb, List.of(MomentStatistic.cv("x", 1)),
        options(ExecutorKind.FORKJOIN, SimdMode.AUTO, IntervalMethod.BCA, IntervalMethod.PERCENTILE));
    assertThat(diff.result().statistics().get(0).intervals()).isEqualTo(cv.result().statistics().get(0).intervals());
  }
}
