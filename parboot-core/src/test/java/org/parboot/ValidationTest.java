package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutionStrategy;
import org.parboot.exec.ExecutorKind;
import org.parboot.eval.EvaluationPlan;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;

/** Options and engine input are checked before any work, with messages naming the option and the bad value. */
class ValidationTest {

  private static final Dataset DATA = Dataset.builder("data.csv").column("x", new double[] {1, 2, 3, 5, 8})
      .column("y", new double[] {2, 2, 4, 1, 0}).build();

  @ParameterizedTest
  @ValueSource(longs = {-5, 0, 1, BootstrapOptions.MAX_RESAMPLES + 1L, Long.MAX_VALUE})
  void build_resamplesOutOfRange_invalidInputNamingIt(long resamples) {
    assertThatThrownBy(() -> BootstrapOptions.builder().resamples(resamples).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("resamples " + resamples + " is out of range; accepted: 2 to "
            + BootstrapOptions.MAX_RESAMPLES);
  }

  @ParameterizedTest
  @ValueSource(longs = {2, 9999, BootstrapOptions.MAX_RESAMPLES})
  void build_resamplesInRange_accepted(long resamples) {
    assertThat(BootstrapOptions.builder().resamples(resamples).build().resamples()).isEqualTo(resamples);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
  void build_levelOutsideOpenUnitInterval_invalidInputNamingIt(double level) {
    assertThatThrownBy(() -> BootstrapOptions.builder().level(level).build()).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("level " + level + " is out of range").hasMessageContaining("strictly between 0 and 1");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, BootstrapOptions.MAX_THREADS + 1})
  void build_threadsOutOfRange_invalidInputNamingIt(int threads) {
    assertThatThrownBy(() -> BootstrapOptions.builder().threads(threads).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("threads " + threads + " is out of range; accepted: 1 to " + BootstrapOptions.MAX_THREADS);
  }

  @Test
  void build_negativeChunkOrNoIntervals_invalidInput() {
    assertThatThrownBy(() -> BootstrapOptions.builder().chunk(-1).build()).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("chunk -1");
    assertThatThrownBy(() -> BootstrapOptions.builder().intervals(List.of()).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("intervals").hasMessageContaining("bca");
  }

  @Test
  void build_defaults_asDocumented() {
    final BootstrapOptions o = BootstrapOptions.builder().build();
    assertThat(o.resamples()).isEqualTo(9999);
    assertThat(o.intervals().level()).isEqualTo(0.95);
    assertThat(o.intervals().methods()).containsExactly(IntervalMethod.BCA);
    assertThat(o.execution().executor()).isEqualTo(ExecutorKind.FORKJOIN);
    assertThat(o.execution().chunk()).isZero();
    assertThat(o.toBuilder().seed(3).build().toBuilder().build().seed()).isEqualTo(3);
  }

  @Test
  void run_tooManyResamplesForHeap_refusedUpFrontNamingResamples() {
    final AtomicInteger calls = new AtomicInteger();
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), OrderStatistic.median("x"),
        Statistic.custom("counted", "x", v -> calls.incrementAndGet()));
    final BootstrapOptions options = BootstrapOptions.builder().resamples(BootstrapOptions.MAX_RESAMPLES).seed(1)
        .build();
    assertThatThrownBy(() -> Bootstrap.run(DATA, stats, options)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("the run needs about").hasMessageContaining("GiB")
        .hasMessageContaining("most of it is " + BootstrapOptions.MAX_RESAMPLES + " resamples x 3 statistic(s)")
        .hasMessageContaining("-Xmx");
    assertThat(calls.get()).as("statistic evaluated before the refusal").isZero();
  }

  @Test
  void run_tooManyThreadsForHeap_refusalBlamesThreadsNotResamples() {
    final double[] x = new double[1_000_000];
    java.util.Arrays.setAll(x, i -> i % 977);
    final Dataset big = Dataset.of("x", x);
    final BootstrapOptions options = BootstrapOptions.builder().resamples(100).seed(1).threads(4096)
        .intervals(java.util.List.of(org.parboot.ci.IntervalMethod.PERCENTILE)).build();
    assertThatThrownBy(() -> Bootstrap.run(big, List.of(OrderStatistic.median("x")), options))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("most of it is 4096 threads x").hasMessageContaining("use fewer threads")
        .hasMessageNotContaining("resamples");
  }

  @Test
  void planBytes_statisticsSharingColumns_oneCopyPerColumnCounted() {
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0),
        MomentStatistic.corr("x", "y"), OrderStatistic.median("x"), OrderStatistic.quantile("y", 0.9),
        Statistic.custom("c", "z", v -> 0));

    // Copies of x and y (moments) and z (custom), 8 bytes a row; sorted values, each row's rank and
    // each rank's row of x and y, 16.
    assertThat(EvaluationPlan.planBytes(stats, 1000)).isEqualTo(3 * 8 * 1000 + 2 * 16 * 1000);
    assertThat(EvaluationPlan.scratchBytes(stats.subList(0, 5), DATA.rows()))
        .isEqualTo(new EvaluationPlan(DATA, stats.subList(0, 5)).scratchBytes());
  }

