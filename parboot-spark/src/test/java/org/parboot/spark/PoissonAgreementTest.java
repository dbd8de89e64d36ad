package org.parboot.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.io.CsvOptions;
import org.parboot.io.DataFiles;
import org.parboot.io.MissingPolicy;
import org.parboot.io.RowFilter;
import org.parboot.scheme.Scheme;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.Statistic;

/**
 * The Spark engine's promise: the replicates of the core's {@code --scheme poisson} on the same
 * data and seed (to 1e-12 relative), and the same bits for any partitioning of the input.
 */
class PoissonAgreementTest {
  static final int B = 200;

  static Path csv;
  static SparkSession spark;
  static final List<Statistic> STATS = new ArrayList<>();

  @BeforeAll
  static void data() {
    spark = SparkSessions.local();
    csv = TestData.csv();
    STATS.clear();
    for (String spec : List.of("mean", "var", "std(ddof=0)", "skew", "kurt(bias=true)", "corr(x,y)", "cov(x,y)",
        "ratio(y,x)", "mean_diff(y,x)")) {
      STATS.addAll(StatisticSpec.parse(spec, List.of("x")));
    }
    STATS.addAll(StatisticSpec.parse("mean", List.of("y")));
    // Expressions of moment statistics: their parts in the same pass, sharing the tree's moments.
    STATS.addAll(StatisticSpec.parse("std / mean", List.of("x")));
    STATS.addAll(StatisticSpec.parse("sqrt(abs(corr(x,y))) - 2 * mean(y) ^ 2", List.of("x")));
  }

  static BootstrapOptions options(long seed) {
    return BootstrapOptions.builder().scheme(new Scheme.Poisson()).resamples(B).seed(seed)
        .intervals(List.of(IntervalMethod.PERCENTILE, IntervalMethod.BASIC, IntervalMethod.NORMAL, IntervalMethod.BCA))
        .build();
  }

  static BootstrapResult spark(int partitions, CsvOptions csvOptions, long seed) {
    return TestData.withPartitions(spark, partitions, () -> {
      final SparkInput input = SparkInput.files(spark, List.of(csv.toString()), csvOptions);
      assertThat(input.select(List.of("x")).rows().rdd().getNumPartitions()).as("partitions").isEqualTo(partitions);
      return SparkBootstrap.run(input, STATS, options(seed));
    });
  }

  @Test
  void replicates_equalTheCoresPoissonScheme_toOneIn1e12() {
    final CsvOptions options = CsvOptions.defaults();
    final BootstrapResult distributed = spark(3, options, 7);
    final Dataset data = DataFiles.read(csv, List.of("x", "y"), options);
    final BootstrapResult local = Bootstrap.run(data, STATS, options(7));
    assertThat(distributed.n()).isEqualTo(local.n()).isEqualTo(TestData.ROWS - TestData.MISSING);
    assertThat(distributed.droppedMissing()).isEqualTo(local.droppedMissing()).isEqualTo(TestData.MISSING);
    for (Statistic s : STATS) {
      final StatisticResult a = distributed.statistic(s.label());
      final StatisticResult b = local.statistic(s.label());
      final double scale = Math.abs(b.observed()) + b.standardError();
      assertThat(a.observed()).as(s.label()).isCloseTo(b.observed(), org.assertj.core.api.Assertions.within(1e-12 * scale));
      for (int r = 0; r < B; r++) {
        assertThat(a.replicate(r)).as("%s replicate %d", s.label(), r)
            .isCloseTo(b.replicate(r), org.assertj.core.api.Assertions.within(1e-12 * scale));
      }
      for (int m = 0; m < b.intervals().size(); m++) {
        assertThat(a.intervals().get(m).low()).as("%s %s", s.label(), b.intervals().get(m).method())
            .isCloseTo(b.intervals().get(m).low(), org.assertj.core.api.Assertions.within(1e-9 * scale));
        assertThat(a.intervals().get(m).high()).as("%s %s", s.label(), b.intervals().get(m).method())
            .isCloseTo(b.intervals().get(m).high(), org.assertj.core.api.Assertions.within(1e-9 * scale));
      }
    }
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3, 17})
  void replicates_areTheSameBits_forAnyPartitioning(int partitions) {
    final BootstrapResult reference = spark(2, CsvOptions.defaults(), 11);
    final BootstrapResult other = spark(partitions, CsvOptions.defaults(), 11);
    for (Statistic s : STATS) {
      assertThat(bits(other.statistic(s.label()).replicates())).as(s.label())
          .isEqualTo(bits(reference.statistic(s.label()).replicates()));
      assertThat(other.statistic(s.label()).intervals()).isEqualTo(reference.statistic(s.label()).intervals());
    }
  }

  @Test
  void whereAndMissingPolicy_areTheCores() {
    final CsvOptions options = new CsvOptions(',', MissingPolicy.DROP, List.of(new RowFilter("arm", "B")));
    final BootstrapResult distributed = spark(3, options, 5);
    final BootstrapResult local = Bootstrap.run(DataFiles.read(csv, List.of("x", "y"), options), STATS, options(5));
    assertThat(distributed.n()).isEqualTo(local.n());
    assertThat(distributed.droppedMissing()).isEqualTo(local.droppedMissing());
    final StatisticResult a = distributed.statistic("mean(x)");
    final StatisticResult b = local.statistic("mean(x)");
    for (int r = 0; r < B; r++) {
      assertThat(a.replicate(r)).isCloseTo(b.replicate(r), org.assertj.core.api.Assertions.within(1e-12 * b.observed()));
    }
  }

  static long[] bits(double[] v) {
    return java.util.Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
