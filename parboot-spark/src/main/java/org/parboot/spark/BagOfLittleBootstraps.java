package org.parboot.spark;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.CancelledException;
import org.parboot.InvalidInputException;
import org.parboot.InvalidSettingException;
import org.parboot.StatisticResult;
import org.parboot.WeightedStatistics;
import org.parboot.ci.Distribution;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalInputs;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.RunControl;
import org.parboot.rng.ResampleStreams;
import org.parboot.rng.Seeds;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.Statistic;
import org.parboot.stat.StatisticParts;
import scala.Tuple2;

/**
 * The Bag of Little Bootstraps on Spark (Kleiner, Talwalkar, Sarkar and Jordan 2012), for any
 * moment or order statistic (median, quantiles, trimmed mean, min, max...).
 *
 * <h2>What it computes</h2>
 * <ol>
 *   <li>Subset j (j = 0..s-1) is the b = ceil(n^gamma) rows with the smallest keys, row i's key
 *       being output i of the stream {@link Seeds#blbSubset Seeds.blbSubset(seed, j)} (unsigned;
 *       ties, which need equal 64-bit outputs, by position): a uniform sample without
 *       replacement, a pure function of the seed and the rows' positions, so the same for any
 *       partitioning. A task keeps only the rows whose key is below a threshold that about
 *       {@code b + 6 sqrt(b) + 16} rows pass, so the subsets, not the data, are shuffled.</li>
 *   <li>Resample k of subset j draws n indices uniformly from its b rows (the core's iid draw,
 *       from the stream {@link Seeds#blbResample Seeds.blbResample(seed, j, k)}, in blocks of
 *       256), and the statistics are evaluated on the b rows weighted by how often each was drawn
 *       ({@link WeightedStatistics}: nothing is expanded to n rows). The draw costs n per
 *       resample; the evaluation b.</li>
 *   <li>Per subset, with its own estimate (the statistic of its b rows) as the observed value:
 *       the standard error, the bias and the percentile, basic and normal intervals of its r
 *       replicates (the core's interval methods), each interval as its ends' distances from the
 *       subset's estimate: the subset's picture of the estimator's error. The result averages
 *       each over the subsets and puts the intervals around the estimate on all n rows
 *       ({@link FullSample}: exact, for order statistics too), as the paper does (its
 *       Algorithm 1 estimates a quality assessment of the full-data estimate); its replicates
 *       are the s x r replicates in subset order, each subset's shifted by the full-data
 *       estimate minus its own.</li>
 * </ol>
 */
final class BagOfLittleBootstraps {
  private BagOfLittleBootstraps() {}

  /** A row that may belong to a subset: its key for that subset, position and values. */
  record Candidate(int subset, long key, long position, double[] values) implements Serializable {}

  /** One subset's estimate and replicates: {@code observed[s]}, {@code replicates[s][k]}. */
  record Subset(int subset, double[] observed, double[][] replicates) implements Serializable {}

  /** The interval methods the subsets' replicates give. */
  static final Set<IntervalMethod> METHODS = Set.of(IntervalMethod.PERCENTILE, IntervalMethod.BASIC, IntervalMethod.NORMAL);

  static void check(List<? extends Statistic> statistics, BootstrapOptions options) {
    for (Statistic s : StatisticParts.leavesOf(statistics)) {
      if (s instanceof org.parboot.stat.MomentStatistic m && m.values() != org.parboot.stat.MomentStatistic.Values.RAW
          || s instanceof org.parboot.stat.OrderStatistic o && !o.readsFixedPositions()
          || s instanceof org.parboot.stat.RankStatistic || s instanceof org.parboot.stat.OlsStatistic) {
        throw new InvalidInputException(s.label() + " is not on the Spark engine yet (its exact full-data value needs "
            + "a pass the engine does not make); --method blb takes mean, var, std, cv, sem, skew, kurt, cov, corr, "
            + "ratio, mean_diff, median, quantile, iqr, trimmed_mean, min and max, and expressions of them");
      }
      if (s instanceof CustomStatistic) {
        throw new InvalidInputException(s.label() + " is a custom statistic; the Bag of Little Bootstraps takes the "
            + "built-in moment and order statistics");
      }
    }
    for (IntervalMethod m : options.intervals().methods()) {
      if (!METHODS.contains(m)) {
        throw new InvalidSettingException("intervals", m.spelling(), "is not one the Bag of Little Bootstraps averages "
            + "over its subsets", "percentile, basic, normal");
      }
    }
  }