  @Test
  void run_unknownColumn_listsAvailableColumns() {
    assertThatThrownBy(() -> Bootstrap.run(DATA, List.of(MomentStatistic.corr("x", "temp")),
        BootstrapOptions.builder().seed(1).build())).isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown column 'temp' (used by corr(x, temp)) in data.csv; available: x, y");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void run_fewerThanTwoRows_invalidInput(int rows) {
    final Dataset small = Dataset.builder("small.csv").column("x", new double[rows]).droppedMissing(4).build();
    assertThatThrownBy(() -> Bootstrap.run(small, List.of(MomentStatistic.mean("x")),
        BootstrapOptions.builder().seed(1).build())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 2 observations").hasMessageContaining("small.csv has " + rows);
  }

  @Test
  void run_fewerRowsThanStatisticNeeds_invalidInputNamingIt() {
    final Dataset three = Dataset.of("x", 1, 2, 4);
    assertThatThrownBy(() -> Bootstrap.run(three, List.of(MomentStatistic.kurt("x", false)),
        BootstrapOptions.builder().seed(1).build())).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("kurt(x, bias=false) needs at least 4 observations");
    assertThatThrownBy(() -> Bootstrap.run(three, List.of(MomentStatistic.var("x", 3)),
        BootstrapOptions.builder().seed(1).build())).hasMessageContaining("needs at least 4 observations");
  }

  @Test
  void run_sameStatisticTwiceOrNone_invalidInput() {
    final BootstrapOptions o = BootstrapOptions.builder().seed(1).build();
    assertThatThrownBy(() -> Bootstrap.run(DATA, List.of(MomentStatistic.mean("x"), MomentStatistic.mean("x")), o))
        .isInstanceOf(InvalidInputException.class).hasMessage("statistic mean(x) is asked for twice");
    assertThatThrownBy(() -> Bootstrap.run(DATA, List.of(), o)).isInstanceOf(InvalidInputException.class)
        .hasMessage("no statistic to compute: give at least one statistic");
  }

  @Test
  void parse_unknownExecutorOrInterval_listsAccepted() {
    assertThatThrownBy(() -> ExecutorKind.parse("gpu")).isInstanceOf(InvalidInputException.class)
        .hasMessage("executor 'gpu' is unknown; accepted: serial, queue, pool, forkjoin, virtual");
    assertThatThrownBy(() -> IntervalMethod.parseList("percentile,bootstrap-t"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("intervals 'bootstrap-t' is unknown; accepted: percentile, basic, normal, bca, studentized, all");
    assertThat(IntervalMethod.parseList(" BCa, all")).containsExactly(IntervalMethod.BCA, IntervalMethod.PERCENTILE,
        IntervalMethod.BASIC, IntervalMethod.NORMAL, IntervalMethod.STUDENTIZED);
    assertThat(ExecutorKind.parse(" Virtual ")).isEqualTo(ExecutorKind.VIRTUAL);
  }

  @Test
  void executionStrategy_badThreadsOrChunk_illegalArgument() {
    assertThatThrownBy(() -> new ExecutionStrategy(ExecutorKind.POOL, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThat(new ExecutionStrategy(ExecutorKind.SERIAL, 8).threads()).isEqualTo(1);
  }

  @Test
  void dataset_columnsOfDifferentLengthOrRepeated_invalidInput() {
    assertThatThrownBy(() -> Dataset.builder("d.csv").column("a", new double[3]).column("b", new double[2]).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("d.csv").hasMessageContaining("a=3, b=2");
    assertThatThrownBy(() -> Dataset.builder("d.csv").column("a", new double[3]).column("a", new double[3]))
        .isInstanceOf(InvalidInputException.class).hasMessage("column 'a' given twice in d.csv");
    assertThatThrownBy(() -> DATA.column("z")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("available: x, y");
  }
}
