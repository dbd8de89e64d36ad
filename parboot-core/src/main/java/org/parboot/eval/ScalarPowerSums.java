package org.parboot.eval;

/**
 * The portable implementation of {@link PowerSums}' layout: eight scalar accumulators per sum,
 * one per lane, kept in registers (eight independent addition chains keep the floating-point
 * units busy); four powers or a pair's five sums are more accumulators than there are registers,
 * so they run as two passes of four lanes each (lanes 0-3, then 4-7, of every group of 8 rows).
 * One loop per power order: the loops are the hot path, and straight-line code is what the JIT
 * turns into the fastest machine code.
 */
final class ScalarPowerSums implements PowerSums.Kernel {

  static final ScalarPowerSums INSTANCE = new ScalarPowerSums();

  private ScalarPowerSums() {}

  @Override
  public String description() {
    return "scalar";
  }

  /** Row i's value, or 0 for a row not drawn of a column with a non-finite value. */
  private static double value(double[] d, int[] c, int i, boolean finite) {
    return finite || c[i] != 0 ? d[i] : 0;
  }

  @Override
  public void powers(int order, int[] c, double[] d, boolean finite, double[] out) {
    final double[] acc = new double[8 * order];
    switch (order) {
      case 1 -> first(c, d, finite, acc);
      case 2 -> second(c, d, finite, acc);
      case 3 -> third(c, d, finite, acc);
      case 4 -> {
        fourth(c, d, finite, acc, 0);
        fourth(c, d, finite, acc, 4);
      }
      default -> throw new IllegalArgumentException("power order " + order + " is not 1 to 4");
    }
    for (int k = 0; k < order; k++) {
      out[k] = PowerSums.combine(acc, 8 * k);
    }
  }

