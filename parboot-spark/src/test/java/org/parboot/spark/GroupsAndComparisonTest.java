package org.parboot.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parboot.BootstrapOptions;
import org.parboot.TwoSampleResult;
import org.parboot.batch.BatchResult;
import org.parboot.batch.GroupJob;
import org.parboot.batch.GroupResult;
import org.parboot.batch.GroupedBootstrap;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.RunControl;
import org.parboot.io.CsvOptions;
import org.parboot.io.DataFiles;
import org.parboot.rng.Seeds;
import org.parboot.scheme.Scheme;
import org.parboot.spec.StatisticSpec;
import org.parboot.stat.Statistic;

/** --group-by and --compare at scale: one pass for every group, the core's numbering and seeds. */
class GroupsAndComparisonTest {
  static SparkSession spark;
  static Path csv;
  static final List<Statistic> STATS = new ArrayList<>();

  @BeforeAll
  static void data() {
    spark = SparkSessions.local();
    csv = TestData.csv();
    STATS.clear();
    for (String spec : List.of("mean", "std", "kurt", "corr(x,y)")) {
      STATS.addAll(StatisticSpec.parse(spec, List.of("x")));
    }
  }

  static BootstrapOptions options(long seed) {
    return BootstrapOptions.builder().scheme(new Scheme.Poisson()).resamples(150).seed(seed)
        .intervals(List.of(IntervalMethod.PERCENTILE, IntervalMethod.BCA)).build();
  }

  static SparkInput input() {
    return SparkInput.files(spark, List.of(csv.toString()), CsvOptions.defaults()).named("data.csv");
  }

  static BatchResult grouped(int partitions, long seed) {
    return TestData.withPartitions(spark, partitions,
        () -> SparkBootstrap.runGrouped(input(), "arm", STATS, options(seed), RunControl.create()));
  }

  @Test
  void groups_haveTheCoresSeedsAndReplicates_inOrderOfFirstAppearance() {
    final BatchResult distributed = grouped(5, 21);
    final Map<String, Dataset> read = DataFiles.readGrouped(csv, "arm", List.of("x", "y"), CsvOptions.defaults());
    final List<GroupJob> jobs = new ArrayList<>();
    read.forEach((g, d) -> jobs.add(new GroupJob("data.csv", g, d)));
    final BatchResult local = GroupedBootstrap.run(jobs, STATS, options(21));
    assertThat(distributed.groups()).extracting(GroupResult::group).containsExactly("B", "A");
    assertThat(distributed.groups()).extracting(GroupResult::group)
        .containsExactlyElementsOf(local.groups().stream().map(GroupResult::group).toList());
    for (int g = 0; g < 2; g++) {
      final GroupResult a = distributed.groups().get(g);
      final GroupResult b = local.groups().get(g);
      assertThat(a.seed()).isEqualTo(b.seed()).isEqualTo(Seeds.group(21, "data.csv", b.group()));
      assertThat(a.result().n()).isEqualTo(b.result().n());
      for (Statistic s : STATS) {
        final double[] x = a.result().statistic(s.label()).replicates();
        final double[] y = b.result().statistic(s.label()).replicates();
        for (int r = 0; r < x.length; r++) {
          assertThat(x[r]).as("%s %s replicate %d", a.group(), s.label(), r)
              .isCloseTo(y[r], within(1e-12 * (1 + Math.abs(y[r]))));
        }
        assertThat(a.result().statistic(s.label()).intervals().get(1).low()).as("%s %s bca", a.group(), s.label())
            .isCloseTo(b.result().statistic(s.label()).intervals().get(1).low(), within(1e-9 * (1 + Math.abs(y[0]))));
      }
    }
  }

  @Test
  void groups_areTheSameBits_forAnyPartitioning() {
    final BatchResult three = grouped(3, 4);
    final BatchResult seventeen = grouped(17, 4);
    for (int g = 0; g < 2; g++) {
      for (Statistic s : STATS) {
        assertThat(PoissonAgreementTest.bits(seventeen.groups().get(g).result().statistic(s.label()).replicates()))
            .isEqualTo(PoissonAgreementTest.bits(three.groups().get(g).result().statistic(s.label()).replicates()));
      }
    }
  }

  @Test
  void comparison_isGroupAMinusGroupB_withSciPysTwoSampleAcceleration() {
    final BatchResult groups = grouped(3, 8);
    final TwoSampleResult diff = TestData.withPartitions(spark, 4,
        () -> SparkBootstrap.compare(input(), "arm", "A", "B", STATS, options(8), RunControl.create()));
    final GroupResult a = groups.groups().get(1);
    final GroupResult b = groups.groups().get(0);
    assertThat(diff.first().group()).isEqualTo("A");
    assertThat(diff.first().n()).isEqualTo(a.result().n());
    assertThat(diff.firstSeed()).isEqualTo(a.seed());
    assertThat(diff.secondSeed()).isEqualTo(b.seed());
    for (Statistic s : STATS) {
      final double[] d = diff.result().statistic(s.label()).replicates();
      final double[] x = a.result().statistic(s.label()).replicates();
      final double[] y = b.result().statistic(s.label()).replicates();
      for (int r = 0; r < d.length; r++) {
        assertThat(Double.doubleToRawLongBits(d[r])).as("%s replicate %d", s.label(), r)
            .isEqualTo(Double.doubleToRawLongBits(x[r] - y[r]));
      }
    }
    // BCa's acceleration of mean(x), from leave-one-out means computed here directly (SciPy's
    // k-sample formula), must give the BCa interval the Spark run gave.
    final Map<String, Dataset> read = DataFiles.readGrouped(csv, "arm", List.of("x"), CsvOptions.defaults());
    final double[] xa = read.get("A").column("x");
    final double[] xb = read.get("B").column("x");
    final double ma = mean(xa);
    final double mb = mean(xb);
    final double[] ja = new double[xa.length];
    final double[] jb = new double[xb.length];
    for (int i = 0; i < xa.length; i++) {
      ja[i] = (ma * xa.length - xa[i]) / (xa.length - 1) - mb;
    }
    for (int i = 0; i < xb.length; i++) {
      jb[i] = ma - (mb * xb.length - xb[i]) / (xb.length - 1);
    }
    final double expected = IntervalMethod.acceleration(List.of(ja, jb));
    final var stat = diff.result().statistic("mean(x)");
    final var d = new org.parboot.ci.Distribution(stat.replicates(), stat.observed());
    final var bca = IntervalMethod.BCA.interval(d, 0.95,
        org.parboot.ci.IntervalInputs.ofAcceleration(expected), new ArrayList<>());
    assertThat(stat.intervals().get(1).low()).isCloseTo(bca.low(), within(1e-9));
    assertThat(stat.intervals().get(1).high()).isCloseTo(bca.high(), within(1e-9));
    assertThat(expected).isNotEqualTo(0.0);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