  static BootstrapResult run(SparkInput input, List<? extends Statistic> statistics, BootstrapOptions options,
      BlbOptions blb, RunControl control) {
    final long start = System.nanoTime();
    check(statistics, options);
    // The moment statistics' columns first, in their plan's order (the tree pass of the full-data
    // estimate reads them so), then the order statistics' others.
    final List<Statistic> moments = StatisticParts.leavesOf(statistics).stream()
        .filter(s -> s instanceof org.parboot.stat.MomentStatistic).toList();
    final LinkedHashSet<String> ordered = new LinkedHashSet<>(moments.isEmpty() ? List.of() : new MomentPlan(moments).columns);
    statistics.forEach(s -> ordered.addAll(s.columns()));
    final List<String> columns = List.copyOf(ordered);
    final SparkInput.Selected selected = input.select(columns, null);
    final List<Statistic> stats = List.copyOf(statistics);
    try (SparkJobs jobs = new SparkJobs(input.spark(), control)) {
      final JavaRDD<Row> rows = selected.rows().javaRDD();
      final Numbering numbering = jobs.run(() -> TreePass.number(rows, selected.source()));
      final long n = numbering.total();
      if (n < 2) {
        throw new InvalidInputException("a bootstrap needs at least 2 observations; " + input.source() + " has " + n);
      }
      if (n > Integer.MAX_VALUE) {
        throw new InvalidInputException("the Bag of Little Bootstraps takes at most " + Integer.MAX_VALUE
            + " rows (its resamples' counts are 32-bit); " + input.source() + " has " + n + "; accepted: the Poisson "
            + "bootstrap (--method poisson) for the moment statistics");
      }
      final long b = blb.subsetSize(n);
      for (Statistic s : stats) {
        if (b < s.minObservations()) {
          throw new InvalidInputException(s.label() + " needs at least " + s.minObservations() + " rows per subset; "
              + "subsets have " + b + " (raise --blb-gamma)");
        }
      }
      final long seed = options.seed();
      final int subsets = blb.subsets();
      final int r = blb.resamples();
      List<Subset> found = null;
      for (double margin = 6; found == null; margin *= 2) {
        final long tau = threshold(b, n, margin);
        final List<Subset> attempt = jobs.run(() -> subsets(rows, selected.source(), numbering, columns, stats, seed,
            subsets, (int) b, (int) n, r, tau));
        found = attempt.size() == subsets ? attempt : null; // a subset short of b candidates: about 1e-9
      }
      found = new ArrayList<>(found);
      found.sort(Comparator.comparingInt(Subset::subset));
      final double[] full = FullSample.observed(rows, selected.source(), numbering, columns, stats, jobs);
      return result(input, stats, options, blb, n, b, numbering.dropped(), found, full, start);
    }
  }

  /**
   * The key threshold, as an unsigned 64-bit value, that about {@code b + margin sqrt(b) + 16} of n
   * rows pass (every row when that is n or more).
   */
  static long threshold(long b, long n, double margin) {
    final double share = (b + margin * Math.sqrt(b) + 16) / n;
    if (share >= 1) {
      return -1L; // 2^64 - 1 unsigned: every key but the largest passes; the largest is 2^-64 likely
    }
    final double scaled = share * 0x1p64;
    return scaled >= 0x1p63 ? (long) (scaled - 0x1p63) + Long.MIN_VALUE : (long) scaled;
  }

  private static List<Subset> subsets(JavaRDD<Row> rows, RowSource source, Numbering numbering, List<String> columns,
      List<Statistic> stats, long seed, int subsets, int b, int n, int r, long tau) {
    final long[] states = new long[subsets];
    for (int j = 0; j < subsets; j++) {
      states[j] = Seeds.blbSubset(seed, j);
    }
    return rows.mapPartitionsWithIndex((partition, it) -> {
      final List<Candidate> out = new ArrayList<>();
      source.read(partition, it, numbering, (group, position, values) -> {
        for (int j = 0; j < states.length; j++) {
          final long key = ResampleStreams.mix64(states[j] + (position + 1) * ResampleStreams.GOLDEN_GAMMA);
          if (Long.compareUnsigned(key, tau) < 0) {
            out.add(new Candidate(j, key, position, values.clone()));
          }
        }
      });
      return out.iterator();
    }, false)
        .mapToPair(c -> new Tuple2<>(c.subset(), c))
        .groupByKey(Math.max(1, Math.min(subsets, rows.getNumPartitions() * 4)))
        .flatMap(t -> {
          final List<Candidate> all = new ArrayList<>();
          t._2().forEach(all::add);
          return all.size() < b ? List.<Subset>of().iterator()
              : List.of(subset(t._1(), all, columns, stats, seed, b, n, r)).iterator();
        })
        .collect();
  }