  private static void first(int[] c, double[] d, boolean finite, double[] acc) {
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    final int n = d.length;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      a0 += c[i] * value(d, c, i, finite);
      a1 += c[i + 1] * value(d, c, i + 1, finite);
      a2 += c[i + 2] * value(d, c, i + 2, finite);
      a3 += c[i + 3] * value(d, c, i + 3, finite);
      a4 += c[i + 4] * value(d, c, i + 4, finite);
      a5 += c[i + 5] * value(d, c, i + 5, finite);
      a6 += c[i + 6] * value(d, c, i + 6, finite);
      a7 += c[i + 7] * value(d, c, i + 7, finite);
    }
    store(acc, 0, a0, a1, a2, a3, a4, a5, a6, a7);
    for (int lane = 0; i < n; i++, lane++) {
      acc[lane] += c[i] * value(d, c, i, finite);
    }
  }

  private static void second(int[] c, double[] d, boolean finite, double[] acc) {
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0;
    final int n = d.length;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      final double x0 = value(d, c, i, finite), x1 = value(d, c, i + 1, finite);
      final double x2 = value(d, c, i + 2, finite), x3 = value(d, c, i + 3, finite);
      final double x4 = value(d, c, i + 4, finite), x5 = value(d, c, i + 5, finite);
      final double x6 = value(d, c, i + 6, finite), x7 = value(d, c, i + 7, finite);
      final double t0 = c[i] * x0, t1 = c[i + 1] * x1, t2 = c[i + 2] * x2, t3 = c[i + 3] * x3;
      final double t4 = c[i + 4] * x4, t5 = c[i + 5] * x5, t6 = c[i + 6] * x6, t7 = c[i + 7] * x7;
      a0 += t0;
      a1 += t1;
      a2 += t2;
      a3 += t3;
      a4 += t4;
      a5 += t5;
      a6 += t6;
      a7 += t7;
      b0 += t0 * x0;
      b1 += t1 * x1;
      b2 += t2 * x2;
      b3 += t3 * x3;
      b4 += t4 * x4;
      b5 += t5 * x5;
      b6 += t6 * x6;
      b7 += t7 * x7;
    }
    store(acc, 0, a0, a1, a2, a3, a4, a5, a6, a7);
    store(acc, 8, b0, b1, b2, b3, b4, b5, b6, b7);
    for (int lane = 0; i < n; i++, lane++) {
      final double x = value(d, c, i, finite);
      final double t = c[i] * x;
      acc[lane] += t;
      acc[8 + lane] += t * x;
    }
  }

  private static void third(int[] c, double[] d, boolean finite, double[] acc) {
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0;
    double e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0;
    final int n = d.length;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      final double x0 = value(d, c, i, finite), x1 = value(d, c, i + 1, finite);
      final double x2 = value(d, c, i + 2, finite), x3 = value(d, c, i + 3, finite);
      final double x4 = value(d, c, i + 4, finite), x5 = value(d, c, i + 5, finite);
      final double x6 = value(d, c, i + 6, finite), x7 = value(d, c, i + 7, finite);
      final double t0 = c[i] * x0, t1 = c[i + 1] * x1, t2 = c[i + 2] * x2, t3 = c[i + 3] * x3;
      final double t4 = c[i + 4] * x4, t5 = c[i + 5] * x5, t6 = c[i + 6] * x6, t7 = c[i + 7] * x7;
      final double q0 = t0 * x0, q1 = t1 * x1, q2 = t2 * x2, q3 = t3 * x3;
      final double q4 = t4 * x4, q5 = t5 * x5, q6 = t6 * x6, q7 = t7 * x7;
      a0 += t0;
      a1 += t1;
      a2 += t2;
      a3 += t3;
      a4 += t4;
      a5 += t5;
      a6 += t6;
      a7 += t7;
      b0 += q0;
      b1 += q1;
      b2 += q2;
      b3 += q3;
      b4 += q4;
      b5 += q5;
      b6 += q6;
      b7 += q7;
      e0 += q0 * x0;
      e1 += q1 * x1;
      e2 += q2 * x2;
      e3 += q3 * x3;
      e4 += q4 * x4;
      e5 += q5 * x5;
      e6 += q6 * x6;
      e7 += q7 * x7;
    }
    store(acc, 0, a0, a1, a2, a3, a4, a5, a6, a7);
    store(acc, 8, b0, b1, b2, b3, b4, b5, b6, b7);
    store(acc, 16, e0, e1, e2, e3, e4, e5, e6, e7);
    for (int lane = 0; i < n; i++, lane++) {
      final double x = value(d, c, i, finite);
      final double t = c[i] * x;
      final double q = t * x;
      acc[lane] += t;
      acc[8 + lane] += q;
      acc[16 + lane] += q * x;
    }
  }

  /** Lanes {@code half .. half + 3} of the four power sums. */
  private static void fourth(int[] c, double[] d, boolean finite, double[] acc, int half) {
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
    double e0 = 0, e1 = 0, e2 = 0, e3 = 0;
    double f0 = 0, f1 = 0, f2 = 0, f3 = 0;
    final int n = d.length;
    int i = half;
    for (; i + 8 - half <= n; i += 8) {
      final double x0 = value(d, c, i, finite), x1 = value(d, c, i + 1, finite);
      final double x2 = value(d, c, i + 2, finite), x3 = value(d, c, i + 3, finite);
      final double t0 = c[i] * x0, t1 = c[i + 1] * x1, t2 = c[i + 2] * x2, t3 = c[i + 3] * x3;
      final double q0 = t0 * x0, q1 = t1 * x1, q2 = t2 * x2, q3 = t3 * x3;
      final double r0 = q0 * x0, r1 = q1 * x1, r2 = q2 * x2, r3 = q3 * x3;
      a0 += t0;
      a1 += t1;
      a2 += t2;
      a3 += t3;
      b0 += q0;
      b1 += q1;
      b2 += q2;
      b3 += q3;
      e0 += r0;
      e1 += r1;
      e2 += r2;
      e3 += r3;
      f0 += r0 * x0;
      f1 += r1 * x1;
      f2 += r2 * x2;
      f3 += r3 * x3;
    }
    store4(acc, half, a0, a1, a2, a3);
    store4(acc, 8 + half, b0, b1, b2, b3);
    store4(acc, 16 + half, e0, e1, e2, e3);
    store4(acc, 24 + half, f0, f1, f2, f3);
    // The last group of fewer than 8 rows: its lanes of this half, if it has them.
    for (int lane = half; i < n && lane < half + 4; i++, lane++) {
      final double x = value(d, c, i, finite);
      final double t = c[i] * x;
      final double q = t * x;
      final double r = q * x;
      acc[lane] += t;
      acc[8 + lane] += q;
      acc[16 + lane] += r;
      acc[24 + lane] += r * x;
    }
  }

  @Override
  public void pair(int[] c, double[] x, double[] y, boolean finite, double[] out) {
    final double[] acc = new double[40];
    pairHalf(c, x, y, finite, acc, 0);
    pairHalf(c, x, y, finite, acc, 4);
    for (int k = 0; k < 5; k++) {
      out[k] = PowerSums.combine(acc, 8 * k);
    }
  }

  /** Lanes {@code half .. half + 3} of a pair's five sums. */
  private static void pairHalf(int[] c, double[] x, double[] y, boolean finite, double[] acc, int half) {
    double x0 = 0, x1 = 0, x2 = 0, x3 = 0;
    double xx0 = 0, xx1 = 0, xx2 = 0, xx3 = 0;
    double y0 = 0, y1 = 0, y2 = 0, y3 = 0;
    double yy0 = 0, yy1 = 0, yy2 = 0, yy3 = 0;
    double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
    final int n = x.length;
    int i = half;
    for (; i + 8 - half <= n; i += 8) {
      final double u0 = value(x, c, i, finite), u1 = value(x, c, i + 1, finite);
      final double u2 = value(x, c, i + 2, finite), u3 = value(x, c, i + 3, finite);
      final double v0 = value(y, c, i, finite), v1 = value(y, c, i + 1, finite);
      final double v2 = value(y, c, i + 2, finite), v3 = value(y, c, i + 3, finite);
      final double s0 = c[i] * u0, s1 = c[i + 1] * u1, s2 = c[i + 2] * u2, s3 = c[i + 3] * u3;
      final double t0 = c[i] * v0, t1 = c[i + 1] * v1, t2 = c[i + 2] * v2, t3 = c[i + 3] * v3;
      x0 += s0;
      x1 += s1;
      x2 += s2;
      x3 += s3;
      xx0 += s0 * u0;
      xx1 += s1 * u1;
      xx2 += s2 * u2;
      xx3 += s3 * u3;
      y0 += t0;
      y1 += t1;
      y2 += t2;
      y3 += t3;
      yy0 += t0 * v0;
      yy1 += t1 * v1;
      yy2 += t2 * v2;
      yy3 += t3 * v3;
      p0 += s0 * v0;
      p1 += s1 * v1;
      p2 += s2 * v2;
      p3 += s3 * v3;
    }
    store4(acc, half, x0, x1, x2, x3);
    store4(acc, 8 + half, xx0, xx1, xx2, xx3);
    store4(acc, 16 + half, y0, y1, y2, y3);
    store4(acc, 24 + half, yy0, yy1, yy2, yy3);
    store4(acc, 32 + half, p0, p1, p2, p3);
    for (int lane = half; i < n && lane < half + 4; i++, lane++) {
      final double u = value(x, c, i, finite);
      final double v = value(y, c, i, finite);
      final double s = c[i] * u;
      final double t = c[i] * v;
      acc[lane] += s;
      acc[8 + lane] += s * u;
      acc[16 + lane] += t;
      acc[24 + lane] += t * v;
      acc[32 + lane] += s * v;
    }
  }

  @Override
  public double cross(int[] c, double[] x, double[] y, boolean finite) {
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
    final int n = x.length;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      a0 += c[i] * value(x, c, i, finite) * value(y, c, i, finite);
      a1 += c[i + 1] * value(x, c, i + 1, finite) * value(y, c, i + 1, finite);
      a2 += c[i + 2] * value(x, c, i + 2, finite) * value(y, c, i + 2, finite);
      a3 += c[i + 3] * value(x, c, i + 3, finite) * value(y, c, i + 3, finite);
      a4 += c[i + 4] * value(x, c, i + 4, finite) * value(y, c, i + 4, finite);
      a5 += c[i + 5] * value(x, c, i + 5, finite) * value(y, c, i + 5, finite);
      a6 += c[i + 6] * value(x, c, i + 6, finite) * value(y, c, i + 6, finite);
      a7 += c[i + 7] * value(x, c, i + 7, finite) * value(y, c, i + 7, finite);
    }
    final double[] acc = new double[8];
    store(acc, 0, a0, a1, a2, a3, a4, a5, a6, a7);
    for (int lane = 0; i < n; i++, lane++) {
      acc[lane] += c[i] * value(x, c, i, finite) * value(y, c, i, finite);
    }
    return PowerSums.combine(acc, 0);
  }

  private static void store(double[] acc, int at, double l0, double l1, double l2, double l3, double l4, double l5,
      double l6, double l7) {
    store4(acc, at, l0, l1, l2, l3);
    store4(acc, at + 4, l4, l5, l6, l7);
  }

  private static void store4(double[] acc, int at, double l0, double l1, double l2, double l3) {
    acc[at] = l0;
    acc[at + 1] = l1;
    acc[at + 2] = l2;
    acc[at + 3] = l3;
  }
}
