package org.parboot.eval;

/**
 * The moment kernels: centred power sums of one column, and the sums of a pair, over the row
 * indices of a resample, in the summation layout that is part of the reproducibility contract.
 *
 * <h2>The layout ({@value #LAYOUT})</h2>
 * Position p of a resample (its p-th drawn index, from 0) is added to lane {@code p mod 8} of
 * each sum, in draw order within the lane; at the end the lanes are combined as
 * {@code ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))}. A value is the column centred once
 * on its full-data mean ({@code x - c}, computed once per run, as it was once per draw: the same
 * bits), and its powers are {@code d, d*d, (d*d)*d, (d*d)*(d*d)}; a pair adds {@code dx, dx*dx,
 * dy, dy*dy, dx*dy}. So a statistic's value is a fixed function of the drawn indices, whichever
 * kernel computes it, in whatever blocks it is fed: a block must start at a position that is a
 * multiple of 8 (every block but the last has a length that is one).
 *
 * <p>Eight lanes, because each lane's additions form a chain (an addition waits for the previous
 * one in its lane): eight chains keep the floating-point units busy, where two lanes left them
 * waiting (docs/benchmarks.md). Every result names its layout ({@code layout} in JSON); a result
 * without one was computed by a development build with two lanes (even and odd positions, added
 * at the end), and differs from this layout in the last bits.
 *
 * <p>One loop per power order and one for a pair: the loops are the hot path, and straight-line
 * code with the accumulators in registers is what the JIT turns into the fastest machine code.
 */
final class PowerSums {
  /** The layout's name, carried by every result. */
  static final String LAYOUT = "sums8";
  /** Lanes per sum. */
  static final int LANES = 8;

  private PowerSums() {}

  /** The sum of lanes {@code [at, at + 8)} of {@code acc}, combined in the layout's order. */
  static double combine(double[] acc, int at) {
    return ((acc[at] + acc[at + 1]) + (acc[at + 2] + acc[at + 3]))
        + ((acc[at + 4] + acc[at + 5]) + (acc[at + 6] + acc[at + 7]));
  }

  /**
   * Adds the powers up to {@code order} of {@code xc[idx[from..from+len)]} to the lanes in
   * {@code acc} (8 per power: {@code acc[8 (k-1) + lane]} for power k), the first index being at a
   * position that is a multiple of 8.
   */
  static void add(int order, double[] xc, int[] idx, int from, int len, double[] acc) {
    switch (order) {
      case 1 -> first(xc, idx, from, len, acc);
      case 2 -> second(xc, idx, from, len, acc);
      case 3 -> third(xc, idx, from, len, acc);
      default -> fourth(xc, idx, from, len, acc);
    }
  }

  private static void first(double[] xc, int[] idx, int from, int len, double[] acc) {
    double a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4], a5 = acc[5], a6 = acc[6], a7 = acc[7];
    final int end = from + len;
    int j = from;
    for (; j + 8 <= end; j += 8) {
      a0 += xc[idx[j]];
      a1 += xc[idx[j + 1]];
      a2 += xc[idx[j + 2]];
      a3 += xc[idx[j + 3]];
      a4 += xc[idx[j + 4]];
      a5 += xc[idx[j + 5]];
      a6 += xc[idx[j + 6]];
      a7 += xc[idx[j + 7]];
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
    acc[4] = a4;
    acc[5] = a5;
    acc[6] = a6;
    acc[7] = a7;
    for (int lane = 0; j < end; j++, lane++) {
      acc[lane] += xc[idx[j]];
    }
  }