  /** Subset j from its candidates: the b with the smallest keys, in position order, resampled r times. */
  static Subset subset(int j, List<Candidate> candidates, List<String> columns, List<Statistic> stats, long seed, int b,
      int n, int r) {
    candidates.sort((x, y) -> {
      final int c = Long.compareUnsigned(x.key(), y.key());
      return c != 0 ? c : Long.compare(x.position(), y.position());
    });
    final List<Candidate> chosen = new ArrayList<>(candidates.subList(0, b));
    chosen.sort(Comparator.comparingLong(Candidate::position));
    final Dataset.Builder data = Dataset.builder("subset " + j);
    for (int c = 0; c < columns.size(); c++) {
      final double[] v = new double[b];
      for (int i = 0; i < b; i++) {
        v[i] = chosen.get(i).values()[c];
      }
      data.column(columns.get(c), v);
    }
    final WeightedStatistics weighted = new WeightedStatistics(data.build(), stats);
    final double[][] replicates = new double[stats.size()][r];
    final int[] counts = new int[b];
    final int[] block = new int[256];
    final double[] out = new double[stats.size()];
    final long threshold = ResampleStreams.threshold(b);
    for (int k = 0; k < r; k++) {
      final TaskContext task = TaskContext.get();
      if (Thread.currentThread().isInterrupted() || task != null && task.isInterrupted()) {
        throw new CancelledException("the run was cancelled", false);
      }
      Arrays.fill(counts, 0);
      final ResampleStreams.Stream stream = new ResampleStreams.Stream(Seeds.blbResample(seed, j, k));
      for (int from = 0; from < n; from += block.length) {
        final int len = Math.min(block.length, n - from);
        stream.fill(b, threshold, block, 0, len);
        for (int i = 0; i < len; i++) {
          counts[block[i]]++;
        }
      }
      weighted.evaluate(counts, n, out);
      for (int s = 0; s < out.length; s++) {
        replicates[s][k] = out[s];
      }
    }
    return new Subset(j, weighted.observed(), replicates);
  }

  private static BootstrapResult result(SparkInput input, List<Statistic> stats, BootstrapOptions options,
      BlbOptions blb, long n, long b, long dropped, List<Subset> subsets, double[] full, long start) {
    final int s = subsets.size();
    final int r = blb.resamples();
    final double level = options.intervals().level();
    // A one-sided interval keeps an endpoint of the averaged two-sided one at level 2L - 1, as the core's do.
    final org.parboot.ci.Alternative side = options.intervals().alternative();
    final List<StatisticResult> results = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    for (int k = 0; k < stats.size(); k++) {
      final double observed = full[k];
      double bias = 0;
      double se = 0;
      int nonFinite = 0;
      final double[] all = new double[s * r];
      final List<IntervalMethod> methods = options.intervals().methods();
      final double[] low = new double[methods.size()];
      final double[] high = new double[methods.size()];
      final List<String> w = new ArrayList<>();
      for (Subset sub : subsets) {
        final double[] rep = sub.replicates()[k];
        final double estimate = sub.observed()[k];
        for (int i = 0; i < r; i++) {
          all[sub.subset() * r + i] = rep[i] - estimate + observed; // centred on the full-data estimate
        }
        final Distribution d = new Distribution(rep, estimate);
        nonFinite += d.omitted();
        bias += d.bias() / s;
        se += d.standardError() / s;
        for (int m = 0; m < methods.size(); m++) {
          final Interval in = methods.get(m).interval(d, side.twoSidedLevel(level), IntervalInputs.none(), w);
          low[m] += (in.low() - estimate) / s;
          high[m] += (in.high() - estimate) / s;
        }
      }
      final List<Interval> intervals = new ArrayList<>();
      for (int m = 0; m < methods.size(); m++) {
        intervals.add(side.of(new Interval(methods.get(m), level, observed + low[m], observed + high[m]), level));
      }
      final String label = stats.get(k).label();
      // A subset's thin tails are not the result's: its endpoints are averages over the subsets.
      new LinkedHashSet<>(w).stream().filter(msg -> !IntervalMethod.isTailWarning(msg))
          .forEach(msg -> warnings.add(label + ": " + msg + " (in a subset)"));
      results.add(new StatisticResult(stats.get(k), observed, bias, se, intervals, nonFinite, all));
    }
    final String scheme = String.format(Locale.ROOT, "blb(s=%d, b=%d, r=%d, gamma=%s)", s, b, r, blb.gamma());
    return new BootstrapResult(input.source(), n, dropped, options.toBuilder().resamples(s * r).build(), scheme,
        ResampleStreams.ALGORITHM, WeightedStatistics.LAYOUT, "spark: bag of little bootstraps, " + s
            + " subsets of " + b + " rows, multinomial counts evaluated on the subset",
        "spark " + input.spark().sparkContext().master(), Duration.ofNanos(System.nanoTime() - start), results, warnings);
  }
}
