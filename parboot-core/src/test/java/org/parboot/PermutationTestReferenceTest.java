package org.parboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.batch.GroupJob;
import org.parboot.ci.Alternative;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.exec.RunControl;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.Statistic;
import org.parboot.testing.Fixtures;

/**
 * Permutation tests against {@code scipy.stats.permutation_test} (SciPy 1.17), fixtures written by
 * {@code src/test/resources/reference/make_permutation.py}: every permutation type, every
 * alternative, exact (every distinct permutation: the p-value to 1e-12) and random (9999
 * permutations, within 4.5 Monte Carlo sd of SciPy's p-value from 200,000).
 */
class PermutationTestReferenceTest {

  private static Map<String, Dataset> data;

  static synchronized Dataset data(String name) { // also read by PairedComparisonTest
    if (data == null) {
      final Map<String, Dataset.Builder> builders = new LinkedHashMap<>();
      for (List<String> row : Fixtures.rows("permutation_data.csv")) {
        builders.computeIfAbsent(row.get(0), Dataset::builder).column(row.get(1), Fixtures.doubles(row, 2));
      }
      final Map<String, Dataset> built = new LinkedHashMap<>();
      builders.forEach((k, b) -> built.put(k, b.build()));
      data = built;
    }
    return data.get(name);
  }

  static Stream<Arguments> cases() {
    return Fixtures.records("permutation_tests.csv").stream().map(r -> Arguments.of(r.get(0), r.get(1), r.get(2),
        r.get(3), Integer.parseInt(r.get(4)), r.get(5).equals("1"), Double.parseDouble(r.get(6)),
        Double.parseDouble(r.get(7))));
  }

  static PermutationResult run(String name, PermutationType type, String spec, BootstrapOptions options) {
    return switch (type) {
      case INDEPENDENT -> PermutationTest.independent(new GroupJob(name, "a", data(name + "_a")),
          new GroupJob(name, "b", data(name + "_b")), StatisticSpec.parse(spec, List.of("x")), options,
          RunControl.create());
      case SAMPLES -> PermutationTest.samples(data(name), StatisticSpec.parse(spec, List.of("x")), options,
          RunControl.create());
      case PAIRINGS -> PermutationTest.pairings(data(name), StatisticSpec.parse(spec, List.of("x")), options,
          RunControl.create());
    };
  }

  @ParameterizedTest(name = "{0} {1} {2} {3}")
  @MethodSource("cases")
  void pValue_matchesScipy(String name, String type, String spec, String alternative, int resamples, boolean exact,
      double expected, double sd) {
    final BootstrapOptions options = BootstrapOptions.builder().resamples(resamples).seed(7)
        .alternative(Alternative.parse(alternative)).build();
    final PermutationResult r = run(name, PermutationType.parse(type), spec, options);
    assertThat(r.exact()).isEqualTo(exact);
    final PermutationResult.Test t = r.tests().get(0);
    if (exact) {
      assertThat(r.permutations()).isEqualTo(r.distinct().intValueExact()).isLessThanOrEqualTo(resamples);
      assertThat(t.pValue()).isCloseTo(expected, Offset.offset(1e-12));
      assertThat(t.pValueError()).isZero();
    } else {
      assertThat(r.permutations()).isEqualTo(resamples);
      // SciPy's own reference has a Monte Carlo sd of at most sd / 2 (40,000 permutations or more).
      assertThat(t.pValue()).isCloseTo(expected, Offset.offset(4.5 * Math.hypot(sd, sd / 2) + 1e-9));
      assertThat(t.pValueError()).isCloseTo(Math.sqrt(t.pValue() * (1 - t.pValue()) / resamples), Offset.offset(1e-15));
    }
  }