  private static void second(double[] xc, int[] idx, int from, int len, double[] acc) {
    double a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4], a5 = acc[5], a6 = acc[6], a7 = acc[7];
    double b0 = acc[8], b1 = acc[9], b2 = acc[10], b3 = acc[11], b4 = acc[12], b5 = acc[13], b6 = acc[14],
        b7 = acc[15];
    final int end = from + len;
    int j = from;
    for (; j + 8 <= end; j += 8) {
      final double d0 = xc[idx[j]], d1 = xc[idx[j + 1]], d2 = xc[idx[j + 2]], d3 = xc[idx[j + 3]];
      final double d4 = xc[idx[j + 4]], d5 = xc[idx[j + 5]], d6 = xc[idx[j + 6]], d7 = xc[idx[j + 7]];
      a0 += d0;
      a1 += d1;
      a2 += d2;
      a3 += d3;
      a4 += d4;
      a5 += d5;
      a6 += d6;
      a7 += d7;
      b0 += d0 * d0;
      b1 += d1 * d1;
      b2 += d2 * d2;
      b3 += d3 * d3;
      b4 += d4 * d4;
      b5 += d5 * d5;
      b6 += d6 * d6;
      b7 += d7 * d7;
    }
    store(acc, 0, a0, a1, a2, a3, a4, a5, a6, a7);
    store(acc, 8, b0, b1, b2, b3, b4, b5, b6, b7);
    for (int lane = 0; j < end; j++, lane++) {
      final double d = xc[idx[j]];
      acc[lane] += d;
      acc[8 + lane] += d * d;
    }
  }

  private static void third(double[] xc, int[] idx, int from, int len, double[] acc) {
    double a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4], a5 = acc[5], a6 = acc[6], a7 = acc[7];
    double b0 = acc[8], b1 = acc[9], b2 = acc[10], b3 = acc[11], b4 = acc[12], b5 = acc[13], b6 = acc[14],
        b7 = acc[15];
    double c0 = acc[16], c1 = acc[17], c2 = acc[18], c3 = acc[19], c4 = acc[20], c5 = acc[21], c6 = acc[22],
        c7 = acc[23];
    final int end = from + len;
    int j = from;
    for (; j + 8 <= end; j += 8) {
      final double d0 = xc[idx[j]], d1 = xc[idx[j + 1]], d2 = xc[idx[j + 2]], d3 = xc[idx[j + 3]];
      final double d4 = xc[idx[j + 4]], d5 = xc[idx[j + 5]], d6 = xc[idx[j + 6]], d7 = xc[idx[j + 7]];
      final double q0 = d0 * d0, q1 = d1 * d1, q2 = d2 * d2, q3 = d3 * d3;
      final double q4 = d4 * d4, q5 = d5 * d5, q6 = d6 * d6, q7 = d7 * d7;
      a0 += d0;
      a1 += d1;
      a2 += d2;
      a3 += d3;
      a4 += d4;
      a5 += d5;
      a6 += d6;
      a7 += d7;
      b0 += q0;
      b1 += q1;
      b2 += q2;
      b3 += q3;
      b4 += q4;
      b5 += q5;
      b6 += q6;
      b7 += q7;
      c0 += q0 * d0;
      c1 += q1 * d1;
      c2 += q2 * d2;
      c3 += q3 * d3;
      c4 += q4 * d4;
      c5 += q5 * d5;
      c6 += q6 * d6;
      c7 += q7 * d7;
    }
    store(acc, 0, a0, a1, a2, a3, a4, a5, a6, a7);
    store(acc, 8, b0, b1, b2, b3, b4, b5, b6, b7);
    store(acc, 16, c0, c1, c2, c3, c4, c5, c6, c7);
    for (int lane = 0; j < end; j++, lane++) {
      final double d = xc[idx[j]];
      final double q = d * d;
      acc[lane] += d;
      acc[8 + lane] += q;
      acc[16 + lane] += q * d;
    }
  }

  private static void fourth(double[] xc, int[] idx, int from, int len, double[] acc) {
    // Four powers in 8 lanes are 32 accumulators, more than the registers: two passes of four
    // lanes each keep them in registers (lanes 0-3, then 4-7, of every group of 8 positions).
    fourthHalf(xc, idx, from, len, acc, 0);
    fourthHalf(xc, idx, from, len, acc, 4);
  }

  private static void fourthHalf(double[] xc, int[] idx, int from, int len, double[] acc, int half) {
    double a0 = acc[half], a1 = acc[half + 1], a2 = acc[half + 2], a3 = acc[half + 3];
    double b0 = acc[8 + half], b1 = acc[9 + half], b2 = acc[10 + half], b3 = acc[11 + half];
    double c0 = acc[16 + half], c1 = acc[17 + half], c2 = acc[18 + half], c3 = acc[19 + half];
    double e0 = acc[24 + half], e1 = acc[25 + half], e2 = acc[26 + half], e3 = acc[27 + half];
    final int end = from + len;
    int j = from + half;
    for (; j + 8 - half <= end; j += 8) {
      final double d0 = xc[idx[j]], d1 = xc[idx[j + 1]], d2 = xc[idx[j + 2]], d3 = xc[idx[j + 3]];
      final double q0 = d0 * d0, q1 = d1 * d1, q2 = d2 * d2, q3 = d3 * d3;
      a0 += d0;
      a1 += d1;
      a2 += d2;
      a3 += d3;
      b0 += q0;
      b1 += q1;
      b2 += q2;
      b3 += q3;
      c0 += q0 * d0;
      c1 += q1 * d1;
      c2 += q2 * d2;
      c3 += q3 * d3;
      e0 += q0 * q0;
      e1 += q1 * q1;
      e2 += q2 * q2;
      e3 += q3 * q3;
    }
    acc[half] = a0;
    acc[half + 1] = a1;
    acc[half + 2] = a2;
    acc[half + 3] = a3;
    acc[8 + half] = b0;
    acc[9 + half] = b1;
    acc[10 + half] = b2;
    acc[11 + half] = b3;
    acc[16 + half] = c0;
    acc[17 + half] = c1;
    acc[18 + half] = c2;
    acc[19 + half] = c3;
    acc[24 + half] = e0;
    acc[25 + half] = e1;
    acc[26 + half] = e2;
    acc[27 + half] = e3;
    // The last group of fewer than 8 positions: its lanes of this half, if it has them.
    for (int lane = half; j < end && lane < half + 4; j++, lane++) {
      final double d = xc[idx[j]];
      final double q = d * d;
      acc[lane] += d;
      acc[8 + lane] += q;
      acc[16 + lane] += q * d;
      acc[24 + lane] += q * q;
    }
  }

  /**
   * Adds the sums of a pair at {@code idx[from..from+len)} to the lanes in {@code acc}: 8 lanes
   * each of {@code dx} (at 0), {@code dx*dx} (8), {@code dy} (16), {@code dy*dy} (24) and
   * {@code dx*dy} (32). Two passes of four lanes, as {@link #fourth}.
   */
  static void pair(double[] xc, double[] yc, int[] idx, int from, int len, double[] acc) {
    pairHalf(xc, yc, idx, from, len, acc, 0);
    pairHalf(xc, yc, idx, from, len, acc, 4);
  }

  private static void pairHalf(double[] xc, double[] yc, int[] idx, int from, int len, double[] acc, int half) {
    double x0 = acc[half], x1 = acc[half + 1], x2 = acc[half + 2], x3 = acc[half + 3];
    double xx0 = acc[8 + half], xx1 = acc[9 + half], xx2 = acc[10 + half], xx3 = acc[11 + half];
    double y0 = acc[16 + half], y1 = acc[17 + half], y2 = acc[18 + half], y3 = acc[19 + half];
    double yy0 = acc[24 + half], yy1 = acc[25 + half], yy2 = acc[26 + half], yy3 = acc[27 + half];
    double p0 = acc[32 + half], p1 = acc[33 + half], p2 = acc[34 + half], p3 = acc[35 + half];
    final int end = from + len;
    int j = from + half;
    for (; j + 8 - half <= end; j += 8) {
      final int r0 = idx[j], r1 = idx[j + 1], r2 = idx[j + 2], r3 = idx[j + 3];
      final double u0 = xc[r0], u1 = xc[r1], u2 = xc[r2], u3 = xc[r3];
      final double v0 = yc[r0], v1 = yc[r1], v2 = yc[r2], v3 = yc[r3];
      x0 += u0;
      x1 += u1;
      x2 += u2;
      x3 += u3;
      xx0 += u0 * u0;
      xx1 += u1 * u1;
      xx2 += u2 * u2;
      xx3 += u3 * u3;
      y0 += v0;
      y1 += v1;
      y2 += v2;
      y3 += v3;
      yy0 += v0 * v0;
      yy1 += v1 * v1;
      yy2 += v2 * v2;
      yy3 += v3 * v3;
      p0 += u0 * v0;
      p1 += u1 * v1;
      p2 += u2 * v2;
      p3 += u3 * v3;
    }
    acc[half] = x0;
    acc[half + 1] = x1;
    acc[half + 2] = x2;
    acc[half + 3] = x3;
    acc[8 + half] = xx0;
    acc[9 + half] = xx1;
    acc[10 + half] = xx2;
    acc[11 + half] = xx3;
    acc[16 + half] = y0;
    acc[17 + half] = y1;
    acc[18 + half] = y2;
    acc[19 + half] = y3;
    acc[24 + half] = yy0;
    acc[25 + half] = yy1;
    acc[26 + half] = yy2;
    acc[27 + half] = yy3;
    acc[32 + half] = p0;
    acc[33 + half] = p1;
    acc[34 + half] = p2;
    acc[35 + half] = p3;
    for (int lane = half; j < end && lane < half + 4; j++, lane++) {
      final double u = xc[idx[j]];
      final double v = yc[idx[j]];
      acc[lane] += u;
      acc[8 + lane] += u * u;
      acc[16 + lane] += v;
      acc[24 + lane] += v * v;
      acc[32 + lane] += u * v;
    }
  }

  /** Adds {@code dx*dy} at {@code idx[from..from+len)} to the 8 lanes of {@code acc}. */
  static void cross(double[] xc, double[] yc, int[] idx, int from, int len, double[] acc) {
    double a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4], a5 = acc[5], a6 = acc[6], a7 = acc[7];
    final int end = from + len;
    int j = from;
    for (; j + 8 <= end; j += 8) {
      a0 += xc[idx[j]] * yc[idx[j]];
      a1 += xc[idx[j + 1]] * yc[idx[j + 1]];
      a2 += xc[idx[j + 2]] * yc[idx[j + 2]];
      a3 += xc[idx[j + 3]] * yc[idx[j + 3]];
      a4 += xc[idx[j + 4]] * yc[idx[j + 4]];
      a5 += xc[idx[j + 5]] * yc[idx[j + 5]];
      a6 += xc[idx[j + 6]] * yc[idx[j + 6]];
      a7 += xc[idx[j + 7]] * yc[idx[j + 7]];
    }
    store(acc, 0, a0, a1, a2, a3, a4, a5, a6, a7);
    for (int lane = 0; j < end; j++, lane++) {
      acc[lane] += xc[idx[j]] * yc[idx[j]];
    }
  }

  private static void store(double[] acc, int at, double l0, double l1, double l2, double l3, double l4, double l5,
      double l6, double l7) {
    acc[at] = l0;
    acc[at + 1] = l1;
    acc[at + 2] = l2;
    acc[at + 3] = l3;
    acc[at + 4] = l4;
    acc[at + 5] = l5;
    acc[at + 6] = l6;
    acc[at + 7] = l7;
  }
}
