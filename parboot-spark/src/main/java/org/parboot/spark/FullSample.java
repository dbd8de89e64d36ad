package org.parboot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.SortedSample;
import org.parboot.stat.Statistic;
import org.parboot.stat.StatisticParts;

/**
 * The statistics on all n rows, exactly, without sorting or collecting the data: the estimate the
 * Bag of Little Bootstraps centres its intervals on.
 *
 * <ul>
 *   <li>Moment statistics: the tree pass with no resample ({@link PoissonLeaf} with B = 0): the
 *       same bits for any partitioning.</li>
 *   <li>Order statistics: each asks for a few positions of the sorted data and range sums (asked
 *       of a {@link SortedSample} that records what it is asked). The value at a position is found
 *       by narrowing a bracket: a pass counts, for each position sought, the values below the
 *       bracket and a histogram of 1024 buckets within it (count, least and greatest value of each
 *       bucket); the bucket holding the position becomes the bracket, until its values are all
 *       equal or at most 4096 of them remain, which the next pass collects and sorts. Counts and
 *       extremes are exact, so the values are too, whatever the partitioning; a few passes suffice
 *       (each narrows the bracket about 1000 times). A range sum adds the values strictly between
 *       its end values (a tree pass, the same bits for any partitioning) and the ties at its
 *       ends, counted.</li>
 * </ul>
 */
final class FullSample {
  private FullSample() {}

  static final int BUCKETS = 1024;
  static final int COLLECT = 4096;

  /** Records the positions and ranges an order statistic reads of a sorted sample of n values. */
  static final class Recording implements SortedSample {
    private final int n;
    final TreeSet<Integer> positions = new TreeSet<>();
    final List<int[]> ranges = new ArrayList<>();

    Recording(int n) {
      this.n = n;
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public double at(int pos) {
      positions.add(pos);
      return 0;
    }

    @Override
    public double sum(int from, int to) {
      ranges.add(new int[] {from, to});
      if (to > from) {
        positions.add(from);
        positions.add(to - 1);
      }
      return 0;
    }
  }

  /** The sorted data as far as found: values at positions, range sums. */
  static final class Found implements SortedSample {
    private final int n;
    final Map<Integer, Double> values = new LinkedHashMap<>();
    final Map<List<Integer>, Double> sums = new LinkedHashMap<>();

    Found(int n) {
      this.n = n;
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public double at(int pos) {
      return values.get(pos);
    }

    @Override
    public double sum(int from, int to) {
      return to <= from ? 0 : sums.get(List.of(from, to));
    }
  }

