package org.parboot.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.InvalidSettingException;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.exec.RunControl;
import org.parboot.scheme.Scheme;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;

/**
 * The Poisson bootstrap of the moment statistics on Apache Spark: data of any size, one pass for
 * all B replicates (two with BCa), and the core's results.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
 * SparkInput input = SparkInput.files(spark, List.of("events.parquet"), CsvOptions.defaults());
 * BootstrapResult r = SparkBootstrap.run(input, StatisticSpec.parse("mean", List.of("x")),
 *     BootstrapOptions.builder().scheme(new Scheme.Poisson()).resamples(1000).seed(7).build());
 * }</pre>
 *
 * <h2>What it computes</h2>
 * Row i (its position in the input, {@link SparkInput}) has count
 * {@link org.parboot.rng.PoissonCounts#of(long, long, long) PoissonCounts.of(seed, b, i)} in
 * resample b: the very count the core's {@code --scheme poisson} draws, so a Spark run and a core
 * run of the same data and seed have the same resamples. Each statistic is the core's formula
 * ({@link MomentStatistic#fromSums}) of the resample's weighted mean and central moments.
 *
 * <h2>Reproducibility: the same bits whatever the cluster</h2>
 * The rows are cut into fixed blocks of 1024 positions; a block's sums run in row order about the
 * block's plain mean, and blocks merge in a fixed binary tree over the block numbers (pairwise
 * updates of the mean and central moments: Chan, Golub and LeVeque; Pébay). Which task computes
 * what, and in which order the parts arrive, changes nothing: a seed gives bit-identical replicates
 * for any number of partitions, executors and cores. Against the core (one machine, sums in the
 * {@code rows8} layout about the full-data mean) only the order of the additions differs: the
 * replicates agree to about 1e-15 relative.
 *
 * <h2>Cost</h2>
 * A numbering pass (rows kept per split: no arithmetic), the bootstrap pass (B Poisson counts and
 * weighted sums per row), and for BCa a jackknife pass (each row's leave-one-out value of each
 * statistic from the full-data moments, in O(n)). The driver holds O(B x statistics) numbers and a
 * few tree nodes, never rows.
 */
public final class SparkBootstrap {
  /** The layout of the replicates' sums, as results name it. */
  public static final String LAYOUT = "blocks" + BlockCutter.BLOCK + "-tree";

  private SparkBootstrap() {}

  /** {@link #run(SparkInput, List, BootstrapOptions, RunControl)} without a control. */
  public static BootstrapResult run(SparkInput input, List<? extends Statistic> statistics, BootstrapOptions options) {
    return run(input, statistics, options, RunControl.create());
  }

