package org.parboot.spark;

/**
 * One replicate's sums over a block, about the block's centres: the weight, each column's power
 * sums up to its order and each pair's cross sum, each row weighted by its count, in row order
 * (no FMA). Turned into moments by {@link Moments#fromSums}.
 */
final class Sums {
  private Sums() {}

  /**
   * Writes replicate r's sums into {@code v}.
   *
   * @param counts each row's count, or null for a count of 1 each
   * @param d the block's values minus their column's centre, by column
   * @param len the block's rows
   */
  static void block(Shape s, int r, int[] counts, double[][] d, int len, double[] v) {
    final int stride = s.replicates;
    double w = 0;
    if (counts == null) {
      w = len;
    } else {
      long sum = 0;
      for (int j = 0; j < len; j++) {
        sum += counts[j];
      }
      w = sum;
    }
    v[r] = w;
    for (int c = 0; c < s.orders.length; c++) {
      final double[] x = d[c];
      final int at = s.meanSlot[c] * stride + r;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      switch (s.orders[c]) {
        case 1 -> {
          for (int j = 0; j < len; j++) {
            s1 += (counts == null ? 1 : counts[j]) * x[j];
          }
        }
        case 2 -> {
          for (int j = 0; j < len; j++) {
            final double t = (counts == null ? 1 : counts[j]) * x[j];
            s1 += t;
            s2 += t * x[j];
          }
        }
        default -> {
          for (int j = 0; j < len; j++) {
            final double t1 = (counts == null ? 1 : counts[j]) * x[j];
            final double t2 = t1 * x[j];
            final double t3 = t2 * x[j];
            s1 += t1;
            s2 += t2;
            s3 += t3;
            s4 += t3 * x[j];
          }
        }
      }
      v[at] = s1;
      if (s.orders[c] >= 2) {
        v[at + stride] = s2;
      }
      if (s.orders[c] >= 3) {
        v[at + 2 * stride] = s3;
      }
      if (s.orders[c] >= 4) {
        v[at + 3 * stride] = s4;
      }
    }
    for (int p = 0; p < s.pairs.length; p++) {
      final double[] x = d[s.pairs[p][0]];
      final double[] y = d[s.pairs[p][1]];
      double sxy = 0;
      for (int j = 0; j < len; j++) {
        sxy += (counts == null ? 1 : counts[j]) * x[j] * y[j];
      }
      v[s.pairSlot[p] * stride + r] = sxy;
    }
  }

  /** Each column's plain mean over the block, and the block's values minus it, into {@code d}. */
  static double[] centre(double[][] cols, int len, double[][] d) {
    final double[] centre = new double[cols.length];
    for (int c = 0; c < cols.length; c++) {
      double sum = 0;
      for (int j = 0; j < len; j++) {
        sum += cols[c][j];
      }
      final double m = sum / len;
      centre[c] = m;
      for (int j = 0; j < len; j++) {
        d[c][j] = cols[c][j] - m;
      }
    }
    return centre;
  }
}