  /**
   * The statistics on all rows, in order: each leaf ({@link StatisticParts}) exactly, the moment
   * leaves by the tree, the order leaves by selection, and the expressions from their leaves.
   */
  static double[] observed(JavaRDD<Row> rows, RowSource source, Numbering numbering, List<String> columns,
      List<Statistic> stats, SparkJobs jobs) {
    final int n = (int) numbering.total();
    final StatisticParts parts = StatisticParts.of(stats);
    final List<Statistic> leaves = parts.leaves();
    final double[] value = new double[leaves.size()];
    final List<Integer> momentLeaves = parts.positionsOf(MomentStatistic.class);
    if (!momentLeaves.isEmpty()) {
      final MomentPlan plan = new MomentPlan(momentLeaves.stream().map(leaves::get).toList());
      final PoissonLeaf leaf = new PoissonLeaf(plan, new long[] {0}, 0, false);
      final long[] groupRows = numbering.rows();
      final double[] root = jobs.run(() -> TreePass.run(rows, source, numbering, leaf, groupRows)).root(0);
      if (!columns.subList(0, plan.columns.size()).equals(plan.columns)) {
        throw new IllegalArgumentException("the moment statistics' columns " + plan.columns + " must come first: " + columns);
      }
      final double[] moments = new double[momentLeaves.size()];
      plan.values(leaf.shape(), root, 0, plan.leafScratch(), moments);
      for (int m = 0; m < moments.length; m++) {
        value[momentLeaves.get(m)] = moments[m];
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      final String column = columns.get(c);
      final List<Integer> which = new ArrayList<>();
      final Recording asked = new Recording(n);
      for (int s = 0; s < leaves.size(); s++) {
        if (leaves.get(s) instanceof OrderStatistic o && o.column().equals(column)) {
          o.evaluate(asked);
          which.add(s);
        }
      }
      if (which.isEmpty()) {
        continue;
      }
      final Found found = select(rows, source, numbering, c, asked, jobs);
      for (int s : which) {
        value[s] = ((OrderStatistic) leaves.get(s)).evaluate(found);
      }
    }
    final double[] out = new double[stats.size()];
    parts.combine(value, out);
    return out;
  }

  /** A bracket sought (null once its position is found): values in [lo, hi], collected (at most {@link #COLLECT}) or in buckets. */
  record Bracket(double lo, double hi, boolean collect) implements Serializable {}

  /** One pass's findings for each bracket of one column. */
  static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[] below;
    final long[][] counts;
    final double[][] least;
    final double[][] greatest;
    final double[][] collected;
    final int[] collectedSize;

    Tally(int brackets) {
      below = new long[brackets];
      counts = new long[brackets][BUCKETS];
      least = new double[brackets][BUCKETS];
      greatest = new double[brackets][BUCKETS];
      for (int t = 0; t < brackets; t++) {
        Arrays.fill(least[t], Double.POSITIVE_INFINITY);
        Arrays.fill(greatest[t], Double.NEGATIVE_INFINITY);
      }
      collected = new double[brackets][];
      collectedSize = new int[brackets];
    }

    void add(Bracket[] brackets, double x) {
      for (int t = 0; t < brackets.length; t++) {
        final Bracket b = brackets[t];
        if (b == null) {
          continue; // found in an earlier pass
        }
        if (x < b.lo()) {
          below[t]++;
        } else if (x <= b.hi()) {
          if (b.collect()) {
            if (collected[t] == null) {
              collected[t] = new double[64];
            } else if (collectedSize[t] == collected[t].length) {
              collected[t] = Arrays.copyOf(collected[t], collected[t].length * 2);
            }
            collected[t][collectedSize[t]++] = x;
          } else {
            final int i = bucket(b, x);
            counts[t][i]++;
            least[t][i] = Math.min(least[t][i], x);
            greatest[t][i] = Math.max(greatest[t][i], x);
          }
        }
      }
    }

    Tally merge(Tally o) {
      for (int t = 0; t < below.length; t++) {
        below[t] += o.below[t];
        for (int i = 0; i < BUCKETS; i++) {
          counts[t][i] += o.counts[t][i];
          least[t][i] = Math.min(least[t][i], o.least[t][i]);
          greatest[t][i] = Math.max(greatest[t][i], o.greatest[t][i]);
        }
        if (o.collectedSize[t] > 0) {
          final double[] mine = collected[t] == null ? new double[0] : collected[t];
          final double[] both = Arrays.copyOf(mine, collectedSize[t] + o.collectedSize[t]);
          System.arraycopy(o.collected[t], 0, both, collectedSize[t], o.collectedSize[t]);
          collected[t] = both;
          collectedSize[t] += o.collectedSize[t];
        }
      }
      return this;
    }
  }

  static int bucket(Bracket b, double x) {
    final double span = b.hi() - b.lo();
    if (!(span > 0) || Double.isInfinite(span)) {
      return 0;
    }
    return (int) Math.min(BUCKETS - 1, Math.max(0, Math.floor((x - b.lo()) / span * BUCKETS)));
  }

  private static Tally pass(JavaRDD<Row> rows, RowSource source, Numbering numbering, int column, Bracket[] brackets,
      SparkJobs jobs) {
    return jobs.run(() -> rows.mapPartitionsWithIndex((partition, it) -> {
      final Tally tally = new Tally(brackets.length);
      source.read(partition, it, numbering, (group, position, values) -> tally.add(brackets, values[column]));
      return List.of(tally).iterator();
    }, false).treeReduce(Tally::merge, 2));
  }