  /**
   * Runs the Poisson bootstrap of {@code statistics} over the input.
   *
   * @throws InvalidInputException a statistic that is not a moment statistic, an unknown column,
   *     a bad cell, too few rows
   * @throws InvalidSettingException a scheme other than poisson, the studentized interval
   * @throws org.parboot.CancelledException the control stopped the run (its Spark jobs are cancelled)
   */
  public static BootstrapResult run(SparkInput input, List<? extends Statistic> statistics, BootstrapOptions options,
      RunControl control) {
    final long start = System.nanoTime();
    check(statistics, options);
    final MomentPlan plan = new MomentPlan(momentStatistics(statistics));
    final SparkInput.Selected selected = input.select(plan.columns);
    try (SparkJobs jobs = new SparkJobs(input.spark(), control)) {
      final var rows = selected.rows().javaRDD();
      final Numbering numbering = jobs.run(() -> TreePass.number(rows, selected.source()));
      final long n = numbering.rows();
      checkRows(input, plan, n, numbering.dropped());
      final int b = options.resamples();
      final PoissonLeaf leaf = new PoissonLeaf(plan, new long[] {options.seed()}, b);
      final long[] groupRows = {n};
      final double[] root = jobs.run(() -> TreePass.run(rows, selected.source(), numbering, leaf, groupRows)).root(0);
      final int k = plan.statistics.size();
      final double[][] replicates = new double[k][b];
      final double[] observed = new double[k];
      for (int s = 0; s < k; s++) {
        for (int r = 0; r < b; r++) {
          replicates[s][r] = plan.value(s, leaf.shape(), root, r);
        }
        observed[s] = plan.value(s, leaf.shape(), root, b);
      }
      final List<IntervalInputs> inputs = new ArrayList<>();
      if (IntervalMethod.anyNeedsJackknife(java.util.Set.copyOf(options.intervals().methods()))) {
        final JackknifeLeaf jack = new JackknifeLeaf(plan, leaf.shape(), new double[][] {root}, b, new double[][] {observed});
        final double[] u = jobs.run(() -> TreePass.run(rows, selected.source(), numbering, jack, groupRows)).root(0);
        for (int s = 0; s < k; s++) {
          final double m2 = jack.shape().moment(u, s, 2, 0);
          final double m3 = jack.shape().moment(u, s, 3, 0);
          final double a = -m3 / (6 * m2 * Math.sqrt(m2));
          inputs.add(IntervalInputs.ofAcceleration(Double.isFinite(a) ? a : Double.NaN));
        }
      } else {
        for (int s = 0; s < k; s++) {
          inputs.add(IntervalInputs.none());
        }
      }
      return Bootstrap.summarise(input.source(), n, numbering.dropped(), options, options.scheme().spelling(), LAYOUT,
          kernel(), "spark " + input.spark().sparkContext().master(), plan.statistics, observed, replicates, inputs, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** How the replicates are computed, as results name it. */
  static String kernel() {
    return "spark: poisson counts by row position, blocks of " + BlockCutter.BLOCK + " rows, fixed merge tree";
  }

  private static List<MomentStatistic> momentStatistics(List<? extends Statistic> statistics) {
    if (statistics.isEmpty()) {
      throw new InvalidInputException("no statistic to compute: give at least one statistic");
    }
    final List<MomentStatistic> out = new ArrayList<>();
    for (Statistic s : statistics) {
      if (!(s instanceof MomentStatistic m)) {
        throw new InvalidInputException(s.label() + " is not a moment statistic; the Spark engine's Poisson bootstrap "
            + "takes mean, var, std, skew, kurt, cov, corr, ratio and mean_diff");
      }
      if (out.stream().anyMatch(o -> o.label().equals(m.label()))) {
        throw new InvalidInputException("statistic " + m.label() + " is asked for twice");
      }
      out.add(m);
    }
    return out;
  }

  /**
   * Checks what a run can check before it reads anything (the command line calls it before it
   * starts Spark): moment statistics only, the poisson scheme, no studentized interval.
   *
   * @throws InvalidInputException a statistic that is not a moment statistic, or none
   * @throws InvalidSettingException another scheme, the studentized interval
   */
  public static void check(List<? extends Statistic> statistics, BootstrapOptions options) {
    momentStatistics(statistics);
    if (!(options.scheme() instanceof Scheme.Poisson)) {
      throw new InvalidSettingException("scheme", options.scheme().spelling(),
          "is not the Spark engine's: it resamples by Poisson counts", "poisson");
    }
    if (options.intervals().methods().contains(IntervalMethod.STUDENTIZED)) {
      throw new InvalidSettingException("intervals", "studentized",
          "needs a nested bootstrap per resample, which the Spark engine does not run", "percentile, basic, normal, bca");
    }
  }

  private static void checkRows(SparkInput input, MomentPlan plan, long n, long dropped) {
    final String after = dropped > 0 ? " after dropping " + dropped + " rows with missing values" : "";
    if (n < 2) {
      throw new InvalidInputException("a bootstrap needs at least 2 observations; " + input.source() + " has " + n + after);
    }
    for (MomentStatistic m : plan.statistics) {
      if (n < m.minObservations()) {
        throw new InvalidInputException(m.label() + " needs at least " + m.minObservations() + " observations; "
            + input.source() + " has " + n + after);
      }
    }
  }
}
