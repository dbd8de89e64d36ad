package org.parboot.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidSettingException;
import org.parboot.StatisticResult;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.RunControl;
import org.parboot.io.CsvOptions;
import org.parboot.io.DataFiles;
import org.parboot.rng.ResampleStreams;
import org.parboot.rng.Seeds;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.Statistic;

/** The Bag of Little Bootstraps: its subsets, its reproducibility, and agreement with the bootstrap. */
class BagOfLittleBootstrapsTest {
  static SparkSession spark;
  static final List<Statistic> STATS = new ArrayList<>();
  static final BlbOptions BLB = new BlbOptions(10, 0.7, 100);

  @BeforeAll
  static void data() {
    spark = SparkSessions.local();
    STATS.clear();
    for (String spec : List.of("mean", "median", "quantile(0.9)", "std")) {
      STATS.addAll(StatisticSpec.parse(spec, List.of("x")));
    }
  }

  static BootstrapOptions options(long seed) {
    return BootstrapOptions.builder().resamples(2000).seed(seed)
        .intervals(List.of(IntervalMethod.PERCENTILE, IntervalMethod.BASIC, IntervalMethod.NORMAL)).build();
  }

  static BootstrapResult blb(int partitions, long seed) {
    return TestData.withPartitions(spark, partitions, () -> SparkBootstrap.runBlb(SparkInput.files(spark,
        List.of(TestData.csv().toString()), CsvOptions.defaults()), STATS, options(seed), BLB, RunControl.create()));
  }

  @Test
  void intervals_agreeWithTheOrdinaryBootstrap_withinMonteCarloError() {
    // Tolerance. The ordinary bootstrap's standard error from B = 2000 replicates has a relative
    // Monte Carlo sd of about 1/sqrt(2B) = 1.6% (normal replicates; a little more for the median's
    // lumpy ones). The BLB's is the mean over s = 10 subsets of standard errors from r = 100
    // replicates each (relative sd 1/sqrt(2r) = 7% each, so 2.2% for the mean), plus the spread of
    // the subsets' own estimates of the spread, of order 1/sqrt(b) = 3% over sqrt(s): about 1%.
    // The difference has a relative sd of about sqrt(1.6^2 + 2.2^2 + 1^2) = 3%, so 12% is four sds.
    // Endpoints: each is the estimate plus or minus about 2 se, whose Monte Carlo error is about
    // 0.2 se for the bootstrap's tail quantiles and less for the BLB's averages; the estimates
    // themselves differ by the subsets' sampling error, se * sqrt(n / (s b)) = 1.4 se / sqrt(10)
    // = 0.44 se for b = 1025; so endpoints may differ by up to 1 se (about 2 sds).
    final BootstrapResult distributed = blb(3, 41);
    final Dataset data = DataFiles.read(TestData.csv(), List.of("x"), CsvOptions.defaults());
    final BootstrapResult local = Bootstrap.run(data, STATS, options(41));
    assertThat(distributed.n()).isEqualTo(local.n());
    assertThat(distributed.scheme()).isEqualTo("blb(s=10, b=1025, r=100, gamma=0.7)");
    for (Statistic s : STATS) {
      final StatisticResult a = distributed.statistic(s.label());
      final StatisticResult b = local.statistic(s.label());
      assertThat(a.standardError()).as(s.label()).isCloseTo(b.standardError(), within(0.12 * b.standardError()));
      for (int m = 0; m < 3; m++) {
        assertThat(a.intervals().get(m).low()).as("%s %s", s.label(), b.intervals().get(m).method())
            .isCloseTo(b.intervals().get(m).low(), within(b.standardError()));
        assertThat(a.intervals().get(m).high()).as("%s %s", s.label(), b.intervals().get(m).method())
            .isCloseTo(b.intervals().get(m).high(), within(b.standardError()));
      }
      assertThat(a.replicates()).hasSize(BLB.subsets() * BLB.resamples());
    }
  }

  @Test
  void replicates_areTheSameBits_forAnyPartitioning() {
    final BootstrapResult one = blb(1, 9);
    final BootstrapResult many = blb(17, 9);
    for (Statistic s : STATS) {
      assertThat(PoissonAgreementTest.bits(many.statistic(s.label()).replicates()))
          .isEqualTo(PoissonAgreementTest.bits(one.statistic(s.label()).replicates()));
    }
  }

