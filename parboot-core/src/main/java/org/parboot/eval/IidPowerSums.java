package org.parboot.eval;

import static org.parboot.rng.ResampleStreams.GOLDEN_GAMMA;
import static org.parboot.rng.ResampleStreams.accepts;
import static org.parboot.rng.ResampleStreams.highWord;
import static org.parboot.rng.ResampleStreams.index;
import static org.parboot.rng.ResampleStreams.lowWord;
import static org.parboot.rng.ResampleStreams.mix64;
import static org.parboot.rng.ResampleStreams.product;

import org.parboot.rng.ResampleStreams;

/**
 * The iid draw and the centred power sums of one column in a single loop: the same indices as
 * {@link org.parboot.rng.ResampleStreams#fillIndices} and the same sums, lanes and order as
 * {@link PowerSums#powerSums} over them, so the same bits, without the index buffer.
 *
 * <p>Why: drawn apart, the draw (integer multiplies) and the sums (floating point) run one after
 * the other; in one loop the CPU overlaps them, and the loads of drawn values overlap the next
 * draws (docs/benchmarks.md: about 1.5x for mean, std and skew). It is the common case, the iid
 * bootstrap of a column's moments, and nothing else: every other plan and scheme fills the buffer.
 *
 * <p>How it keeps the draw order: each 64-bit output gives two 32-bit words, high then low, and
 * each accepted word is the next position. With room for two positions, an output whose words are
 * both accepted fills positions {@code i} and {@code i + 1}; their lanes are even and odd
 * positions, so when a rejection has made {@code i} odd the two values swap lanes. An output with
 * a rejected word (probability below {@code 2n / 2^32}) and the last position go word by word.
 */
final class IidPowerSums {

  private IidPowerSums() {}

  /**
   * {@code out[0..3]} = the centred power sums up to {@code order} (higher entries 0) of
   * {@code x} at the {@code len} indices drawn from the stream at {@code state} with
   * {@code bound} and {@code threshold} (as {@code fillIndices} takes them; {@code bound} must not
   * exceed {@code x.length}).
   *
   * @param lanes scratch of 8 doubles, used only on the rare word-by-word path
   */
  static void sums(long state, int bound, long threshold, double[] x, double c, int order, int len,
      double[] out, double[] lanes) {
    switch (order) {
      case 1 -> first(state, bound, threshold, x, c, len, out, lanes);
      case 2 -> second(state, bound, threshold, x, c, len, out, lanes);
      case 3 -> third(state, bound, threshold, x, c, len, out, lanes);
      default -> fourth(state, bound, threshold, x, c, len, out, lanes);
    }
  }

  private static void first(long state, int bound, long t, double[] x, double c, int len, double[] out,
      double[] lanes) {
    final long n = bound;
    double a1 = 0, b1 = 0;
    long s = state;
    int i = 0;
    while (i + 1 < len) {
      final long r = mix64(s += GOLDEN_GAMMA);
      final long m1 = product(highWord(r), n);
      final long m2 = product(lowWord(r), n);
      if (accepts(m1, t) && accepts(m2, t)) {
        double u = x[index(m1)] - c;
        double v = x[index(m2)] - c;
        if ((i & 1) != 0) {
          final double w = u;
          u = v;
          v = w;
        }
        a1 += u;
        b1 += v;
        i += 2;
      } else {
        store(lanes, a1, 0, 0, 0, b1, 0, 0, 0);
        i = wordByWord(r, n, t, x, c, 1, i, lanes);
        a1 = lanes[0];
        b1 = lanes[4];
      }
    }
    store(lanes, a1, 0, 0, 0, b1, 0, 0, 0);
    finish(s, n, t, x, c, 1, i, len, lanes, out);
  }

  private static void second(long state, int bound, long t, double[] x, double c, int len, double[] out,
      double[] lanes) {
    final long n = bound;
    double a1 = 0, a2 = 0, b1 = 0, b2 = 0;
    long s = state;
    int i = 0;
    while (i + 1 < len) {
      final long r = mix64(s += GOLDEN_GAMMA);
      final long m1 = product(highWord(r), n);
      final long m2 = product(lowWord(r), n);
      if (accepts(m1, t) && accepts(m2, t)) {
        double u = x[index(m1)] - c;
        double v = x[index(m2)] - c;
        if ((i & 1) != 0) {
          final double w = u;
          u = v;
          v = w;
        }
        a1 += u;
        a2 += u * u;
        b1 += v;
        b2 += v * v;
        i += 2;
      } else {
        store(lanes, a1, a2, 0, 0, b1, b2, 0, 0);
        i = wordByWord(r, n, t, x, c, 2, i, lanes);
        a1 = lanes[0];
        a2 = lanes[1];
        b1 = lanes[4];
        b2 = lanes[5];
      }
    }
    store(lanes, a1, a2, 0, 0, b1, b2, 0, 0);
    finish(s, n, t, x, c, 2, i, len, lanes, out);
  }

