package org.parboot.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.CancelledException;
import org.parboot.InvalidInputException;
import org.parboot.StatisticResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.RunControl;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Fixtures;

class GroupedBootstrapTest {
  private static final List<Statistic> STATS = List.of(MomentStatistic.mean("temp_max"), OrderStatistic.median("temp_max"),
      MomentStatistic.std("temp_max", 1));

  private static Dataset city(String name, int rows) {
    final List<String> row = Fixtures.rows("groups_data.csv").stream().filter(r -> r.get(0).equals(name)).findFirst()
        .orElseThrow();
    return Dataset.builder(name).column("temp_max", java.util.Arrays.copyOf(Fixtures.doubles(row, 2), rows)).build();
  }

  private static List<GroupJob> jobs() {
    return List.of(new GroupJob("weather.csv", "Seattle", city("seattle", 300)),
        new GroupJob("weather.csv", "New York", city("newyork", 250)),
        new GroupJob("other.csv", "Seattle", city("seattle", 120)));
  }

  /**
   * Golden values of the documented derivation, from an independent Python implementation:
   * <pre>
   * M = 2**64 - 1; G = 0x9e3779b97f4a7c15
   * def mix64(z): z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) &amp; M; z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) &amp; M; return z ^ (z >> 31)
   * def fnv(bs): h = 0xcbf29ce484222325; [h := ((h ^ b) * 0x100000001b3) &amp; M for b in bs]; return h
   * def derive(seed, file, group): return mix64((seed + mix64(fnv(file.encode() + b'\0' + group.encode())) * G) &amp; M) >> 11
   * </pre>
   */
  @Test
  void derive_matchesIndependentImplementation() {
    assertThat(org.parboot.rng.Seeds.group(42, "weather.csv", "Seattle")).isEqualTo(333366473506570L);
    assertThat(org.parboot.rng.Seeds.group(42, "weather.csv", "New York")).isEqualTo(4376901455652194L);
    assertThat(org.parboot.rng.Seeds.group(0, "a.csv", "")).isEqualTo(1602334278422516L);
    assertThat(org.parboot.rng.Seeds.group(-1, "données.csv", "Zürich")).isEqualTo(6293272534371159L);
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void groupResult_equalsRunningThatGroupAloneWithTheDerivedSeed(ExecutorKind executor) {
    final BootstrapOptions options = BootstrapOptions.builder().resamples(300).seed(7).executor(executor).threads(3)
        .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA, IntervalMethod.STUDENTIZED).innerResamples(10).build();
    final BatchResult batch = GroupedBootstrap.run(jobs(), STATS, options);
    assertThat(batch.groups()).extracting(GroupResult::group).containsExactly("Seattle", "New York", "Seattle");
    for (int g = 0; g < jobs().size(); g++) {
      final GroupJob job = jobs().get(g);
      final GroupResult got = batch.groups().get(g);
      assertThat(got.seed()).isEqualTo(org.parboot.rng.Seeds.group(7, job.file(), job.group()));
      final BootstrapResult alone = Bootstrap.run(job.data(), STATS, BootstrapOptions.builder().resamples(300)
          .seed(got.seed()).executor(ExecutorKind.SERIAL).intervals(options.intervals().methods()).innerResamples(10).build());
      for (int s = 0; s < STATS.size(); s++) {
        final StatisticResult a = got.result().statistics().get(s);
        final StatisticResult b = alone.statistics().get(s);
        assertThat(a.replicates()).isEqualTo(b.replicates());
        assertThat(a.intervals()).isEqualTo(b.intervals());
      }
    }
    // Same file name and group in another batch: same seed, whatever else is in the batch.
    assertThat(GroupedBootstrap.run(jobs().subList(1, 2), STATS, options).groups().get(0).result().statistics().get(0)
        .replicates()).isEqualTo(batch.groups().get(1).result().statistics().get(0).replicates());
  }

  @Test
  void threads_splitBetweenConcurrentGroups() {
    final GroupedBootstrap b = new GroupedBootstrap(jobs(), STATS, BootstrapOptions.builder().threads(8).build());
    assertThat(b.concurrentGroups()).isEqualTo(3);
    assertThat(b.threadsPerGroup()).isEqualTo(2);
    final GroupedBootstrap one = new GroupedBootstrap(jobs().subList(0, 1), STATS, BootstrapOptions.builder().threads(8).build());
    assertThat(one.threadsPerGroup()).isEqualTo(8);
  }

  @Test
  void run_groupTooSmall_failsNamingFileAndGroupAndStopsTheOthers() {
    final List<GroupJob> jobs = List.of(new GroupJob("weather.csv", "Seattle", city("seattle", 1461)),
        new GroupJob("weather.csv", "Tiny", Dataset.of("temp_max", 1.0)));
    assertThatThrownBy(() -> GroupedBootstrap.run(jobs, STATS, BootstrapOptions.builder().resamples(200_000).seed(1)
        .threads(2).build())).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("weather.csv, group Tiny: ");
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("parboot-group-"));
  }

  @Test
  void run_cancelled_throwsCancelled() {
    final RunControl control = RunControl.create();
    control.cancel();
    assertThatThrownBy(() -> new GroupedBootstrap(jobs(), STATS, BootstrapOptions.builder().resamples(100_000).seed(1)
        .build()).run(control)).isInstanceOf(CancelledException.class);
  }

  @Test
  void emptyBatch_refused() {
    assertThatThrownBy(() -> GroupedBootstrap.run(List.of(), STATS, BootstrapOptions.builder().build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no groups");
  }
}
