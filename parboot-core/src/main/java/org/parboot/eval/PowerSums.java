package org.parboot.eval;

/**
 * The buffered moment kernels: centred power sums of one column, of a pair and their cross sum,
 * over the row indices of a resample. The summation layout is part of the reproducibility
 * contract: every sum runs over the indices in draw order, in two interleaved lanes (even and odd
 * positions) added at the end, so a statistic's value is a fixed function of the drawn indices.
 * {@link IidPowerSums} gives the same sums, bit for bit, with the draw in the same loop.
 */
final class PowerSums {
  private PowerSums() {}

  /**
   * Centred power sums {@code sum (x[idx[i]] - c)^k} for k = 1..order (higher entries set to 0),
   * in two lanes, even and odd positions, added at the end.
   */
  static void powerSums(double[] x, double c, int order, int[] idx, int len, double[] out) {
    double a1 = 0, a2 = 0, a3 = 0, a4 = 0;
    double b1 = 0, b2 = 0, b3 = 0, b4 = 0;
    final int even = len & ~1;
    if (order <= 1) {
      for (int i = 0; i < even; i += 2) {
        a1 += x[idx[i]] - c;
        b1 += x[idx[i + 1]] - c;
      }
      if (even < len) {
        a1 += x[idx[even]] - c;
      }
    } else if (order == 2) {
      for (int i = 0; i < even; i += 2) {
        final double u = x[idx[i]] - c;
        final double v = x[idx[i + 1]] - c;
        a1 += u;
        a2 += u * u;
        b1 += v;
        b2 += v * v;
      }
      if (even < len) {
        final double u = x[idx[even]] - c;
        a1 += u;
        a2 += u * u;
      }
    } else if (order == 3) {
      // Skew: a loop of its own. An `if (order4)` inside the order-4 loop measured 5-15 % slower
      // there (docs/benchmarks.md).
      for (int i = 0; i < even; i += 2) {
        final double u = x[idx[i]] - c;
        final double v = x[idx[i + 1]] - c;
        final double u2 = u * u;
        final double v2 = v * v;
        a1 += u;
        a2 += u2;
        a3 += u2 * u;
        b1 += v;
        b2 += v2;
        b3 += v2 * v;
      }
      if (even < len) {
        final double u = x[idx[even]] - c;
        final double u2 = u * u;
        a1 += u;
        a2 += u2;
        a3 += u2 * u;
      }
    } else {
      for (int i = 0; i < even; i += 2) {
        final double u = x[idx[i]] - c;
        final double v = x[idx[i + 1]] - c;
        final double u2 = u * u;
        final double v2 = v * v;
        a1 += u;
        a2 += u2;
        a3 += u2 * u;
        a4 += u2 * u2;
        b1 += v;
        b2 += v2;
        b3 += v2 * v;
        b4 += v2 * v2;
      }
      if (even < len) {
        final double u = x[idx[even]] - c;
        final double u2 = u * u;
        a1 += u;
        a2 += u2;
        a3 += u2 * u;
        a4 += u2 * u2;
      }
    }
    out[0] = a1 + b1;
    out[1] = a2 + b2;
    out[2] = a3 + b3;
    out[3] = a4 + b4;
  }

  /**
   * One pass for a pair: the first two power sums of x and of y into {@code sx} and {@code sy}
   * (entries 2 and 3 set to 0), as {@link #powerSums} with order 2 gives them, and the cross sum,
   * as {@link #crossSum} gives it, returned. Every sum keeps its lanes and order, so the bits are
   * those of the three separate passes.
   */
  static double pairSums(double[] x, double cx, double[] y, double cy, int[] idx, int len, double[] sx, double[] sy) {
    double ax1 = 0, ax2 = 0, ay1 = 0, ay2 = 0, axy = 0;
    double bx1 = 0, bx2 = 0, by1 = 0, by2 = 0, bxy = 0;
    final int even = len & ~1;
    for (int i = 0; i < even; i += 2) {
      final int j = idx[i];
      final int l = idx[i + 1];
      final double u = x[j] - cx;
      final double v = y[j] - cy;
      final double p = x[l] - cx;
      final double q = y[l] - cy;
      ax1 += u;
      ax2 += u * u;
      ay1 += v;
      ay2 += v * v;
      axy += u * v;
      bx1 += p;
      bx2 += p * p;
      by1 += q;
      by2 += q * q;
      bxy += p * q;
    }
    if (even < len) {
      final int j = idx[even];
      final double u = x[j] - cx;
      final double v = y[j] - cy;
      ax1 += u;
      ax2 += u * u;
      ay1 += v;
      ay2 += v * v;
      axy += u * v;
    }
    sx[0] = ax1 + bx1;
    sx[1] = ax2 + bx2;
    sx[2] = 0;
    sx[3] = 0;
    sy[0] = ay1 + by1;
    sy[1] = ay2 + by2;
    sy[2] = 0;
    sy[3] = 0;
    return axy + bxy;
  }

  /** The centred cross sum {@code sum (x - cx)(y - cy)} over the indices, in the same two lanes. */
  static double crossSum(double[] x, double cx, double[] y, double cy, int[] idx, int len) {
    double a = 0;
    double b = 0;
    final int even = len & ~1;
    for (int i = 0; i < even; i += 2) {
      final int j = idx[i];
      final int l = idx[i + 1];
      a += (x[j] - cx) * (y[j] - cy);
      b += (x[l] - cx) * (y[l] - cy);
    }
    if (even < len) {
      final int j = idx[even];
      a += (x[j] - cx) * (y[j] - cy);
    }
    return a + b;
  }
}
