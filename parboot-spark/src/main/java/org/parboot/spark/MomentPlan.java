package org.parboot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parboot.stat.MomentStatistic;

/**
 * How a list of moment statistics reads the tree's nodes: the distinct columns with the highest
 * moment each needs, the pairs of columns whose co-moment is needed (cov, corr), and for each
 * statistic its column(s) and pair. The Spark module's counterpart of the core's evaluation plan,
 * reading merged central moments instead of centred power sums; the statistic's value comes from
 * the core's own formulas ({@link MomentStatistic#fromSums}, {@link MomentStatistic#fromPairSums}).
 */
final class MomentPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  final List<MomentStatistic> statistics;
  final List<String> columns;
  final int[] orders;
  final int[][] pairs;
  final int[] columnA;
  final int[] columnB;
  final int[] pair;

  MomentPlan(List<MomentStatistic> statistics) {
    this.statistics = List.copyOf(statistics);
    final Map<String, Integer> index = new LinkedHashMap<>();
    final List<Integer> order = new ArrayList<>();
    final Map<List<Integer>, Integer> pairIndex = new LinkedHashMap<>();
    final int k = statistics.size();
    columnA = new int[k];
    columnB = new int[k];
    pair = new int[k];
    for (int s = 0; s < k; s++) {
      final MomentStatistic m = statistics.get(s);
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

  /** Statistic s on replicate r of a root node; NaN for a replicate that drew no row. */
  double value(int s, Shape shape, double[] v, int r) {
    final double w = shape.weight(v, r);
    if (w == 0) {
      return Double.NaN;
    }
    final MomentStatistic m = statistics.get(s);
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

  /**
   * Statistic s without one row whose values are {@code x} (by column), from the full data's
   * moments (replicate r of {@code v}): the core's O(n) jackknife, about the full-data mean.
   */
  double leaveOneOut(int s, Shape shape, double[] v, int r, double[] x) {
    final MomentStatistic m = statistics.get(s);
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
