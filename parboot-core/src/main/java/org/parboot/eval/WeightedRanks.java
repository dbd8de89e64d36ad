package org.parboot.eval;

import org.parboot.stat.WeightedSample;

/**
 * A weighted resample of one order column, read through its row counts in rank order: quantiles
 * by NumPy's rule for weights ({@code numpy.quantile(x, p, weights=w, method="inverted_cdf")}):
 * the smallest value whose cumulative weight, as a share of the resample's weight, reaches p.
 */
final class WeightedRanks implements WeightedSample {
  private final double[] sorted;
  private final int[] rowOfRank;
  private final double[] weights;
  private int[] counts;
  private double total;

  WeightedRanks(double[] sorted, int[] rowOfRank, double[] weights) {
    this.sorted = sorted;
    this.rowOfRank = rowOfRank;
    this.weights = weights;
  }

  /**
   * Reads the resample whose row counts are {@code counts}; its total weight is summed in rank
   * order, as the cumulative weights are, so the last one is exactly the total.
   */
  WeightedRanks of(int[] counts) {
    this.counts = counts;
    double t = 0;
    for (int r = 0; r < sorted.length; r++) {
      final int c = counts[rowOfRank[r]];
      if (c != 0) {
        t += c * weights[rowOfRank[r]];
      }
    }
    this.total = t;
    return this;
  }

  @Override
  public double quantile(double p) {
    double cum = 0;
    int last = -1;
    for (int r = 0; r < sorted.length; r++) {
      final int row = rowOfRank[r];
      final int c = counts[row];
      if (c == 0) {
        continue;
      }
      cum += c * weights[row];
      last = r;
      if (cum / total >= p) {
        return sorted[r];
      }
    }
    return last < 0 ? Double.NaN : sorted[last];
  }

  @Override
  public double min() {
    for (int r = 0; r < sorted.length; r++) {
      final int row = rowOfRank[r];
      if (counts[row] != 0 && weights[row] > 0) {
        return sorted[r];
      }
    }
    return Double.NaN;
  }

  @Override
  public double max() {
    for (int r = sorted.length - 1; r >= 0; r--) {
      final int row = rowOfRank[r];
      if (counts[row] != 0 && weights[row] > 0) {
        return sorted[r];
      }
    }
    return Double.NaN;
  }
}
