package org.parboot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.BootstrapResult;
import org.parboot.CancelledException;
import org.parboot.InvalidInputException;
import org.parboot.exec.ExecutorKind;

class TimingTest {

  @Test
  void run_everyExecutor_bitIdenticalAndCountsRight() {
    final List<TimingConfig> configs = new ArrayList<>(
        TimingConfig.grid(Arrays.asList(ExecutorKind.values()), List.of(3)));
    configs.add(new TimingConfig(ExecutorKind.QUEUE, 8));
    final TimingPlan plan = new TimingPlan(Fixtures.data(), Fixtures.tutorialStatistics(), Fixtures.options(7),
        configs, 1, 2);
    final List<int[]> progress = new ArrayList<>();

    final TimingResult t = Timing.of(plan).onProgress((done, total) -> progress.add(new int[] {done, total})).run();

    assertThat(t.configs()).containsExactlyElementsOf(configs);
    assertThat(t.baseline()).isEqualTo(TimingConfig.serial());
    assertThat(t.resamples()).isEqualTo(Fixtures.B);
    assertThat(t.warmups()).isEqualTo(1);
    assertThat(t.runsPerConfig()).isEqualTo(2);
    for (StrategyTiming s : t.strategies()) {
      assertThat(s.runs()).hasSize(2);
      assertThat(s.min()).isLessThanOrEqualTo(s.median());
      assertThat(s.median()).isLessThanOrEqualTo(s.max());
      assertThat(s.resamplesPerSecond()).isPositive();
    }
    assertThat(t.strategy(TimingConfig.serial()).speedup()).isEqualTo(1.0);
    assertThat(progress).hasSize(plan.totalRuns()).hasSize(18);
    assertThat(progress.get(17)).containsExactly(18, 18);
    // Any run's replicates equal a plain run's.
    final BootstrapResult plain = Bootstrap.run(Fixtures.data(), Fixtures.tutorialStatistics(), Fixtures.options(7));
    Timing.checkIdentical(TimingConfig.serial(), plain, configs.get(configs.size() - 1), t.last());
  }

  @Test
  void checkIdentical_differentSeed_throwsNamingBothConfigurations() {
    final BootstrapResult a = Bootstrap.run(Fixtures.data(), Fixtures.tutorialStatistics(), Fixtures.options(1));
    final BootstrapResult b = Bootstrap.run(Fixtures.data(), Fixtures.tutorialStatistics(), Fixtures.options(2));
    final TimingConfig pool = new TimingConfig(ExecutorKind.POOL, 4);

    assertThatThrownBy(() -> Timing.checkIdentical(TimingConfig.serial(), a, pool, b))
        .isInstanceOfSatisfying(ReproducibilityException.class, e -> {
          assertThat(e.reference()).isEqualTo(TimingConfig.serial());
          assertThat(e.differing()).isEqualTo(pool);
          assertThat(e.statistic()).isEqualTo("mean(temp_max)");
          assertThat(e.resample()).isZero();
        })
        .hasMessageContaining("serial").hasMessageContaining("pool x4").hasMessageContaining("mean(temp_max)");
  }

  @Test
  void run_cancelledFromProgress_throwsCancelled() {
    final TimingPlan plan = new TimingPlan(Fixtures.data(), Fixtures.tutorialStatistics(), Fixtures.options(7),
        TimingConfig.tutorial(2), 0, 3);
    final Timing timing = Timing.of(plan);
    final int[] calls = {0};
    timing.onProgress((done, total) -> {
      calls[0]++;
      timing.cancel();
    });

    assertThatThrownBy(timing::run).isInstanceOf(CancelledException.class).hasMessageContaining("after 1 of 15");
    assertThat(calls[0]).isEqualTo(1);
    assertThat(timing.isCancelled()).isTrue();
  }

  @Test
  void of_noSerial_speedupOverFirstAndEvenMedian() {
    final BootstrapResult last = Bootstrap.run(Fixtures.data(), Fixtures.tutorialStatistics(), Fixtures.options(1));
    final TimingConfig pool = new TimingConfig(ExecutorKind.POOL, 2);
    final TimingConfig fj = new TimingConfig(ExecutorKind.FORKJOIN, 2);

    final TimingResult t = TimingResult.of(List.of(pool, fj),
        List.of(List.of(ms(40), ms(10), ms(30), ms(20)), List.of(ms(5), ms(15))), 0, last);

    assertThat(t.baseline()).isEqualTo(pool);
    assertThat(t.strategy(pool).median()).isEqualTo(ms(25));
    assertThat(t.strategy(pool).min()).isEqualTo(ms(10));
    assertThat(t.strategy(pool).max()).isEqualTo(ms(40));
    assertThat(t.strategy(fj).speedup()).isEqualTo(2.5);
    assertThat(t.strategy(fj).resamplesPerSecond()).isEqualTo(20_000.0);
  }

  @Test
  void run_seedDrawnAtRandom_everyConfigurationUsesIt() {
    final org.parboot.BootstrapOptions drawn = org.parboot.BootstrapOptions.builder().resamples(50).build();
    final TimingPlan plan = new TimingPlan(Fixtures.data(), Fixtures.tutorialStatistics(), drawn,
        List.of(TimingConfig.serial(), new TimingConfig(ExecutorKind.POOL, 2)), 0, 1);

    final TimingResult t = Timing.of(plan).run(); // would throw ReproducibilityException if reseeded

    assertThat(t.last().options().seed()).isEqualTo(drawn.seed());
    assertThat(t.last().options().seedGiven()).isFalse();
  }

  @Test
  void timingPlan_badValues_throwNamingTheOption() {
    final List<TimingConfig> configs = List.of(TimingConfig.serial());
    assertThatThrownBy(() -> new TimingPlan(Fixtures.data(), Fixtures.tutorialStatistics(), Fixtures.options(1),
        configs, 0, 0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("--runs 0");
    assertThatThrownBy(() -> new TimingPlan(Fixtures.data(), Fixtures.tutorialStatistics(), Fixtures.options(1),
        List.of(TimingConfig.serial(), new TimingConfig(ExecutorKind.SERIAL, 4)), 0, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("repeat");
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
