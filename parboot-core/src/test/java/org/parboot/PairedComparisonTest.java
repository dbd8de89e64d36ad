package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.parboot.batch.GroupJob;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.data.Pairs;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.RunControl;
import org.parboot.scheme.BlockLength;
import org.parboot.scheme.Scheme;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Fixtures;

/**
 * Paired comparisons ({@link TwoSampleBootstrap#paired}, {@code --pair-by}) and comparisons by
 * blocks: resampling the pairs is resampling the rows of the differences, so the paired mean
 * difference is, replicate for replicate, the bootstrap of the mean of the differences under the
 * same scheme and seed (to rounding: the sums differ), BCa included (its jackknife leaves a pair
 * out); an unpaired comparison by blocks resamples each sample as its own run would.
 */
class PairedComparisonTest {
  private static final List<Statistic> MEAN = List.of(MomentStatistic.mean("x"));

  /** The Seattle series and a noisy, shifted copy of it (paired, autocorrelated). */
  private static Dataset[] pair() {
    final double[] a = Fixtures.dataset("seattle").column("temp_max");
    final double[] b = new double[a.length];
    final double[] d = new double[a.length];
    final java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i] + 0.7 + rnd.nextGaussian();
      d[i] = a[i] - b[i];
    }
    return new Dataset[] {Dataset.of("x", a), Dataset.of("x", b), Dataset.of("x", d)};
  }

  static Stream<Arguments> schemes() {
    return Stream.of(Arguments.of(Scheme.iid()), Arguments.of(new Scheme.Stationary(new BlockLength.Fixed(12))),
        Arguments.of(new Scheme.CircularBlock(new BlockLength.Fixed(7))),
        Arguments.of(new Scheme.MovingBlock(new BlockLength.Fixed(5))));
  }

  @ParameterizedTest
  @MethodSource("schemes")
  void pairedMeanDifference_isTheBootstrapOfTheDifferences_replicateForReplicate(Scheme scheme) {
    final Dataset[] p = pair();
    final BootstrapOptions o = BootstrapOptions.builder().seed(9).resamples(2000).scheme(scheme)
        .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA).build();
    final TwoSampleResult paired = TwoSampleBootstrap.paired(new GroupJob("f", "a", p[0]), new GroupJob("f", "b", p[1]),
        MEAN, o, RunControl.create());
    final BootstrapResult differences = Bootstrap.run(p[2], MEAN, o);
    final StatisticResult s = paired.result().statistics().get(0);
    final StatisticResult d = differences.statistics().get(0);
    assertThat(paired.paired()).isTrue();
    for (int b = 0; b < 2000; b++) {
      assertThat(s.replicate(b)).isCloseTo(d.replicate(b), within(1e-9));
    }
    assertThat(s.standardError()).isCloseTo(d.standardError(), within(1e-9));
    for (int m = 0; m < 2; m++) {
      final Interval x = s.intervals().get(m);
      final Interval y = d.intervals().get(m);
      assertThat(x.low()).as(x.method().spelling()).isCloseTo(y.low(), within(1e-6));
      assertThat(x.high()).as(x.method().spelling()).isCloseTo(y.high(), within(1e-6));
    }
  }

  @Test
  void pairedReplicates_bitIdenticalOnEveryExecutor() {
    final Dataset[] p = pair();
    final BootstrapOptions serial = BootstrapOptions.builder().seed(4).resamples(600).executor(ExecutorKind.SERIAL)
        .scheme(new Scheme.Stationary(BlockLength.auto())).build();
    final double[] expected = TwoSampleBootstrap.paired(new GroupJob("f", "a", p[0]), new GroupJob("f", "b", p[1]), MEAN,
        serial, RunControl.create()).result().statistics().get(0).replicates();
    for (ExecutorKind e : ExecutorKind.values()) {
      final BootstrapOptions o = serial.toBuilder().executor(e).threads(e == ExecutorKind.SERIAL ? 1 : 3).chunk(13).build();
      assertThat(TwoSampleBootstrap.paired(new GroupJob("f", "a", p[0]), new GroupJob("f", "b", p[1]), MEAN, o,
          RunControl.create()).result().statistics().get(0).replicates()).as(e.spelling()).isEqualTo(expected);
    }
  }

  @Test
  void unpairedComparisonByBlocks_resamplesEachSampleAsItsOwnRun() {
    final Dataset[] p = pair();
    final BootstrapOptions o = BootstrapOptions.builder().seed(21).resamples(500)
        .scheme(new Scheme.CircularBlock(BlockLength.auto())).intervals(IntervalMethod.PERCENTILE).build();
    final TwoSampleResult r = TwoSampleBootstrap.run(new GroupJob("f", "a", p[0]), new GroupJob("f", "b", p[1]), MEAN, o,
        RunControl.create());
    final StatisticResult a = Bootstrap.run(p[0], MEAN, o.toBuilder().seed(r.firstSeed()).build()).statistics().get(0);
    final StatisticResult b = Bootstrap.run(p[1], MEAN, o.toBuilder().seed(r.secondSeed()).build()).statistics().get(0);
    for (int i = 0; i < 500; i++) {
      assertThat(r.result().statistics().get(0).replicate(i)).isEqualTo(a.replicate(i) - b.replicate(i));
    }
    assertThat(r.result().scheme()).contains("circular-block(L=");
  }

  @Test
  void pairedPermutationTest_matchesScipy() {
    // permutation_test((x, y), mean(x) - mean(y), permutation_type='samples'): exact, p = 0.0224609375
    final Dataset data = PermutationTestReferenceTest.data("pair_small");
    final PermutationResult r = PermutationTest.pairedSamples(new GroupJob("f", "x", Dataset.of("v", data.column("x"))),
        new GroupJob("f", "y", Dataset.of("v", data.column("y"))), List.of(MomentStatistic.mean("v")),
        BootstrapOptions.builder().seed(1).build(), RunControl.create());
    assertThat(r.exact()).isTrue();
    assertThat(r.permutations()).isEqualTo(2048);
    assertThat(r.tests().get(0).pValue()).isCloseTo(0.0224609375, within(1e-12));
  }

  @Test
  void pairs_matchOnTheKey_leavingOutRowsWithoutAPartner() {
    // rows: group a/b (0/1 columns), key, value
    final Dataset data = Dataset.builder("t.csv").column("in_a", new double[] {1, 0, 1, 0, 1, 0})
        .column("in_b", new double[] {0, 1, 0, 1, 0, 1}).column("key", new double[] {5, 7, 7, 5, 9, 3})
        .column("x", new double[] {1, 2, 3, 4, 5, 6}).build();
    final Pairs.Matched m = Pairs.match(data, "in_a", "in_b", "key", List.of("x"), List.of("a", "b"));
    assertThat(m.pairs()).isEqualTo(2);
    assertThat(m.first().column("x")).containsExactly(1, 3); // keys 5, 7 in a's order
    assertThat(m.second().column("x")).containsExactly(4, 2);
    assertThat(m.unmatchedFirst()).isEqualTo(1); // key 9
    assertThat(m.unmatchedSecond()).isEqualTo(1); // key 3
  }

  @Test
  void pairs_repeatedKeyInASample_isRefusedNamingTheRows() {
    final Dataset data = Dataset.builder("t.csv").column("in_a", new double[] {1, 1, 0})
        .column("in_b", new double[] {0, 0, 1}).column("key", new double[] {5, 5, 5}).column("x", new double[] {1, 2, 3})
        .build();
    assertThatThrownBy(() -> Pairs.match(data, "in_a", "in_b", "key", List.of("x"), List.of("a", "b")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("rows 1 and 2")
        .hasMessageContaining("each key at most once per sample");
  }

  @Test
  void paired_studentized_isRefused() {
    final Dataset[] p = pair();
    assertThatThrownBy(() -> TwoSampleBootstrap.paired(new GroupJob("f", "a", p[0]), new GroupJob("f", "b", p[1]), MEAN,
        BootstrapOptions.builder().intervals(IntervalMethod.STUDENTIZED).build(), RunControl.create()))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("covariance");
  }
}
