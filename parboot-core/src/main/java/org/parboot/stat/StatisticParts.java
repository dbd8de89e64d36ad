package org.parboot.stat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics a list of statistics is evaluated from (its leaves: each statistic that is not
 * an {@link ExpressionStatistic}, and each part of those that are, once however often asked for),
 * and how the list's values follow from the leaves' values. Every engine evaluates the leaves
 * and then {@link #combine}s: the one place where an expression meets its parts.
 */
public final class StatisticParts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final List<Statistic> statistics;
  private final List<Statistic> leaves;
  // For statistic s: its leaf, or -1 for an expression, whose parts are the leaves partLeaves[s].
  private final int[] leafOf;
  private final int[][] partLeaves;

  private StatisticParts(List<Statistic> statistics) {
    this.statistics = statistics;
    final Map<Statistic, Integer> index = new LinkedHashMap<>();
    final int k = statistics.size();
    leafOf = new int[k];
    partLeaves = new int[k][];
    for (int s = 0; s < k; s++) {
      if (statistics.get(s) instanceof ExpressionStatistic e) {
        leafOf[s] = -1;
        final int[] at = new int[e.parts().size()];
        for (int i = 0; i < at.length; i++) {
          at[i] = index.computeIfAbsent(e.parts().get(i), x -> index.size());
        }
        partLeaves[s] = at;
      } else {
        leafOf[s] = index.computeIfAbsent(statistics.get(s), x -> index.size());
      }
    }
    this.leaves = List.copyOf(index.keySet());
  }

  /** The leaves of {@code statistics} and how to combine them. */
  public static StatisticParts of(List<? extends Statistic> statistics) {
    return new StatisticParts(List.copyOf(statistics));
  }

  /** The leaves of {@code statistics}, each once, in order of first use. */
  public static List<Statistic> leavesOf(List<? extends Statistic> statistics) {
    return of(statistics).leaves();
  }

  /** The statistics, as given. */
  public List<Statistic> statistics() {
    return statistics;
  }

  /** The statistics to evaluate, none an expression, each once, in order of first use. */
  public List<Statistic> leaves() {
    return leaves;
  }

  /** Whether the leaves are the statistics themselves, in order (no expression, no repeat). */
  public boolean isIdentity() {
    return leaves.equals(statistics);
  }

  /** The statistics' values from the leaves' values ({@code leafValues[leaf]}), into {@code out}. */
  public void combine(double[] leafValues, double[] out) {
    for (int s = 0; s < leafOf.length; s++) {
      out[s] = value(s, leafValues);
    }
  }

  /** Statistic s's value from the leaves' values. */
  public double value(int s, double[] leafValues) {
    return leafOf[s] >= 0 ? leafValues[leafOf[s]]
        : ((ExpressionStatistic) statistics.get(s)).expression().value(leafValues, partLeaves[s]);
  }

  /**
   * Per statistic, the values from the leaves' arrays ({@code leafArrays[leaf][i]} for i below the
   * arrays' common length), into {@code out[s]}: the leaf's own array for a statistic that is a
   * leaf (not a copy), a new one for an expression, element by element. For a jackknife: an
   * expression's leave-one-out values are the expression of its parts' leave-one-out values.
   */
  public void combine(double[][] leafArrays, double[][] out) {
    final int k = statistics.size();
    final double[] row = new double[leaves.size()];
    for (int s = 0; s < k; s++) {
      if (leafOf[s] >= 0) {
        out[s] = leafArrays[leafOf[s]];
        continue;
      }
      final int[] at = partLeaves[s];
      final int n = leafArrays[at[0]].length;
      final double[] v = new double[n];
      final Expression e = ((ExpressionStatistic) statistics.get(s)).expression();
      for (int i = 0; i < n; i++) {
        for (int leaf : at) {
          row[leaf] = leafArrays[leaf][i];
        }
        v[i] = e.value(row, at);
      }
      out[s] = v;
    }
  }

  /** The leaves of the given kind, in leaf order, with their leaf positions. */
  public List<Integer> positionsOf(Class<? extends Statistic> kind) {
    final List<Integer> out = new ArrayList<>();
    for (int i = 0; i < leaves.size(); i++) {
      if (kind.isInstance(leaves.get(i))) {
        out.add(i);
      }
    }
    return out;
  }
}
