package org.parboot;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parboot.batch.GroupJob;
import org.parboot.ci.Alternative;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.engine.Contrast;
import org.parboot.engine.Engine;
import org.parboot.engine.Sample;
import org.parboot.eval.EvaluationPlan;
import org.parboot.exec.RunControl;
import org.parboot.resample.Permutations;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.Statistic;
import org.parboot.stat.StatisticParts;

/**
 * Permutation tests on the bootstrap's engine, as {@code scipy.stats.permutation_test}: the null
 * distribution of each statistic over permutations of the data, and SciPy's p-value
 * ({@link #pValue}). The three kinds are SciPy's {@code permutation_type}s
 * ({@link PermutationType}):
 * <ul>
 *   <li>{@link #independent}: two samples pooled and split again, the statistic's difference
 *       {@code statistic(first) − statistic(second)} (a difference of means by default on the
 *       command line);</li>
 *   <li>{@link #samples}: paired data in one table, each row's pair swapped or not: a statistic of
 *       two columns x and y has x and y exchanged in the swapped rows, a statistic of one column
 *       has its sign flipped there (SciPy's convention for one sample);</li>
 *   <li>{@link #pairings}: the rows of the columns after the first permuted against the first
 *       column (and the weights), e.g. y against x for {@code corr(x, y)}: SciPy's
 *       {@code permutation_test((y,), lambda y: statistic(x, y), permutation_type='pairings')}.</li>
 * </ul>
 * When there are no more distinct permutations than the resamples asked for, every one is
 * computed (an exact test, SciPy's rule); otherwise that many are drawn at random. Permutation p
 * is a pure function of the seed and p ({@link Permutations}), so a test is bit-identical on every
 * executor and thread count. The statistics are evaluated as a bootstrap's resamples are: the
 * samples of {@code independent} and {@code samples} are a set of rows of the pooled data (the
 * same kernels and summation layout; the observed value is the identity permutation's, through the
 * same evaluator), and each pairing is planned anew on its permuted data.
 *
 * <p>The options' resamples are the permutations; their alternative, seed, executor, threads,
 * SIMD and nan policy apply; their intervals and scheme do not.
 */
public final class PermutationTest {
  private PermutationTest() {}

  /**
   * The test of {@code statistic(first) − statistic(second)} under random reassignment of the
   * pooled rows to the two samples.
   *
   * @throws InvalidInputException the two samples are the same group, or a sample's data is not
   *     acceptable (the message names the group)
   */
  public static PermutationResult independent(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control) {
    if (first.file().equals(second.file()) && first.group().equals(second.group())) {
      throw new InvalidInputException("a permutation test needs two different groups, got "
          + Messages.quote(first.group()) + " twice");
    }
    final long start = System.nanoTime();
    check(first, second, statistics, options);
    final int k = first.data().rows();
    final int m = second.data().rows();
    final Dataset pooled = pooled(first.data(), second.data(), Statistic.columnsRead(statistics, options.weights()));
    final BigInteger distinct = Permutations.distinct(PermutationType.INDEPENDENT, k, m);
    final boolean exact = exact(distinct, options);
    final BootstrapOptions run = runOptions(options, distinct, exact);
    final long seed = run.seed();
    final org.parboot.resample.Resampler[] parts = Permutations.split(seed, k, m, exact);
    final List<Sample> samples = List.of(new Sample(first.group(), pooled, seed, parts[0], range(0, k)),
        new Sample(second.group(), pooled, seed, parts[1], range(k, k + m)));
    final String what = first.group() + " (n = " + k + ") and " + second.group() + " (n = " + m + ") pooled";
    return test(first.data().source() + ": " + first.group() + " - " + second.group(), k + m,
        PermutationType.INDEPENDENT, samples, Contrast.DIFFERENCE, statistics, run, distinct, exact, what, control,
        start);
  }