  @Test
  void subsetsAndResamples_areThoseOfTheDocumentedStreams() {
    // Computed here from the definitions: subset j holds the b rows whose key, output i of the
    // stream Seeds.blbSubset(seed, j), is smallest (unsigned); its resample k counts n uniform
    // draws over those rows (in position order) from the stream Seeds.blbResample(seed, j, k);
    // the result reports each subset's replicates shifted by the full-data estimate minus the
    // subset's own.
    final BootstrapResult r = blb(3, 5);
    final double[] x = DataFiles.read(TestData.csv(), List.of("x"), CsvOptions.defaults()).column("x");
    final int n = x.length;
    final int b = (int) BLB.subsetSize(n);
    double full = 0;
    for (double v : x) {
      full += v;
    }
    full /= n;
    assertThat(r.statistic("mean(x)").observed()).isCloseTo(full, within(1e-9));
    for (int j : new int[] {0, 7}) {
      final long state = Seeds.blbSubset(5, j);
      final long[] keys = IntStream.range(0, n)
          .mapToLong(i -> ResampleStreams.mix64(state + (i + 1L) * ResampleStreams.GOLDEN_GAMMA)).toArray();
      final int[] chosen = IntStream.range(0, n).boxed()
          .sorted(Comparator.<Integer>comparingLong(i -> keys[i] ^ Long.MIN_VALUE)).limit(b).mapToInt(i -> i)
          .sorted().toArray();
      double estimate = 0;
      for (int i : chosen) {
        estimate += x[i];
      }
      estimate /= b;
      for (int k : new int[] {0, 99}) {
        final ResampleStreams.Stream stream = new ResampleStreams.Stream(Seeds.blbResample(5, j, k));
        final int[] counts = new int[b];
        final int[] draw = new int[1];
        for (int d = 0; d < n; d++) {
          stream.fill(b, ResampleStreams.threshold(b), draw, 0, 1);
          counts[draw[0]]++;
        }
        double replicate = 0;
        for (int i = 0; i < b; i++) {
          replicate += counts[i] * x[chosen[i]];
        }
        replicate /= n;
        assertThat(r.statistic("mean(x)").replicate(j * BLB.resamples() + k)).as("subset %d resample %d", j, k)
            .isCloseTo(replicate - estimate + full, within(1e-9));
      }
    }
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 17})
  void fullDataEstimates_areTheCoresObservedValues(int partitions) {
    // The intervals' centre: order statistics by exact distributed selection, moments by the tree.
    final List<Statistic> stats = new ArrayList<>();
    for (String spec : List.of("median", "quantile(0.37)", "trimmed_mean(0.1)", "min", "max", "mean", "skew",
        "(quantile(0.75) - quantile(0.25)) / median", "std / mean")) {
      stats.addAll(StatisticSpec.parse(spec, List.of("y")));
    }
    stats.addAll(StatisticSpec.parse("median", List.of("x")));
    final BootstrapResult r = TestData.withPartitions(spark, partitions, () -> SparkBootstrap.runBlb(SparkInput.files(
        spark, List.of(TestData.csv().toString()), CsvOptions.defaults()), stats, options(3), new BlbOptions(2, 0.6, 2),
        RunControl.create()));
    final BootstrapResult local = Bootstrap.run(DataFiles.read(TestData.csv(), List.of("x", "y"), CsvOptions.defaults()),
        stats, BootstrapOptions.builder().resamples(2).seed(1).intervals(List.of(IntervalMethod.PERCENTILE)).build());
    for (Statistic s : stats) {
      final double expected = local.statistic(s.label()).observed();
      if (s instanceof org.parboot.stat.OrderStatistic o && o.kind() != org.parboot.stat.OrderStatistic.Kind.TRIMMED_MEAN
          || s.label().startsWith("(quantile")) {
        assertThat(r.statistic(s.label()).observed()).as(s.label()).isEqualTo(expected);
      } else {
        assertThat(r.statistic(s.label()).observed()).as(s.label()).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
      }
    }
  }

  @Test
  void threshold_letsAboutTheAskedShareThrough() {
    assertThat(BagOfLittleBootstraps.threshold(1000, 1000, 6)).isEqualTo(-1L);
    final long t = BagOfLittleBootstraps.threshold(100, 1_000_000, 6);
    assertThat(Long.toUnsignedString(t)).isEqualTo(Long.toUnsignedString((long) ((100 + 60 + 16) / 1e6 * 0x1p64)));
    final long half = BagOfLittleBootstraps.threshold(400_000, 1_000_000, 0);
    assertThat(Double.parseDouble(Long.toUnsignedString(half)) / 0x1p64).isCloseTo(0.400016, within(1e-9));
  }

  @Test
  void bca_isRefused_namingTheMethodsItTakes() {
    assertThatThrownBy(() -> SparkBootstrap.checkBlb(STATS, BootstrapOptions.builder()
        .intervals(List.of(IntervalMethod.BCA)).build()))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("percentile, basic, normal");
  }
}
