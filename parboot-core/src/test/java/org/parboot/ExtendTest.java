package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.RunControl;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Fixtures;

/**
 * Extending saved replicates ({@link Bootstrap#extend}): only the new resamples are computed, and
 * the result is the direct run with the larger B, bit for bit, on every executor and scheme; the
 * saved run's {@link Fingerprint} must match, and a mismatch names what differs.
 */
class ExtendTest {
  private static final List<Statistic> STATS = List.of(MomentStatistic.mean("x"), OrderStatistic.median("x"));

  private static BootstrapOptions.Builder options(Scheme scheme) {
    return BootstrapOptions.builder().seed(5).scheme(scheme).intervals(IntervalMethod.PERCENTILE, IntervalMethod.BASIC,
        IntervalMethod.NORMAL, IntervalMethod.BCA);
  }

  private static SavedReplicates save(BootstrapResult r) {
    final double[] observed = r.statistics().stream().mapToDouble(StatisticResult::observed).toArray();
    final double[][] reps = r.statistics().stream().map(StatisticResult::replicates).toArray(double[][]::new);
    return new SavedReplicates(r.fingerprint(), observed, reps,
        r.statistics().stream().map(s -> s.statistic().columns()).toList());
  }

  static Stream<Arguments> cases() {
    return Stream.of(ExecutorKind.values()).flatMap(e -> Stream.of(Arguments.of(e, Scheme.iid()),
        Arguments.of(e, new Scheme.Stationary(BlockLength.auto())), Arguments.of(e, new Scheme.Poisson())));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void extendedRun_isTheDirectRunWithTheLargerB_bitForBit(ExecutorKind executor, Scheme scheme) {
    final Dataset data = Fixtures.dataset("skewed");
    final BootstrapResult small = Bootstrap.run(data, STATS, options(scheme).resamples(300).build());
    final BootstrapOptions larger = options(scheme).resamples(1100).executor(executor)
        .threads(executor == ExecutorKind.SERIAL ? 1 : 3).build();
    final BootstrapResult extended = Bootstrap.extend(data, STATS, larger, save(small), RunControl.create());
    final BootstrapResult direct = Bootstrap.run(data, STATS, options(scheme).resamples(1100).build());
    for (int s = 0; s < STATS.size(); s++) {
      assertThat(extended.statistics().get(s).replicates()).isEqualTo(direct.statistics().get(s).replicates());
      assertThat(extended.statistics().get(s).intervals()).isEqualTo(direct.statistics().get(s).intervals());
    }
    assertThat(extended.fingerprint()).isEqualTo(direct.fingerprint()).isEqualTo(small.fingerprint());
  }

  @Test
  void mismatchedFingerprint_isRefusedNamingWhatDiffers() {
    final Dataset data = Fixtures.dataset("skewed");
    final SavedReplicates saved = save(Bootstrap.run(data, STATS, options(Scheme.iid()).resamples(300).build()));
    assertThatThrownBy(() -> Bootstrap.extend(data, STATS, options(Scheme.iid()).seed(6).resamples(600).build(), saved,
        RunControl.create())).isInstanceOf(InvalidInputException.class)
        .hasMessage("the saved replicates were made by another run: seed: the file's 5, this run's 6");
    final double[] x = data.column("x");
    x[3] += 1e-9;
    assertThatThrownBy(() -> Bootstrap.extend(Dataset.of("x", x), STATS, options(Scheme.iid()).resamples(600).build(),
        saved, RunControl.create())).isInstanceOf(InvalidInputException.class).hasMessageContaining("data: the file's sha256:");
    assertThatThrownBy(() -> Bootstrap.extend(data, List.of(MomentStatistic.mean("x")),
        options(Scheme.iid()).resamples(600).build(), saved, RunControl.create()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("statistics: the file's mean(x), median(x), this run's mean(x)");
    assertThatThrownBy(() -> Bootstrap.extend(data, STATS, options(new Scheme.CircularBlock(new BlockLength.Fixed(4)))
        .resamples(600).build(), saved, RunControl.create())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scheme: the file's iid, this run's circular-block(L=4)");
  }

  @Test
  void extend_needsMoreResamples_andRefusesWhatAFileCannotContinue() {
    final Dataset data = Fixtures.dataset("skewed");
    final SavedReplicates saved = save(Bootstrap.run(data, STATS, options(Scheme.iid()).resamples(300).build()));
    assertThatThrownBy(() -> Bootstrap.extend(data, STATS, options(Scheme.iid()).resamples(300).build(), saved,
        RunControl.create())).isInstanceOf(InvalidSettingException.class).hasMessageContaining("more than 300");
    assertThatThrownBy(() -> Bootstrap.extend(data, STATS, options(Scheme.iid()).resamples(600)
        .intervals(IntervalMethod.STUDENTIZED).build(), saved, RunControl.create()))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("standard error");
  }

  @Test
  void fingerprint_ignoresWhatChangesNoReplicate() {
    final Dataset data = Fixtures.dataset("skewed");
    final Fingerprint a = Bootstrap.run(data, STATS, options(Scheme.iid()).resamples(100).build()).fingerprint();
    final Fingerprint b = Bootstrap.run(data, STATS, options(Scheme.iid()).resamples(200).level(0.9)
        .executor(ExecutorKind.QUEUE).intervals(IntervalMethod.PERCENTILE).build()).fingerprint();
    assertThat(a).isEqualTo(b);
    assertThat(a.data()).matches("sha256:[0-9a-f]{32}");
  }
}