  private static void third(long state, int bound, long t, double[] x, double c, int len, double[] out,
      double[] lanes) {
    final long n = bound;
    double a1 = 0, a2 = 0, a3 = 0, b1 = 0, b2 = 0, b3 = 0;
    long s = state;
    int i = 0;
    while (i + 1 < len) {
      final long r = mix64(s += GOLDEN_GAMMA);
      final long m1 = product(highWord(r), n);
      final long m2 = product(lowWord(r), n);
      if (accepts(m1, t) && accepts(m2, t)) {
        double u = x[index(m1)] - c;
        double v = x[index(m2)] - c;
        if ((i & 1) != 0) {
          final double w = u;
          u = v;
          v = w;
        }
        final double u2 = u * u;
        final double v2 = v * v;
        a1 += u;
        a2 += u2;
        a3 += u2 * u;
        b1 += v;
        b2 += v2;
        b3 += v2 * v;
        i += 2;
      } else {
        store(lanes, a1, a2, a3, 0, b1, b2, b3, 0);
        i = wordByWord(r, n, t, x, c, 3, i, lanes);
        a1 = lanes[0];
        a2 = lanes[1];
        a3 = lanes[2];
        b1 = lanes[4];
        b2 = lanes[5];
        b3 = lanes[6];
      }
    }
    store(lanes, a1, a2, a3, 0, b1, b2, b3, 0);
    finish(s, n, t, x, c, 3, i, len, lanes, out);
  }

  private static void fourth(long state, int bound, long t, double[] x, double c, int len, double[] out,
      double[] lanes) {
    final long n = bound;
    double a1 = 0, a2 = 0, a3 = 0, a4 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0;
    long s = state;
    int i = 0;
    while (i + 1 < len) {
      final long r = mix64(s += GOLDEN_GAMMA);
      final long m1 = product(highWord(r), n);
      final long m2 = product(lowWord(r), n);
      if (accepts(m1, t) && accepts(m2, t)) {
        double u = x[index(m1)] - c;
        double v = x[index(m2)] - c;
        if ((i & 1) != 0) {
          final double w = u;
          u = v;
          v = w;
        }
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
        i += 2;
      } else {
        store(lanes, a1, a2, a3, a4, b1, b2, b3, b4);
        i = wordByWord(r, n, t, x, c, 4, i, lanes);
        a1 = lanes[0];
        a2 = lanes[1];
        a3 = lanes[2];
        a4 = lanes[3];
        b1 = lanes[4];
        b2 = lanes[5];
        b3 = lanes[6];
        b4 = lanes[7];
      }
    }
    store(lanes, a1, a2, a3, a4, b1, b2, b3, b4);
    finish(s, n, t, x, c, 4, i, len, lanes, out);
  }

  private static void store(double[] lanes, double a1, double a2, double a3, double a4, double b1, double b2,
      double b3, double b4) {
    lanes[0] = a1;
    lanes[1] = a2;
    lanes[2] = a3;
    lanes[3] = a4;
    lanes[4] = b1;
    lanes[5] = b2;
    lanes[6] = b3;
    lanes[7] = b4;
  }

  /**
   * The two words of output {@code r}, one by one, with room for both: each accepted word is
   * position {@code i}, added to lane a (even) or b (odd). Returns the next position.
   */
  private static int wordByWord(long r, long n, long t, double[] x, double c, int order, int i, double[] lanes) {
    int p = i;
    long m = product(highWord(r), n);
    if (accepts(m, t)) {
      add(lanes, p++, x[index(m)] - c, order);
    }
    m = product(lowWord(r), n);
    if (accepts(m, t)) {
      add(lanes, p++, x[index(m)] - c, order);
    }
    return p;
  }

  /** Position {@code p}'s centred value into its lane, each power as the loops add it. */
  private static void add(double[] lanes, int p, double u, int order) {
    final int lane = (p & 1) == 0 ? 0 : 4;
    final double u2 = u * u;
    lanes[lane] += u;
    if (order >= 2) {
      lanes[lane + 1] += u2;
    }
    if (order >= 3) {
      lanes[lane + 2] += u2 * u;
    }
    if (order >= 4) {
      lanes[lane + 3] += u2 * u2;
    }
  }