  /**
   * The paired test: each row's pair in its observed or swapped orientation. Every statistic reads
   * the same two columns (x and y exchanged in a swapped row), or each reads one column (its sign
   * flipped in a swapped row: the test that the column is symmetric about 0).
   *
   * @throws InvalidInputException statistics of other columns, or data they do not accept
   */
  public static PermutationResult samples(Dataset data, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control) {
    final long start = System.nanoTime();
    EvaluationPlan.check(data, statistics, options.weights());
    final Set<List<String>> read = new LinkedHashSet<>();
    statistics.forEach(s -> read.add(s.columns()));
    final boolean flip = read.stream().allMatch(c -> c.size() == 1);
    if (!flip && (read.size() != 1 || read.iterator().next().size() != 2)) {
      throw new InvalidInputException("permutation type samples swaps two columns within each row, or flips the "
          + "sign of one; the statistics read " + Messages.list(read.stream().map(c -> String.join(", ", c)).toList(),
              Messages::quote) + "; accepted: statistics that all read the same two columns (e.g. 'mean(x) - mean(y)') "
          + "or each one column (e.g. mean of differences)");
    }
    final int n = data.rows();
    final List<String> swapped = flip ? read.stream().map(c -> c.get(0)).distinct().toList() : read.iterator().next();
    final Dataset.Builder b = Dataset.builder(data.source()).droppedMissing(data.droppedMissing());
    for (String c : data.columnNames()) {
      final double[] v = data.column(c);
      final double[] both = new double[2 * n];
      System.arraycopy(v, 0, both, 0, n);
      if (!swapped.contains(c)) {
        System.arraycopy(v, 0, both, n, n);
      } else if (flip) {
        for (int i = 0; i < n; i++) {
          both[n + i] = -v[i];
        }
      } else {
        final double[] other = data.column(swapped.get(0).equals(c) ? swapped.get(1) : swapped.get(0));
        System.arraycopy(other, 0, both, n, n);
      }
      b.column(c, both);
    }
    final BigInteger distinct = Permutations.distinct(PermutationType.SAMPLES, n, 0);
    final boolean exact = exact(distinct, options);
    final BootstrapOptions run = runOptions(options, distinct, exact);
    final List<Sample> samples = List.of(new Sample("", b.build(), run.seed(),
        Permutations.swaps(run.seed(), n, 0, exact), range(0, n)));
    final String what = flip ? n + " rows, each with its sign flipped or not (" + String.join(", ", swapped) + ")"
        : n + " rows, each with " + swapped.get(0) + " and " + swapped.get(1) + " swapped or not";
    return test(data.source(), n, PermutationType.SAMPLES, samples, Contrast.IDENTITY, statistics, run, distinct,
        exact, what, control, start);
  }

  /**
   * The paired test of two samples matched row by row (row i of each is one pair:
   * {@link org.parboot.data.Pairs#match}): each pair's two members swapped between the samples or
   * not, the statistic's difference {@code statistic(first) − statistic(second)}; SciPy's
   * {@code permutation_test((a, b), statistic, permutation_type='samples')}.
   *
   * @throws InvalidInputException the samples differ in length, or their data is not acceptable
   */
  public static PermutationResult pairedSamples(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control) {
    final long start = System.nanoTime();
    final int n = first.data().rows();
    if (second.data().rows() != n) {
      throw new InvalidInputException("paired samples must have one row per pair: " + Messages.quote(first.group())
          + " has " + n + " rows and " + Messages.quote(second.group()) + " " + second.data().rows());
    }
    check(first, second, statistics, options);
    final Dataset pooled = pooled(first.data(), second.data(), Statistic.columnsRead(statistics, options.weights()));
    final BigInteger distinct = Permutations.distinct(PermutationType.SAMPLES, n, 0);
    final boolean exact = exact(distinct, options);
    final BootstrapOptions run = runOptions(options, distinct, exact);
    final long seed = run.seed();
    final List<Sample> samples = List.of(
        new Sample(first.group(), pooled, seed, Permutations.swaps(seed, n, 0, exact), range(0, n)),
        new Sample(second.group(), pooled, seed, Permutations.swaps(seed, n, 1, exact), range(n, 2 * n)));
    final String what = n + " pairs of " + first.group() + " and " + second.group() + ", each swapped or not";
    return test(first.data().source() + ": " + first.group() + " - " + second.group(), n, PermutationType.SAMPLES,
        samples, Contrast.DIFFERENCE, statistics, run, distinct, exact, what, control, start);
  }

