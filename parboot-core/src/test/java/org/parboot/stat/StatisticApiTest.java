package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticFailedException;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.testing.Runs;

/**
 * The Java API's ways to say which statistics: {@code Statistic.on(columns)} naming the columns
 * once, {@code Statistic.of(name, fn)} for a function of one column, and vector statistics whose
 * function runs once per resample for all its outputs.
 */
class StatisticApiTest {
  private static final int B = 300;

  private static BootstrapOptions options(ExecutorKind kind) {
    return BootstrapOptions.builder().resamples(B).seed(5).executor(kind).threads(3)
        .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA).build();
  }

  @Test
  void on_namesTheColumnsOnce_asTheCommandLineDoes() {
    final ColumnFunction range = Statistic.of("range", v -> Arrays.stream(v).max().orElseThrow()
        - Arrays.stream(v).min().orElseThrow());
    final List<Statistic> list = Statistic.on("x", "y").spec("mean", "std / mean").with(range)
        .rows("sum_xy", c -> c[0][0] * c[1][0]).list();
    assertThat(list).extracting(Statistic::label).containsExactly("mean(x)", "mean(y)",
        "std(x, ddof=1) / mean(x)", "std(y, ddof=1) / mean(y)", "range(x)", "range(y)", "sum_xy(x, y)");
    assertThat(range.on("z").label()).isEqualTo("range(z)");
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void vector_onePerResampleForAllOutputs_sameValuesAsSeparateFunctions(ExecutorKind kind) {
    final AtomicLong calls = new AtomicLong();
    final Dataset data = Runs.twoColumns(120);
    final List<Statistic> vector = Statistic.on("x").vector("minmax", List.of("min", "max"), c -> {
      calls.incrementAndGet();
      return new double[] {Arrays.stream(c[0]).min().orElseThrow(), Arrays.stream(c[0]).max().orElseThrow()};
    }).list();
    assertThat(vector).extracting(Statistic::label).containsExactly("minmax(x)[min]", "minmax(x)[max]");
    final BootstrapResult r = Bootstrap.run(data, vector, options(kind));
    assertThat(calls.get()).as("the data once, each resample once, the jackknife n times").isEqualTo(1 + B + 120);
    final BootstrapResult separate = Bootstrap.run(data, List.of(OrderStatistic.min("x"), OrderStatistic.max("x")),
        options(ExecutorKind.SERIAL));
    for (int s = 0; s < 2; s++) {
      assertThat(r.statistics().get(s).replicates()).isEqualTo(separate.statistics().get(s).replicates());
    }
  }

  @Test
  void vector_ofAnotherSize_failsNamingTheStatistic() {
    final List<Statistic> bad = Statistic.vector("two", List.of("x"), List.of("a", "b"), c -> new double[] {1});
    assertThatThrownBy(() -> Bootstrap.run(Runs.twoColumns(30), bad, options(ExecutorKind.SERIAL)))
        .isInstanceOf(StatisticFailedException.class).hasStackTraceContaining("declared 2 outputs and returned 1 values");
    assertThatThrownBy(() -> Statistic.vector("dup", List.of("x"), List.of("a", "a"), c -> new double[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
