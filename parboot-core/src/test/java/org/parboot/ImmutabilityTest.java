package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parboot.ci.Distribution;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.resample.IndexBuffer;
import org.parboot.resample.StratifiedResampler;
import org.parboot.stat.EvaluationPlan;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/**
 * Results and data are immutable: what the public API hands out is a copy or read-only, and what
 * it is given is copied in, so no caller can change a result, a dataset or the inputs of an
 * interval after the fact.
 */
class ImmutabilityTest {

  private static final Dataset DATA = Dataset.builder("data.csv")
      .column("x", new double[] {2.1, 3.4, 1.9, 5.6, 4.4, 3.8, 2.7, 6.1, 4.0, 3.3})
      .column("y", new double[] {1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0}).build();
  private static final List<Statistic> STATS = List.of(MomentStatistic.mean("x"), OrderStatistic.median("x"));

  private static BootstrapResult run() {
    return Bootstrap.run(DATA, STATS, BootstrapOptions.builder().resamples(500).seed(5)
        .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA, IntervalMethod.STUDENTIZED).build());
  }

  @Test
  void replicates_mutatedCopy_resultAndItsIntervalsUnchanged() {
    final BootstrapResult result = run();
    final StatisticResult mean = result.statistics().get(0);
    final double[] before = mean.replicates();

    final double[] handedOut = mean.replicates();
    Arrays.fill(handedOut, 1000);

    assertThat(mean.replicates()).isEqualTo(before).isNotSameAs(handedOut);
    assertThat(mean.replicate(0)).isEqualTo(before[0]);
    assertThat(mean.resamples()).isEqualTo(500);
    assertThat(mean).isEqualTo(run().statistics().get(0));
    // The intervals recomputed from what the result hands out now are the ones it reports.
    final Interval bca = IntervalMethod.BCA.interval(new Distribution(mean.replicates(), mean.observed()), 0.95,
        new EvaluationPlan(DATA, List.of(mean.statistic())).jackknife()[0], new ArrayList<>());
    assertThat(mean.intervals().get(1)).isEqualTo(bca);
  }

  @Test
  void constructor_mutatedInputArray_resultUnchanged() {
    final double[] reps = {1, 2, 3};
    final StatisticResult r = new StatisticResult(MomentStatistic.mean("x"), 2, 0, 1, List.of(), 0, reps);

    reps[0] = 1000;

    assertThat(r.replicates()).containsExactly(1, 2, 3);
    assertThat(r).isEqualTo(new StatisticResult(MomentStatistic.mean("x"), 2, 0, 1, List.of(), 0, new double[] {1, 2, 3}))
        .hasSameHashCodeAs(new StatisticResult(MomentStatistic.mean("x"), 2, 0, 1, List.of(), 0, new double[] {1, 2, 3}));
    assertThat(r.toString()).contains("mean(x)", "resamples=3").doesNotContain("1000");
  }

  @Test
  void distribution_mutatedInputArray_intervalsUnchanged() {
    final double[] reps = {3.1, 2.9, 3.4, 2.2, 3.8, 3.0, 2.7};
    final double[] se = {0.3, 0.2, 0.4, 0.3, 0.5, 0.2, 0.3};
    final Distribution d = new Distribution(reps, 3.0);
    final IntervalInputs in = IntervalInputs.none().withStandardErrors(se, 0.3);
    final Interval studentized = IntervalMethod.STUDENTIZED.interval(d, 0.9, in, new ArrayList<>());
    final Interval percentile = IntervalMethod.PERCENTILE.interval(d, 0.9, in, new ArrayList<>());

    Arrays.fill(reps, 1000);
    Arrays.fill(se, 1000);

    assertThat(IntervalMethod.STUDENTIZED.interval(d, 0.9, in, new ArrayList<>())).isEqualTo(studentized);
    assertThat(IntervalMethod.PERCENTILE.interval(d, 0.9, in, new ArrayList<>())).isEqualTo(percentile);
  }

  @Test
  void intervalInputs_mutatedArrays_unchanged() {
    final double[] jackknife = {1, 2, 4};
    final IntervalInputs in = IntervalInputs.ofJackknife(jackknife).withStandardErrors(new double[] {0.5}, 0.1);

    jackknife[0] = 1000;
    in.jackknife().get(0)[1] = 1000;
    in.replicateSe()[0] = 1000;

    assertThat(in.jackknife()).singleElement().isEqualTo(new double[] {1, 2, 4});
    assertThat(in.replicateSe()).containsExactly(0.5);
    assertThat(in).isEqualTo(new IntervalInputs(List.of(new double[] {1, 2, 4}), new double[] {0.5}, 0.1));
  }
}