  /**
   * The test of association: the rows of every column the statistics read after the first one (the
   * first statistic's first column) permuted together against it and the weights; every statistic
   * must read that first column. A statistic of one column only is accepted when it is a custom
   * one (it sees its rows in order).
   *
   * @throws InvalidInputException statistics that no permutation can change (one column, or not
   *     the first column), or data they do not accept
   */
  public static PermutationResult pairings(Dataset data, List<? extends Statistic> statistics,
      BootstrapOptions options, RunControl control) {
    final long start = System.nanoTime();
    EvaluationPlan.check(data, statistics, options.weights());
    final List<String> read = Statistic.columnsRead(statistics, null);
    final List<String> permuted;
    if (read.size() >= 2) {
      permuted = read.subList(1, read.size());
      for (Statistic s : statistics) {
        if (!s.columns().contains(read.get(0))) {
          throw new InvalidInputException("permutation type pairings permutes the other columns against "
              + Messages.quote(read.get(0)) + " (the first statistic's first column), and " + Messages.quote(s.label())
              + " does not read it, so no permutation would change it; accepted: statistics that all read "
              + Messages.quote(read.get(0)) + ", or a test of " + Messages.quote(s.label()) + " on its own");
        }
      }
    } else if (StatisticParts.leavesOf(statistics).stream().allMatch(l -> l instanceof CustomStatistic)) {
      permuted = read;
    } else {
      throw new InvalidInputException("permutation type pairings permutes one column's rows against another's, and "
          + "the statistics read only " + Messages.quote(read.get(0)) + ", whose order does not change them; "
          + "accepted: a statistic of two or more columns, e.g. 'corr(x,y)', or a Java statistic of the row order");
    }
    final int n = data.rows();
    final BigInteger distinct = Permutations.distinct(PermutationType.PAIRINGS, n, 0);
    final boolean exact = exact(distinct, options);
    final BootstrapOptions run = runOptions(options, distinct, exact);
    final List<Sample> samples = List.of(new Sample("", data, run.seed(),
        Permutations.shuffle(run.seed(), n, permuted, exact), null));
    final String what = n + " rows of " + String.join(", ", permuted) + " permuted against "
        + (read.size() >= 2 ? read.get(0) : "their order");
    return test(data.source(), n, PermutationType.PAIRINGS, samples, Contrast.IDENTITY, statistics, run, distinct,
        exact, what, control, start);
  }

  /**
   * SciPy's p-value of {@code observed} against the null distribution's finite values
   * {@code nulls[0..count)}: with N of them and {@code γ = 100 ε |observed|} (ε the double's
   * machine epsilon, so that values equal in theory but not in their last bits count as equal),
   * {@code less} is {@code (#{null ≤ observed + γ} + a) / (N + a)}, {@code greater} is
   * {@code (#{null ≥ observed − γ} + a) / (N + a)}, and {@code two-sided} twice the smaller,
   * at most 1; {@code a} is 0 for an exact test and 1 for a random one (the observed data counts
   * as one of the permutations: Phipson and Smyth 2010). NaN when {@code observed} is not finite
   * or N is 0.
   */
  public static double pValue(double[] nulls, int count, double observed, Alternative alternative, boolean exact) {
    if (!Double.isFinite(observed) || count == 0) {
      return Double.NaN;
    }
    final double gamma = Math.abs(100 * Math.ulp(1.0) * observed);
    int below = 0;
    int above = 0;
    for (int i = 0; i < count; i++) {
      if (nulls[i] <= observed + gamma) {
        below++;
      }
      if (nulls[i] >= observed - gamma) {
        above++;
      }
    }
    final int a = exact ? 0 : 1;
    return alternative.pValue((double) (below + a) / (count + a), (double) (above + a) / (count + a));
  }

  /** The smallest p-value a test of N permutations can give: 1/(N + a), twice that two-sided. */
  static double smallestPValue(int permutations, Alternative alternative, boolean exact) {
    final double one = 1.0 / (permutations + (exact ? 0 : 1));
    return alternative == Alternative.TWO_SIDED ? Math.min(1, 2 * one) : one;
  }

  private static PermutationResult test(String source, long n, PermutationType type, List<Sample> samples,
      Contrast contrast, List<? extends Statistic> statistics, BootstrapOptions run, BigInteger distinct, boolean exact,
      String what, RunControl control, long start) {
    final Engine.Outcome<Summary> outcome = Engine.run(samples, contrast, statistics, run, control,
        (r, s) -> summary(statistics.get(s).label(), r.replicates()[s], r.observed()[s], run, exact));
    final List<PermutationResult.Test> tests = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    for (Summary s : outcome.perStatistic()) {
      tests.add(s.test());
      warnings.addAll(s.warnings());
    }
    final double smallest = smallestPValue(run.resamples(), run.intervals().alternative(), exact);
    if (smallest > 0.05) {
      warnings.add(0, (exact ? "only " + run.resamples() + " distinct permutations" : run.resamples() + " permutations")
          + ": no " + run.intervals().alternative().spelling() + " p-value below " + String.format(java.util.Locale.ROOT, "%.3g", smallest)
          + " is possible");
    }
    return new PermutationResult(source, n, type, run, distinct, exact, what, outcome.replicates().kernel(),
        Duration.ofNanos(System.nanoTime() - start), tests, warnings);
  }

