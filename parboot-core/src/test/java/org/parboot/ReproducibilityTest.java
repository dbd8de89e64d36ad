package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.stat.Statistic;
import org.parboot.testing.Runs;

/**
 * The reproducibility guarantee: for one seed the replicates are bit-identical whatever the
 * executor, thread count and chunk size, for moment, order and custom statistics evaluated together.
 */
class ReproducibilityTest {

  private static final Dataset DATA = Runs.twoColumns(53);
  private static final List<Statistic> STATS = Runs.mixedStatistics();
  private static final int B = 401;

  private static BootstrapResult run(long seed, ExecutorKind kind, int threads, int chunk) {
    return Bootstrap.run(DATA, STATS, BootstrapOptions.builder().resamples(B).seed(seed).executor(kind)
        .threads(threads).chunk(chunk).intervals(IntervalMethod.all()).build());
  }

  private static final BootstrapResult SERIAL = run(11, ExecutorKind.SERIAL, 1, 0);

  static Stream<Arguments> configurations() {
    return Stream.of(ExecutorKind.values()).flatMap(kind -> Stream.of(1, 2, 3, 8)
        .flatMap(threads -> Stream.of(1, 7, 0).map(chunk -> Arguments.of(kind, threads, chunk))));
  }

  @ParameterizedTest(name = "{0}, {1} threads, chunk {2}")
  @MethodSource("configurations")
  void replicates_anyExecutorThreadsChunk_bitIdenticalToSerial(ExecutorKind kind, int threads, int chunk) {
    final BootstrapResult r = run(11, kind, threads, chunk);
    final List<long[]> expected = Runs.replicateBits(SERIAL);
    final List<long[]> actual = Runs.replicateBits(r);
    for (int s = 0; s < STATS.size(); s++) {
      assertThat(actual.get(s)).as(STATS.get(s).label()).containsExactly(expected.get(s));
    }
    for (int s = 0; s < STATS.size(); s++) {
      assertThat(r.statistics().get(s).intervals()).isEqualTo(SERIAL.statistics().get(s).intervals());
    }
  }

  @Test
  void replicates_serialReference_areFiniteAndVary() {
    // Guards the comparison above against comparing two constant or NaN arrays.
    for (StatisticResult s : SERIAL.statistics()) {
      assertThat(s.nonFinite()).as(s.label()).isZero();
      assertThat(s.replicates()).as(s.label()).hasSize(B);
      assertThat(s.standardError()).as(s.label()).isGreaterThan(0);
    }
  }

  @Test
  void replicates_differentSeeds_differ() {
    final List<long[]> a = Runs.replicateBits(SERIAL);
    final List<long[]> b = Runs.replicateBits(run(12, ExecutorKind.SERIAL, 1, 0));
    for (int s = 0; s < STATS.size(); s++) {
      int same = 0;
      for (int i = 0; i < B; i++) {
        if (a.get(s)[i] == b.get(s)[i]) {
          same++;
        }
      }
      // Order statistics of tied data repeat values by chance; most replicates must still differ.
      assertThat(same).as(STATS.get(s).label()).isLessThan(B / 2);
    }
  }

  @Test
  void replicates_sameSeedTwice_identicalAndSeedReported() {
    final BootstrapResult again = run(11, ExecutorKind.FORKJOIN, 3, 0);
    assertThat(Runs.replicateBits(again)).usingRecursiveComparison().isEqualTo(Runs.replicateBits(SERIAL));
    assertThat(again.options().seed()).isEqualTo(11);
    assertThat(again.options().seedGiven()).isTrue();
    assertThat(again.rng()).isEqualTo("splitmix64-lemire32");
  }

  @Test
  void options_noSeed_drawsOneAndReportsIt() {
    final BootstrapOptions o = BootstrapOptions.builder().build();
    assertThat(o.seedGiven()).isFalse();
    final BootstrapResult r = Bootstrap.run(DATA, STATS, o.toBuilder().resamples(50).threads(2).build());
    final BootstrapResult repeat = Bootstrap.run(DATA, STATS,
        o.toBuilder().resamples(50).threads(2).seed(r.options().seed()).build());
    assertThat(Runs.replicateBits(repeat)).usingRecursiveComparison().isEqualTo(Runs.replicateBits(r));
  }
}
