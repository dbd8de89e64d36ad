package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.ci.NanPolicy;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;

/** What each {@link NanPolicy} makes of a statistic that is NaN on some resamples (and only there). */
class NanPolicyTest {

  private static final Dataset DATA = Dataset.of("x", 1, 2, 3, 4, 5, 6, 7, 8);

  /** NaN when the first two draws are the same row (about 1 resample in 8), never on the data itself. */
  private static final Statistic SOMETIMES_NAN = Statistic.custom("sometimes_nan", "x",
      v -> v[0] == v[1] ? Double.NaN : v[0] + v[1]);

  private static BootstrapResult run(NanPolicy policy) {
    return Bootstrap.run(DATA, List.of(MomentStatistic.mean("x"), SOMETIMES_NAN), BootstrapOptions.builder()
        .resamples(500).seed(3).executor(ExecutorKind.POOL).threads(2).intervals(IntervalMethod.all())
        .nanPolicy(policy).build());
  }

  private static int nanCount(double[] replicates) {
    int c = 0;
    for (double v : replicates) {
      c += Double.isNaN(v) ? 1 : 0;
    }
    return c;
  }

  @Test
  void omit_default_leavesNanOutCountsAndWarns() {
    assertThat(BootstrapOptions.builder().build().nanPolicy()).isEqualTo(NanPolicy.OMIT);
    final StatisticResult s = run(NanPolicy.OMIT).statistics().get(1);
    assertThat(s.nonFinite()).isEqualTo(nanCount(s.replicates())).isBetween(20, 150);
    assertThat(s.standardError()).isFinite();
    assertThat(s.intervals()).allMatch(Interval::defined);
    assertThat(run(NanPolicy.OMIT).warnings()).anyMatch(w -> w.startsWith("sometimes_nan(x): ")
        && w.contains(s.nonFinite() + " of 500 replicates are NaN or infinite and were left out"));
  }

  @Test
  void propagate_anyNan_biasErrorAndIntervalsNanForThatStatisticOnly() {
    final BootstrapResult r = run(NanPolicy.PROPAGATE);
    final StatisticResult mean = r.statistics().get(0);
    final StatisticResult nan = r.statistics().get(1);
    assertThat(mean.intervals()).allMatch(Interval::defined);
    assertThat(mean.standardError()).isFinite();
    assertThat(nan.bias()).isNaN();
    assertThat(nan.standardError()).isNaN();
    assertThat(nan.intervals()).hasSize(IntervalMethod.values().length).noneMatch(Interval::defined);
    assertThat(nan.nonFinite()).isEqualTo(nanCount(nan.replicates()));
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("sometimes_nan(x): ") && w.contains("propagate"));
    // The policy changes the summaries, never the replicates.
    assertThat(nan.replicates()).isEqualTo(run(NanPolicy.OMIT).statistics().get(1).replicates());
  }

  @Test
  void error_anyNan_throwsNamingStatisticCountAndFirstResample() {
    final double[] reps = run(NanPolicy.OMIT).statistics().get(1).replicates();
    int first = 0;
    while (!Double.isNaN(reps[first])) {
      first++;
    }
    final NonFiniteReplicatesException e = catchThrowableOfType(NonFiniteReplicatesException.class,
        () -> run(NanPolicy.ERROR));
    assertThat(e.statistic()).isEqualTo("sometimes_nan(x)");
    assertThat(e.count()).isEqualTo(nanCount(reps));
    assertThat(e.firstResample()).isEqualTo(first);
    assertThat(e.getMessage()).contains("sometimes_nan(x)", e.count() + " of 500", "resample " + first,
        "nanPolicy is error");
    assertThat(e.messageFor("--nan-policy")).contains("--nan-policy is error; accepted: --nan-policy omit");
  }

  /** Statistics are summarised in parallel: the failure thrown must still be the first statistic's. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(ExecutorKind.class)
  void error_severalStatisticsWithNan_theFirstInOrderIsNamed_onEveryExecutor(ExecutorKind kind) {
    final Statistic alsoNan = Statistic.custom("also_nan", "x", v -> v[0] == v[1] ? Double.NaN : v[0] - v[1]);
    final Statistic late = Statistic.custom("late_nan", "x", v -> v[2] == v[3] ? Double.NaN : v[2]);
    for (int repeat = 0; repeat < 20; repeat++) {
      final NonFiniteReplicatesException e = catchThrowableOfType(NonFiniteReplicatesException.class,
          () -> Bootstrap.run(DATA, List.of(MomentStatistic.mean("x"), alsoNan, SOMETIMES_NAN, late),
              BootstrapOptions.builder().resamples(300).seed(11).executor(kind).threads(4)
                  .intervals(IntervalMethod.PERCENTILE).nanPolicy(NanPolicy.ERROR).build()));
      assertThat(e.statistic()).isEqualTo("also_nan(x)");
    }
  }

  @Test
  void error_noNan_sameResultAsOmit() {
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"));
    final BootstrapOptions.Builder b = BootstrapOptions.builder().resamples(200).seed(1);
    assertThat(Bootstrap.run(DATA, stats, b.nanPolicy(NanPolicy.ERROR).build()).statistics().get(0).intervals())
        .isEqualTo(Bootstrap.run(DATA, stats, b.nanPolicy(NanPolicy.OMIT).build()).statistics().get(0).intervals());
  }

  @Test
  void build_nullPolicyOrParseUnknown_invalidInputListingAccepted() {
    assertThatThrownBy(() -> BootstrapOptions.builder().nanPolicy(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> NanPolicy.parse("ignore")).isInstanceOf(InvalidSettingException.class)
        .hasMessage("nanPolicy 'ignore' is unknown; accepted: propagate, omit, error");
    assertThat(NanPolicy.parse(" Propagate ")).isEqualTo(NanPolicy.PROPAGATE);
  }
}