  private record Summary(PermutationResult.Test test, List<String> warnings) {}

  /** One statistic's p-value from its null distribution (owned by the result), under the nan policy. */
  private static Summary summary(String label, double[] nulls, double observed, BootstrapOptions run, boolean exact) {
    final List<String> w = new ArrayList<>();
    final int total = nulls.length;
    final double[] finite = new double[total];
    int count = 0;
    for (double v : nulls) {
      if (Double.isFinite(v)) {
        finite[count++] = v;
      }
    }
    final int omitted = total - count;
    boolean propagate = false;
    if (omitted > 0) {
      switch (run.nanPolicy()) {
        case OMIT -> w.add(label + ": " + omitted + " of " + total + " permutations give a NaN or infinite value and "
            + "were left out of the p-value");
        case PROPAGATE -> {
          w.add(label + ": " + omitted + " of " + total + " permutations give a NaN or infinite value; under the nan "
              + "policy propagate, the p-value is NaN");
          propagate = true;
        }
        case ERROR -> throw new NonFiniteReplicatesException(label, omitted, total,
            org.parboot.ci.Distribution.firstNonFinite(nulls));
      }
    }
    if (!Double.isFinite(observed)) {
      w.add(label + ": the observed value is " + observed + "; the p-value is NaN");
    }
    final double p = propagate ? Double.NaN : pValue(finite, count, observed, run.intervals().alternative(), exact);
    if (!exact && count > 0 && p == smallestPValue(count, run.intervals().alternative(), false)) {
      w.add(label + ": no permutation was as extreme as the data, so the p-value is the smallest " + count
          + " permutations can give; more permutations would resolve how small it is");
    }
    final double error = Double.isNaN(p) ? Double.NaN : exact ? 0 : Math.sqrt(p * (1 - p) / count);
    return new Summary(new PermutationResult.Test(label, observed, p, error, count, nulls), w);
  }

  /** Each sample's data against the statistics, an error naming the sample. */
  private static void check(GroupJob first, GroupJob second, List<? extends Statistic> statistics,
      BootstrapOptions options) {
    for (GroupJob g : List.of(first, second)) {
      try {
        EvaluationPlan.check(g.data(), statistics, options.weights());
      } catch (InvalidInputException e) {
        throw new InvalidInputException(g.group() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Whether every distinct permutation fits in the resamples asked for (SciPy's rule for an exact test). */
  private static boolean exact(BigInteger distinct, BootstrapOptions options) {
    return distinct.compareTo(BigInteger.valueOf(options.resamples())) <= 0;
  }

  /** The engine's options: the permutations as resamples, no interval that needs more than the values. */
  private static BootstrapOptions runOptions(BootstrapOptions options, BigInteger distinct, boolean exact) {
    if (distinct.compareTo(BigInteger.TWO) < 0) {
      throw new InvalidInputException("a permutation test needs at least two distinct permutations, and this data has "
          + distinct + "; accepted: at least two rows");
    }
    return options.toBuilder()
        .resamples(exact ? distinct.longValueExact() : options.resamples())
        .intervals(IntervalMethod.PERCENTILE)
        .scheme(org.parboot.scheme.Scheme.iid())
        .build();
  }


  /** The columns of {@code first}, then {@code second}'s rows. */
  private static Dataset pooled(Dataset first, Dataset second, List<String> columns) {
    final Dataset.Builder b = Dataset.builder(first.source()).droppedMissing(first.droppedMissing()
        + second.droppedMissing());
    for (String c : columns) {
      final double[] a = first.column(c);
      final double[] z = second.column(c);
      final double[] both = new double[a.length + z.length];
      System.arraycopy(a, 0, both, 0, a.length);
      System.arraycopy(z, 0, both, a.length, z.length);
      b.column(c, both);
    }
    return b.build();
  }

  private static int[] range(int from, int to) {
    final int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
