package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.exec.ExecutorKind;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Fixtures;

/**
 * Adaptive B ({@link BootstrapOptions.Adaptive}): B doubles until every endpoint's Monte Carlo
 * error is below the target, each round computing only its new resamples, and the result is the
 * fixed run with the final B, bit for bit, on every executor, scheme and interval method.
 */
class AdaptiveResamplesTest {
  private static final List<Statistic> STATS = List.of(MomentStatistic.mean("x"), OrderStatistic.median("x"));

  static Stream<Arguments> cases() {
    return Stream.of(ExecutorKind.values()).flatMap(e -> Stream.of(Arguments.of(e, Scheme.iid()),
        Arguments.of(e, new Scheme.Stationary(BlockLength.auto()))));
  }

  private static BootstrapOptions.Builder base() {
    return BootstrapOptions.builder().seed(17).resamples(250).innerResamples(10)
        .intervals(IntervalMethod.values());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void adaptiveRun_isTheFixedRunWithTheFinalB_bitForBit(ExecutorKind executor, Scheme scheme) {
    final BootstrapOptions auto = base().scheme(scheme).executor(executor).threads(executor == ExecutorKind.SERIAL ? 1 : 3)
        .adaptive(new BootstrapOptions.Adaptive(0.1, true, 40_000)).build();
    final BootstrapResult adaptive = Bootstrap.run(Fixtures.dataset("skewed"), STATS, auto);
    final int b = adaptive.options().resamples();
    assertThat(adaptive.growth().met()).as(adaptive.growth().reason(adaptive.options())).isTrue();
    assertThat(b).isEqualTo(250 << adaptive.growth().doublings()).isGreaterThan(250);
    final BootstrapResult fixed = Bootstrap.run(Fixtures.dataset("skewed"), STATS,
        base().scheme(scheme).executor(ExecutorKind.SERIAL).resamples(b).build());
    for (int s = 0; s < STATS.size(); s++) {
      final StatisticResult a = adaptive.statistics().get(s);
      final StatisticResult f = fixed.statistics().get(s);
      assertThat(a.replicates()).isEqualTo(f.replicates());
      assertThat(a.intervals()).isEqualTo(f.intervals());
      assertThat(a.standardError()).isEqualTo(f.standardError());
      // met: every endpoint's error is below 10% of the standard error
      for (Interval i : a.intervals()) {
        for (double e : new double[] {i.lowError(), i.highError()}) {
          assertThat(Double.isNaN(e) || e < 0.1 * a.standardError()).as(i.method().spelling()).isTrue();
        }
      }
    }
  }

  @Test
  void beforeTheLastDoubling_theTargetWasNotMet() {
    final BootstrapOptions.Adaptive target = new BootstrapOptions.Adaptive(0.05, true, 100_000);
    final BootstrapResult r = Bootstrap.run(Fixtures.dataset("skewed"), STATS,
        base().intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA).adaptive(target).build());
    final int half = r.options().resamples() / 2;
    final BootstrapResult before = Bootstrap.run(Fixtures.dataset("skewed"), STATS,
        base().intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA).resamples(half).build());
    final boolean metBefore = before.statistics().stream().allMatch(s -> s.intervals().stream()
        .allMatch(i -> !(i.lowError() >= 0.05 * s.standardError()) && !(i.highError() >= 0.05 * s.standardError())));
    assertThat(metBefore).isFalse();
    assertThat(r.growth().reason(r.options())).startsWith("every endpoint's Monte Carlo error is below 5% of the standard error");
  }

  @Test
  void maximumReached_saysSoAndStopsThere() {
    final BootstrapResult r = Bootstrap.run(Fixtures.dataset("skewed"), STATS,
        base().adaptive(new BootstrapOptions.Adaptive(1e-6, false, 1000)).build());
    assertThat(r.options().resamples()).isEqualTo(1000); // 250, 500, 1000
    assertThat(r.growth().doublings()).isEqualTo(2);
    assertThat(r.growth().met()).isFalse();
    assertThat(r.growth().reason(r.options())).startsWith("B reached its maximum, 1000, before every endpoint's");
  }

  @Test
  void balancedScheme_andABadTarget_areRefused() {
    assertThatThrownBy(() -> base().scheme(new Scheme.Balanced())
        .adaptive(new BootstrapOptions.Adaptive(0.01, true, 10_000)).build())
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("its resamples depend on B");
    assertThatThrownBy(() -> new BootstrapOptions.Adaptive(1.5, true, 10_000))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("a percentage above 0 and below 100");
    assertThatThrownBy(() -> base().resamples(5000).adaptive(new BootstrapOptions.Adaptive(0.01, false, 1000)).build())
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("below the first round's 5000 resamples");
  }
}
