package org.parboot.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.InvalidSettingException;
import org.parboot.Messages;
import org.parboot.TwoSampleResult;
import org.parboot.batch.BatchResult;
import org.parboot.batch.GroupResult;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.exec.RunControl;
import org.parboot.exec.SimdMode;
import org.parboot.rng.PoissonCounts;
import org.parboot.rng.Seeds;
import org.parboot.scheme.Scheme;
import org.parboot.stat.ExpressionStatistic;
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
  public static final String LAYOUT = "blocks" + BlockCutter.BLOCK + "-rows8-tree";

  private SparkBootstrap() {}

  /**
   * Bytes of tree nodes one task may hold for one level of a pass (groups x (B + 1) x the nodes'
   * slots): beyond it a run is refused before it reads anything (fewer groups or resamples).
   */
  static final long NODE_BYTES_LIMIT = 256L << 20;

  /**
   * The Bag of Little Bootstraps of any moment or order statistic ({@link BagOfLittleBootstraps}
   * says what it computes): s subsets of ceil(n^gamma) rows drawn without replacement, each
   * resampled r times up to n rows by multinomial counts; percentile, basic and normal intervals,
   * standard errors and biases averaged over the subsets.
   *
   * @throws InvalidInputException a custom statistic, an unknown column, a bad cell, too few rows
   * @throws InvalidSettingException an interval method other than percentile, basic and normal
   */
  public static BootstrapResult runBlb(SparkInput input, List<? extends Statistic> statistics, BootstrapOptions options,
      BlbOptions blb, RunControl control) {
    return BagOfLittleBootstraps.run(input, statistics, options, blb, control);
  }

  /** What {@link #runBlb} checks before it reads anything (the command line calls it before it starts Spark). */
  public static void checkBlb(List<? extends Statistic> statistics, BootstrapOptions options) {
    BagOfLittleBootstraps.check(statistics, options);
  }

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
    final Passes p = passes(input, null, null, statistics, options, control, g -> options.seed());
    final List<IntervalInputs> inputs = new ArrayList<>();
    for (int s = 0; s < p.plan.statistics.size(); s++) {
      inputs.add(p.jackknife ? IntervalInputs.ofAcceleration(acceleration(p, new int[] {0}, new int[] {-1}, s))
          : IntervalInputs.none());
    }
    return Bootstrap.summarise(input.source(), p.rows[0], p.dropped, options, options.scheme().spelling(), LAYOUT,
        p.kernel, p.engine, p.plan.statistics, p.observed[0], p.replicates[0], inputs, since(start));
  }

  /**
   * An independent Poisson bootstrap per value of the text column {@code groupBy} (stripped of
   * blanks), all groups in one pass: group g's rows are numbered in input order within the group and
   * resampled under {@link Seeds#group Seeds.group(seed, input.name(), g)}, as the core's
   * {@code GroupedBootstrap} numbers and seeds them; groups in order of first appearance.
   */
  public static BatchResult runGrouped(SparkInput input, String groupBy, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control) {
    final long start = System.nanoTime();
    final Passes p = passes(input, groupBy, null, statistics, options, control,
        g -> Seeds.group(options.seed(), input.name(), g));
    final List<GroupResult> groups = new ArrayList<>();
    for (int g = 0; g < p.groups.size(); g++) {
      final List<IntervalInputs> inputs = new ArrayList<>();
      for (int s = 0; s < p.plan.statistics.size(); s++) {
        inputs.add(p.jackknife ? IntervalInputs.ofAcceleration(acceleration(p, new int[] {g}, new int[] {-1}, s))
            : IntervalInputs.none());
      }
      final BootstrapOptions own = options.toBuilder().seed(p.seeds[g]).build();
      groups.add(new GroupResult(input.name(), p.groups.get(g), p.seeds[g], Bootstrap.summarise(input.source(),
          p.rows[g], 0, own, options.scheme().spelling(), LAYOUT, p.kernel, p.engine, p.plan.statistics, p.observed[g],
          p.replicates[g], inputs, since(start))));
    }
    return new BatchResult(options, groups.size(), 1, since(start), groups);
  }

  /**
   * The two-sample comparison: each statistic's statistic(first) − statistic(second) between the
   * rows whose {@code column} is {@code first} and those whose {@code column} is {@code second},
   * each sample resampled as its group is by {@link #runGrouped} (so each replicate is group A's
   * replicate b minus group B's), in one pass. BCa's acceleration is SciPy's two-sample one from the
   * jackknife of each sample.
   */
  public static TwoSampleResult compare(SparkInput input, String column, String first, String second,
      List<? extends Statistic> statistics, BootstrapOptions options, RunControl control) {
    final long start = System.nanoTime();
    final Passes p = passes(input, column, List.of(first, second), statistics, options, control,
        g -> Seeds.group(options.seed(), input.name(), g));
    final int k = p.plan.statistics.size();
    final int b = options.resamples();
    final double[][] replicates = new double[k][b];
    final double[] observed = new double[k];
    final List<IntervalInputs> inputs = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      for (int r = 0; r < b; r++) {
        replicates[s][r] = p.replicates[0][s][r] - p.replicates[1][s][r];
      }
      observed[s] = p.observed[0][s] - p.observed[1][s];
      inputs.add(p.jackknife ? IntervalInputs.ofAcceleration(acceleration(p, new int[] {0, 1}, new int[] {-1, 1}, s))
          : IntervalInputs.none());
    }
    final BootstrapResult result = Bootstrap.summarise(input.source() + ": " + first + " - " + second,
        p.rows[0] + p.rows[1], 0, options, options.scheme().spelling() + ", two independent samples", LAYOUT, p.kernel,
        p.engine, p.plan.statistics, observed, replicates, inputs, since(start));
    return new TwoSampleResult(new TwoSampleResult.Side(input.name(), first, p.rows[0]),
        new TwoSampleResult.Side(input.name(), second, p.rows[1]), p.seeds[0], p.seeds[1], result);
  }

  /** What the passes of a run found, group by group. */
  private record Passes(MomentPlan plan, List<String> groups, long[] rows, long dropped, long[] seeds,
      double[][][] replicates, double[][] observed, boolean jackknife, double[][] m2, double[][] m3, String engine,
      String kernel) {}

  /**
   * The numbering pass, the bootstrap pass and, for BCa, the jackknife pass, for every group of
   * {@code groupBy} (null: one group of every row), or only the groups {@code only} in that order.
   */
  private static Passes passes(SparkInput input, String groupBy, List<String> only, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control, java.util.function.Function<String, Long> seedOf) {
    check(statistics, options);
    final MomentPlan plan = new MomentPlan(momentStatistics(statistics));
    final SparkInput.Selected selected = input.select(plan.columns, groupBy);
    try (SparkJobs jobs = new SparkJobs(input.spark(), control)) {
      final var rows = selected.rows().javaRDD();
      Numbering numbering = jobs.run(() -> TreePass.number(rows, selected.source()));
      if (only != null) {
        for (String g : only) {
          if (!numbering.groups().contains(g)) {
            throw new InvalidInputException("--compare: no rows with " + Messages.escape(groupBy) + " = "
                + Messages.quote(g) + "; values of " + Messages.quote(groupBy) + ": "
                + Messages.list(numbering.groups(), Messages::quote));
          }
        }
        numbering = numbering.only(only);
      }
      final List<String> groups = numbering.groups();
      final long[] n = numbering.rows();
      if (groups.isEmpty()) {
        checkRows(input.source(), plan, 0, numbering.dropped());
      }
      for (int g = 0; g < groups.size(); g++) {
        checkRows(groupBy == null ? input.source() : input.source() + ", group " + Messages.quote(groups.get(g)), plan,
            n[g], groupBy == null ? numbering.dropped() : 0);
      }
      final int b = options.resamples();
      final long[] seeds = groups.stream().mapToLong(seedOf::apply).toArray();
      final boolean simd = options.execution().simd() != SimdMode.NEVER;
      final PoissonLeaf leaf = new PoissonLeaf(plan, seeds, b, simd);
      final long nodeBytes = (long) groups.size() * leaf.shape().size() * 8;
      if (nodeBytes > NODE_BYTES_LIMIT) {
        throw new InvalidInputException(groups.size() + " groups x " + (b + 1) + " replicates need "
            + (nodeBytes >> 20) + " MiB per node level in each Spark task; accepted: up to " + (NODE_BYTES_LIMIT >> 20)
            + " MiB (fewer resamples, or fewer groups with --where)");
      }
      final Numbering numbered = numbering;
      final Forest forest = jobs.run(() -> TreePass.run(rows, selected.source(), numbered, leaf, n));
      final int k = plan.statistics.size();
      final double[][] roots = new double[groups.size()][];
      final double[][][] replicates = new double[groups.size()][k][b];
      final double[][] observed = new double[groups.size()][k];
      final double[] leafValues = plan.leafScratch();
      final double[] row = new double[k];
      for (int g = 0; g < groups.size(); g++) {
        roots[g] = forest.root(g);
        for (int r = 0; r < b; r++) {
          plan.values(leaf.shape(), roots[g], r, leafValues, row);
          for (int s = 0; s < k; s++) {
            replicates[g][s][r] = row[s];
          }
        }
        plan.values(leaf.shape(), roots[g], b, leafValues, observed[g]);
      }
      final boolean jackknife = IntervalMethod.anyNeedsJackknife(java.util.Set.copyOf(options.intervals().methods()));
      double[][] m2 = null;
      double[][] m3 = null;
      if (jackknife) {
        final JackknifeLeaf jack = new JackknifeLeaf(plan, leaf.shape(), roots, b, observed);
        final Forest u = jobs.run(() -> TreePass.run(rows, selected.source(), numbered, jack, n));
        m2 = new double[groups.size()][k];
        m3 = new double[groups.size()][k];
        for (int g = 0; g < groups.size(); g++) {
          final double[] root = u.root(g);
          for (int s = 0; s < k; s++) {
            m2[g][s] = jack.shape().moment(root, s, 2, 0);
            m3[g][s] = jack.shape().moment(root, s, 3, 0);
          }
        }
      }
      return new Passes(plan, groups, n, numbering.dropped(), seeds, replicates, observed, jackknife, m2, m3,
          "spark " + input.spark().sparkContext().master(), kernel(simd));
    }
  }

  /**
   * BCa's acceleration of statistic s from the jackknife of the samples {@code groups} (SciPy's
   * k-sample formula; for one sample the usual one): with {@code t_i = theta_(i) - theta} the
   * deviations of sample j's leave-one-out values, whose root holds {@code M2 = sum (t - mean t)^2}
   * and {@code M3}, {@code sum_i U_ji^2 = (n_j - 1)^2 M2} and {@code sum_i U_ji^3 = sign_j (n_j - 1)^3 M3}
   * for {@code U_ji = (n_j - 1)(mean theta_j - theta_ji)}, where sign is -1 for a sample whose
   * statistic enters with + (the first) and +1 for one that enters with - (the second).
   */
  private static double acceleration(Passes p, int[] groups, int[] signs, int s) {
    double num = 0;
    double den = 0;
    for (int j = 0; j < groups.length; j++) {
      final double n = p.rows[groups[j]];
      final double f = groups.length == 1 ? 1 : n - 1;
      final double scale = groups.length == 1 ? 1 : n;
      num += signs[j] * f * f * f * p.m3[groups[j]][s] / (scale * scale * scale);
      den += f * f * p.m2[groups[j]][s] / (scale * scale);
    }
    final double a = num / (6 * den * Math.sqrt(den));
    return Double.isFinite(a) ? a : Double.NaN;
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * How the replicates are computed, as results name it: the counts on SIMD lanes where an
   * executor's JVM has the Vector API (as this driver's does, or not), the same counts either way.
   */
  static String kernel(boolean simd) {
    return "spark: poisson counts by row position (" + (simd ? "SIMD where the executors have the Vector API; here "
        + PoissonCounts.fillImplementation(true) : "scalar") + "), blocks of " + BlockCutter.BLOCK
        + " rows, fixed merge tree";
  }

  /** The statistics, checked: each a moment statistic or an expression of them, each label once. */
  private static List<Statistic> momentStatistics(List<? extends Statistic> statistics) {
    if (statistics.isEmpty()) {
      throw new InvalidInputException("no statistic to compute: give at least one statistic");
    }
    final List<Statistic> out = new ArrayList<>();
    for (Statistic s : statistics) {
      final List<Statistic> leaves = s instanceof ExpressionStatistic e ? e.parts() : List.of(s);
      for (Statistic leaf : leaves) {
        if (leaf instanceof MomentStatistic m && m.values() != MomentStatistic.Values.RAW) {
          throw new InvalidInputException(leaf.label() + (leaf == s ? "" : " (in " + s.label() + ")")
              + " is not on the Spark engine yet (its values are transformed before the sums); accepted there: mean, "
              + "var, std, cv, sem, skew, kurt, cov, corr, ratio and mean_diff, and expressions of them");
        }
        if (!(leaf instanceof MomentStatistic)) {
          throw new InvalidInputException(leaf.label() + (leaf == s ? "" : " (in " + s.label() + ")")
              + " is not a moment statistic; the Spark engine's Poisson bootstrap takes mean, var, std, cv, sem, skew, "
              + "kurt, cov, corr, ratio and mean_diff, and expressions of them (--method blb takes the others)");
        }
      }
      if (out.stream().anyMatch(o -> o.label().equals(s.label()))) {
        throw new InvalidInputException("statistic " + s.label() + " is asked for twice");
      }
      out.add(s);
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

  private static void checkRows(String source, MomentPlan plan, long n, long dropped) {
    final String after = dropped > 0 ? " after dropping " + dropped + " rows with missing values" : "";
    if (n < 2) {
      throw new InvalidInputException("a bootstrap needs at least 2 observations; " + source + " has " + n + after);
    }
    for (Statistic m : plan.statistics) {
      if (n < m.minObservations()) {
        throw new InvalidInputException(m.label() + " needs at least " + m.minObservations() + " observations; "
            + source + " has " + n + after);
      }
    }
  }
}