  /** The values at the positions asked, and the range sums, of column c's sorted data. */
  private static Found select(JavaRDD<Row> rows, RowSource source, Numbering numbering, int column, Recording asked,
      SparkJobs jobs) {
    final int n = asked.size();
    final Integer[] positions = asked.positions.toArray(Integer[]::new);
    final Found found = new Found(n);
    final Bracket[] brackets = new Bracket[positions.length];
    Arrays.fill(brackets, new Bracket(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false));
    // The first pass's one bucket (an infinite span) gives every bracket the data's least and greatest value.
    for (int round = 0; found.values.size() < positions.length; round++) {
      if (round > 80) {
        throw new IllegalStateException("the selection of positions " + Arrays.toString(positions) + " did not end");
      }
      final Tally tally = pass(rows, source, numbering, column, brackets, jobs);
      for (int t = 0; t < positions.length; t++) {
        if (brackets[t] == null) {
          continue;
        }
        final long k = positions[t] - tally.below[t];
        if (brackets[t].collect()) {
          final double[] v = Arrays.copyOf(tally.collected[t], tally.collectedSize[t]);
          Arrays.sort(v);
          found.values.put(positions[t], v[(int) k]);
          brackets[t] = null;
          continue;
        }
        long seen = 0;
        int i = 0;
        while (seen + tally.counts[t][i] <= k) {
          seen += tally.counts[t][i++];
        }
        final double least = tally.least[t][i];
        final double greatest = tally.greatest[t][i];
        if (least == greatest) {
          found.values.put(positions[t], least);
          brackets[t] = null;
        } else {
          brackets[t] = new Bracket(least, greatest, tally.counts[t][i] <= COLLECT);
        }
      }
    }
    if (!asked.ranges.isEmpty()) {
      sums(rows, source, numbering, column, asked, found, jobs);
    }
    return found;
  }

  /**
   * Each range's sum: the values strictly between its end values (a tree pass of their mean, so the
   * same bits for any partitioning), plus the ties at each end that fall in the range (counted in
   * the same pass).
   */
  private static void sums(JavaRDD<Row> rows, RowSource source, Numbering numbering, int column, Recording asked,
      Found found, SparkJobs jobs) {
    final int k = asked.ranges.size();
    final double[] lo = new double[k];
    final double[] hi = new double[k];
    for (int r = 0; r < k; r++) {
      final int[] range = asked.ranges.get(r);
      lo[r] = range[1] > range[0] ? found.values.get(range[0]) : 0;
      hi[r] = range[1] > range[0] ? found.values.get(range[1] - 1) : 0;
    }
    final Bracket[] ends = new Bracket[2 * k];
    for (int r = 0; r < k; r++) {
      ends[2 * r] = new Bracket(lo[r], lo[r], false);
      ends[2 * r + 1] = new Bracket(hi[r], hi[r], false);
    }
    final Tally ties = pass(rows, source, numbering, column, ends, jobs);
    final RangeLeaf leaf = new RangeLeaf(column, lo, hi);
    final long[] groupRows = numbering.rows();
    final double[] root = jobs.run(() -> TreePass.run(rows, source, numbering, leaf, groupRows)).root(0);
    final long total = numbering.total();
    for (int r = 0; r < k; r++) {
      final int[] range = asked.ranges.get(r);
      final int from = range[0];
      final int to = range[1];
      if (to <= from) {
        continue;
      }
      final long belowLo = ties.below[2 * r];
      final long uptoLo = belowLo + ties.counts[2 * r][0];
      final long belowHi = ties.below[2 * r + 1];
      final double sum;
      if (lo[r] == hi[r]) {
        sum = (double) (to - from) * lo[r];
      } else {
        final double between = leaf.shape().mean(root, r, 0) * total;
        sum = between + (Math.min(to, uptoLo) - from) * lo[r] + (to - Math.max(from, belowHi)) * hi[r];
      }
      found.sums.put(List.of(from, to), sum);
    }
  }

  /** A tree leaf whose column r is the row's value when strictly between range r's ends, else 0. */
  static final class RangeLeaf implements Leaf {
    private static final long serialVersionUID = 1L;
    private final int column;
    private final double[] lo;
    private final double[] hi;
    private final Shape shape;

    RangeLeaf(int column, double[] lo, double[] hi) {
      this.column = column;
      this.lo = lo.clone();
      this.hi = hi.clone();
      this.shape = Shape.of(lo.length, 1);
    }

    @Override
    public Shape shape() {
      return shape;
    }

    @Override
    public double[] block(int group, long first, int len, double[][] cols) {
      final double[][] t = new double[lo.length][len];
      for (int j = 0; j < len; j++) {
        final double x = cols[column][j];
        for (int r = 0; r < lo.length; r++) {
          t[r][j] = x > lo[r] && x < hi[r] ? x : 0;
        }
      }
      return Sums.unweighted(shape, t, len);
    }
  }
}
