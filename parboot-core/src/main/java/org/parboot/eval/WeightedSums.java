package org.parboot.eval;

/**
 * The moment sums of a weighted run: each row counts its draws times its weight,
 * {@code t0 = c_i w_i}, and power k adds {@code t0 d^k} ({@code t1 = t0 d}, {@code t2 = t1 d}, ...),
 * in the layout of {@link PowerSums} (row i into lane i mod 8, lanes combined in its fixed order),
 * so a weighted statistic too is a fixed function of the rows drawn. Scalar only: the SIMD kernels
 * take integer counts.
 */
final class WeightedSums {
  private WeightedSums() {}

  /** The weight of the resample, {@code sum c w}. */
  static double total(int[] c, double[] w) {
    final double[] acc = new double[8];
    for (int i = 0; i < c.length; i++) {
      if (c[i] != 0) {
        acc[i & 7] += c[i] * w[i];
      }
    }
    return PowerSums.combine(acc, 0);
  }

  /** {@code out[k-1] = sum c w d^k} for k = 1..order; rows not drawn add nothing. */
  static void powers(int order, int[] c, double[] w, double[] d, double[] out) {
    final double[] acc = new double[8 * order];
    for (int i = 0; i < c.length; i++) {
      if (c[i] == 0) {
        continue;
      }
      final int lane = i & 7;
      double t = c[i] * w[i];
      for (int k = 0; k < order; k++) {
        t *= d[i];
        acc[8 * k + lane] += t;
      }
    }
    for (int k = 0; k < order; k++) {
      out[k] = PowerSums.combine(acc, 8 * k);
    }
  }

  /** {@code sum (c w x) y}. */
  static double cross(int[] c, double[] w, double[] x, double[] y) {
    final double[] acc = new double[8];
    for (int i = 0; i < c.length; i++) {
      if (c[i] != 0) {
        acc[i & 7] += c[i] * w[i] * x[i] * y[i];
      }
    }
    return PowerSums.combine(acc, 0);
  }
}