  /**
   * The index of the last position: the first accepted word of the outputs after {@code state},
   * high word first, as {@code fillIndices} takes them for a last position.
   */
  private static int lastIndex(long state, long n, long t) {
    return new ResampleStreams.Stream(state).nextIndex((int) n, t);
  }

  /** The last position, if one is left, then the lanes added into {@code out}. */
  private static void finish(long state, long n, long t, double[] x, double c, int order, int i, int len,
      double[] lanes, double[] out) {
    if (i < len) {
      add(lanes, i, x[lastIndex(state, n, t)] - c, order);
    }
    out[0] = lanes[0] + lanes[4];
    out[1] = lanes[1] + lanes[5];
    out[2] = lanes[2] + lanes[6];
    out[3] = lanes[3] + lanes[7];
  }

  /**
   * The pair version: the first two power sums of {@code x} and of {@code y} into {@code sx} and
   * {@code sy} (entries 2 and 3 set to 0) and the cross sum, returned, exactly as
   * {@link PowerSums#pairSums} gives them over the drawn indices.
   *
   * @param lanes scratch of 10 doubles, used only on the rare word-by-word path
   */
  static double pairSums(long state, int bound, long t, double[] x, double cx, double[] y, double cy, int len,
      double[] sx, double[] sy, double[] lanes) {
    final long n = bound;
    double ax1 = 0, ax2 = 0, ay1 = 0, ay2 = 0, axy = 0;
    double bx1 = 0, bx2 = 0, by1 = 0, by2 = 0, bxy = 0;
    long s = state;
    int i = 0;
    while (i + 1 < len) {
      final long r = mix64(s += GOLDEN_GAMMA);
      final long m1 = product(highWord(r), n);
      final long m2 = product(lowWord(r), n);
      if (accepts(m1, t) && accepts(m2, t)) {
        int j = index(m1);
        int l = index(m2);
        if ((i & 1) != 0) {
          final int w = j;
          j = l;
          l = w;
        }
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
        i += 2;
      } else {
        storePair(lanes, ax1, ax2, ay1, ay2, axy, bx1, bx2, by1, by2, bxy);
        long m = product(highWord(r), n);
        if (accepts(m, t)) {
          addPair(lanes, i++, index(m), x, cx, y, cy);
        }
        m = product(lowWord(r), n);
        if (accepts(m, t)) {
          addPair(lanes, i++, index(m), x, cx, y, cy);
        }
        ax1 = lanes[0];
        ax2 = lanes[1];
        ay1 = lanes[2];
        ay2 = lanes[3];
        axy = lanes[4];
        bx1 = lanes[5];
        bx2 = lanes[6];
        by1 = lanes[7];
        by2 = lanes[8];
        bxy = lanes[9];
      }
    }
    storePair(lanes, ax1, ax2, ay1, ay2, axy, bx1, bx2, by1, by2, bxy);
    if (i < len) {
      addPair(lanes, i, lastIndex(s, n, t), x, cx, y, cy);
    }
    sx[0] = lanes[0] + lanes[5];
    sx[1] = lanes[1] + lanes[6];
    sx[2] = 0;
    sx[3] = 0;
    sy[0] = lanes[2] + lanes[7];
    sy[1] = lanes[3] + lanes[8];
    sy[2] = 0;
    sy[3] = 0;
    return lanes[4] + lanes[9];
  }

  private static void storePair(double[] lanes, double ax1, double ax2, double ay1, double ay2, double axy,
      double bx1, double bx2, double by1, double by2, double bxy) {
    lanes[0] = ax1;
    lanes[1] = ax2;
    lanes[2] = ay1;
    lanes[3] = ay2;
    lanes[4] = axy;
    lanes[5] = bx1;
    lanes[6] = bx2;
    lanes[7] = by1;
    lanes[8] = by2;
    lanes[9] = bxy;
  }

  /** Position {@code p}, row {@code j}: its centred x and y into their lane, as the loop adds them. */
  private static void addPair(double[] lanes, int p, int j, double[] x, double cx, double[] y, double cy) {
    final int lane = (p & 1) == 0 ? 0 : 5;
    final double u = x[j] - cx;
    final double v = y[j] - cy;
    lanes[lane] += u;
    lanes[lane + 1] += u * u;
    lanes[lane + 2] += v;
    lanes[lane + 3] += v * v;
    lanes[lane + 4] += u * v;
  }
}