  static Stream<Arguments> everyTypeOnEveryExecutor() {
    return Stream.of(ExecutorKind.values()).flatMap(e -> Stream.of(
        Arguments.of(e, PermutationType.INDEPENDENT, "ind_large", "median"),
        Arguments.of(e, PermutationType.SAMPLES, "pair_large", "mean(x) - mean(y)"),
        Arguments.of(e, PermutationType.PAIRINGS, "assoc_large", "kendall(x,y)")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyTypeOnEveryExecutor")
  void nullDistribution_bitIdentical_onEveryExecutorAndThreadCount(ExecutorKind executor, PermutationType type,
      String name, String spec) {
    final BootstrapOptions serial = BootstrapOptions.builder().resamples(999).seed(11).executor(ExecutorKind.SERIAL)
        .build();
    final double[] expected = run(name, type, spec, serial).tests().get(0).nullDistribution();
    for (int threads : new int[] {2, 3}) {
      final BootstrapOptions o = serial.toBuilder().executor(executor).threads(executor == ExecutorKind.SERIAL ? 1 : threads)
          .chunk(7).build();
      final double[] actual = run(name, type, spec, o).tests().get(0).nullDistribution();
      assertThat(Arrays.stream(actual).mapToLong(Double::doubleToRawLongBits).toArray())
          .isEqualTo(Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray());
    }
  }

  @Test
  void exactTest_nullDistributionHoldsTheObservedValue_andEveryPermutationOnce() {
    final PermutationResult r = run("ind_small", PermutationType.INDEPENDENT, "mean",
        BootstrapOptions.builder().resamples(9999).seed(1).build());
    assertThat(r.permutations()).isEqualTo(1716); // C(13, 6)
    final PermutationResult.Test t = r.tests().get(0);
    // The lexicographically first split gives the first sample rows 0..6: the data as observed.
    assertThat(t.nullValue(0)).isEqualTo(t.observed());
    final double[] sorted = t.nullDistribution();
    Arrays.sort(sorted);
    // mean(a) - mean(b) over every split: symmetric about nothing in particular, but its sum over
    // all splits is C(13,6) times the difference of the pooled mean with itself, 0.
    assertThat(Arrays.stream(sorted).sum()).isCloseTo(0, Offset.offset(1e-9));
  }

  @Test
  void randomTest_isReproducibleForASeed_andDiffersAcrossSeeds() {
    final BootstrapOptions o = BootstrapOptions.builder().resamples(500).seed(3).build();
    final double[] a = run("ind_large", PermutationType.INDEPENDENT, "mean", o).tests().get(0).nullDistribution();
    final double[] b = run("ind_large", PermutationType.INDEPENDENT, "mean", o).tests().get(0).nullDistribution();
    final double[] c = run("ind_large", PermutationType.INDEPENDENT, "mean", o.toBuilder().seed(4).build()).tests()
        .get(0).nullDistribution();
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void pValue_followsScipysRule() {
    final double[] nulls = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(PermutationTest.pValue(nulls, 10, 8, Alternative.GREATER, true)).isEqualTo(0.3);
    assertThat(PermutationTest.pValue(nulls, 10, 8, Alternative.LESS, true)).isEqualTo(0.8);
    assertThat(PermutationTest.pValue(nulls, 10, 8, Alternative.TWO_SIDED, true)).isEqualTo(0.6);
    assertThat(PermutationTest.pValue(nulls, 10, 8, Alternative.GREATER, false)).isEqualTo(4.0 / 11);
    assertThat(PermutationTest.pValue(nulls, 10, 5, Alternative.TWO_SIDED, true)).isEqualTo(1.0); // clipped
    // A value equal in theory but not in its last bits counts as equal (within 100 epsilon).
    assertThat(PermutationTest.pValue(new double[] {0.3}, 1, 0.1 + 0.2, Alternative.LESS, true)).isEqualTo(1.0);
    assertThat(PermutationTest.pValue(new double[] {0.1 + 0.2}, 1, 0.3, Alternative.GREATER, true)).isEqualTo(1.0);
    assertThat(PermutationTest.pValue(nulls, 10, Double.NaN, Alternative.LESS, true)).isNaN();
  }

  @Test
  void samples_withThreeColumns_isRefusedNamingThem() {
    final Dataset d = Dataset.builder("t.csv").column("x", new double[] {1, 2, 3}).column("y", new double[] {2, 3, 4})
        .column("z", new double[] {1, 1, 2}).build();
    final List<Statistic> stats = StatisticSpec.parse("mean(x) - mean(y) + mean(z)", List.of("x"));
    assertThatThrownBy(() -> PermutationTest.samples(d, stats, BootstrapOptions.builder().build(), RunControl.create()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'x, y, z'")
        .hasMessageContaining("the same two columns");
  }

  @Test
  void pairings_ofOneColumnBuiltIn_isRefused() {
    assertThatThrownBy(() -> PermutationTest.pairings(data("assoc_small"), StatisticSpec.parse("mean", List.of("x")),
        BootstrapOptions.builder().build(), RunControl.create()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not change them");
  }

  @Test
  void pairings_ofAStatisticWithoutTheFixedColumn_isRefused() {
    final Dataset d = Dataset.builder("t.csv").column("x", new double[] {1, 2, 3, 4}).column("y", new double[] {2, 1, 4, 3})
        .column("z", new double[] {1, 3, 2, 4}).build();
    final List<Statistic> stats = new java.util.ArrayList<>(StatisticSpec.parse("corr(x,y)", List.of("x")));
    stats.addAll(StatisticSpec.parse("corr(y,z)", List.of("x")));
    assertThatThrownBy(() -> PermutationTest.pairings(d, stats, BootstrapOptions.builder().build(), RunControl.create()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'corr(y, z)' does not read it, so no permutation would change it");
  }

  @Test
  void independent_sameGroupTwice_isRefused() {
    final GroupJob g = new GroupJob("f", "a", data("ind_small_a"));
    assertThatThrownBy(() -> PermutationTest.independent(g, g, StatisticSpec.parse("mean", List.of("x")),
        BootstrapOptions.builder().build(), RunControl.create()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("two different groups");
  }

  @Test
  void fewDistinctPermutations_warnThatSmallPValuesAreImpossible() {
    final Dataset d = Dataset.builder("t.csv").column("d", new double[] {0.5, 1.2, 0.7, 2.0}).build();
    final PermutationResult r = PermutationTest.samples(d, StatisticSpec.parse("mean", List.of("d")),
        BootstrapOptions.builder().seed(1).build(), RunControl.create());
    assertThat(r.exact()).isTrue();
    assertThat(r.permutations()).isEqualTo(16);
    assertThat(r.tests().get(0).pValue()).isEqualTo(0.125); // all four positive: 1 of 16 each side, two-sided 2/16
    assertThat(r.warnings()).containsExactly("only 16 distinct permutations: no two-sided p-value below 0.125 is possible");
  }
}
