package org.parboot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;
import org.parboot.stat.StatisticParts;

/**
 * How a list of moment statistics, or expressions of them, reads the tree's nodes: the distinct
 * columns with the highest moment each needs, the pairs of columns whose co-moment is needed (cov,
 * corr), and for each leaf ({@link StatisticParts}: a moment statistic, each once) its column(s)
 * and pair. The Spark module's counterpart of the core's evaluation plan, reading merged central
 * moments instead of centred power sums; a leaf's value comes from the core's own formulas
 * ({@link MomentStatistic#fromSums}, {@link MomentStatistic#fromPairSums}), an expression's from
 * its leaves' ({@link StatisticParts#combine}).
 */
final class MomentPlan implements Serializable {
  private static final long serialVersionUID = 2L;

  /** The statistics, as asked for (results are theirs). */
  final List<Statistic> statistics;
  final StatisticParts parts;
  /** What the tree is read for: every leaf is a moment statistic. */
  final List<MomentStatistic> leaves;
  final List<String> columns;
  final int[] orders;
  final int[][] pairs;
  final int[] columnA;
  final int[] columnB;
  final int[] pair;

  /**
   * @throws ClassCastException a leaf that is not a moment statistic (callers check first)
   */
  MomentPlan(List<? extends Statistic> statistics) {
    this.statistics = List.copyOf(statistics);
    this.parts = StatisticParts.of(statistics);
    this.leaves = parts.leaves().stream().map(MomentStatistic.class::cast).toList();
    final Map<String, Integer> index = new LinkedHashMap<>();
    final List<Integer> order = new ArrayList<>();
    final Map<List<Integer>, Integer> pairIndex = new LinkedHashMap<>();
    final int k = leaves.size();
    columnA = new int[k];
    columnB = new int[k];
    pair = new int[k];
    for (int s = 0; s < k; s++) {
      final MomentStatistic m = leaves.get(s);
      final int need = m.kind().order();
      columnA[s] = slot(index, order, m.columns().get(0), need);
      columnB[s] = -1;
      pair[s] = -1;
      if (m.kind().arity() == 2) {
        columnB[s] = slot(index, order, m.columns().get(1), need);
        if (m.kind() == MomentStatistic.Kind.COV || m.kind() == MomentStatistic.Kind.CORR) {
          pair[s] = pairIndex.computeIfAbsent(List.of(columnA[s], columnB[s]), x -> pairIndex.size());
        }
      }
    }
    this.columns = List.copyOf(index.keySet());
    this.orders = order.stream().mapToInt(Integer::intValue).toArray();
    this.pairs = pairIndex.keySet().stream().map(p -> new int[] {p.get(0), p.get(1)}).toArray(int[][]::new);
  }

  private static int slot(Map<String, Integer> index, List<Integer> order, String column, int need) {
    final Integer i = index.get(column);
    if (i != null) {
      order.set(i, Math.max(order.get(i), need));
      return i;
    }
    index.put(column, index.size());
    order.add(need);
    return index.size() - 1;
  }

  /** The nodes' shape for {@code replicates} replicates. */
  Shape shape(int replicates) {
    return new Shape(replicates, orders, pairs);
  }

  /** A scratch array for the leaves' values of one replicate. */
  double[] leafScratch() {
    return new double[leaves.size()];
  }

  /**
   * Every statistic on replicate r of a root node, into {@code out}; {@code leaf} is scratch
   * ({@link #leafScratch}).
   */
  void values(Shape shape, double[] v, int r, double[] leaf, double[] out) {
    for (int l = 0; l < leaf.length; l++) {
      leaf[l] = leafValue(l, shape, v, r);
    }
    parts.combine(leaf, out);
  }

  /**
   * Every statistic without one row whose values are {@code x} (by column), from the full data's
   * moments (replicate r of {@code v}), into {@code out}: the core's O(n) jackknife of each leaf,
   * an expression of its leaves'.
   */
  void leaveOneOut(Shape shape, double[] v, int r, double[] x, double[] leaf, double[] out) {
    for (int l = 0; l < leaf.length; l++) {
      leaf[l] = leafLeaveOneOut(l, shape, v, r, x);
    }
    parts.combine(leaf, out);
  }

  /** Leaf s on replicate r of a root node; NaN for a replicate that drew no row. */
  double leafValue(int s, Shape shape, double[] v, int r) {
    final double w = shape.weight(v, r);
    if (w == 0) {
      return Double.NaN;
    }
    final MomentStatistic m = leaves.get(s);
    final long n = (long) w;
    final int a = columnA[s];
    if (columnB[s] < 0) {
      return m.fromSums(n, shape.mean(v, a, r), 0, shape.moment(v, a, 2, r), shape.moment(v, a, 3, r),
          shape.moment(v, a, 4, r));
    }
    final int b = columnB[s];
    return m.fromPairSums(n, shape.mean(v, a, r), 0, shape.moment(v, a, 2, r), shape.mean(v, b, r), 0,
        shape.moment(v, b, 2, r), pair[s] < 0 ? 0 : shape.comoment(v, pair[s], r));
  }

  /** Leaf s without one row whose values are {@code x}: the core's O(n) jackknife, about the full-data mean. */
  private double leafLeaveOneOut(int s, Shape shape, double[] v, int r, double[] x) {
    final MomentStatistic m = leaves.get(s);
    final long n = (long) shape.weight(v, r) - 1;
    final int a = columnA[s];
    final double ca = shape.mean(v, a, r);
    final double da = x[a] - ca;
    final double da2 = da * da;
    if (columnB[s] < 0) {
      return m.fromSums(n, ca, -da, shape.moment(v, a, 2, r) - da2, shape.moment(v, a, 3, r) - da2 * da,
          shape.moment(v, a, 4, r) - da2 * da2);
    }
    final int b = columnB[s];
    final double cb = shape.mean(v, b, r);
    final double db = x[b] - cb;
    return m.fromPairSums(n, ca, -da, shape.moment(v, a, 2, r) - da2, cb, -db, shape.moment(v, b, 2, r) - db * db,
        (pair[s] < 0 ? 0 : shape.comoment(v, pair[s], r)) - da * db);
  }
}
