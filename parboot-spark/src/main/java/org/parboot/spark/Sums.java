package org.parboot.spark;

import java.util.Arrays;
import org.parboot.RowSums;

/**
 * One replicate's sums over a block, about the block's centres, with the core's own moment kernels
 * ({@link RowSums}: the {@code rows8} layout, scalar or SIMD, the same bits): the weight, each
 * column's power sums up to its order and each pair's cross sum, each row weighted by its count.
 * Turned into moments by {@link Moments#fromSums}. A block's arrays have exactly its rows.
 */
final class Sums {
  private Sums() {}

  private static final int[] ONES = ones(BlockCutter.BLOCK);

  /** A count of 1 for each of {@code len} rows (the observed data, the jackknife). */
  static int[] ones(int len) {
    if (ONES != null && len == ONES.length) {
      return ONES;
    }
    final int[] one = new int[len];
    Arrays.fill(one, 1);
    return one;
  }

  /**
   * Writes replicate r's sums into {@code v}.
   *
   * @param counts each row's count (its length is the block's rows)
   * @param d the block's values minus their column's centre, by column ({@link #centred})
   * @param finite whether every value of {@code d} is finite
   */
  static void block(Shape s, int r, int[] counts, double[][] d, boolean finite, RowSums sums, double[] v) {
    final int stride = s.replicates;
    long w = 0;
    for (int c : counts) {
      w += c;
    }
    v[r] = w;
    final double[] out = new double[4];
    for (int col = 0; col < s.orders.length; col++) {
      final int at = s.meanSlot[col] * stride + r;
      sums.powers(s.orders[col], counts, d[col], finite, out);
      for (int k = 0; k < s.orders[col]; k++) {
        v[at + k * stride] = out[k];
      }
    }
    for (int p = 0; p < s.pairs.length; p++) {
      v[s.pairSlot[p] * stride + r] = sums.cross(counts, d[s.pairs[p][0]], d[s.pairs[p][1]], finite);
    }
  }

  /**
   * The block's values minus each column's plain mean over the block ({@code centre[c]}), in new
   * arrays of the block's length.
   */
  static double[][] centred(double[][] cols, int len, double[] centre) {
    final double[][] d = new double[cols.length][len];
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
    return d;
  }

  /**
   * The moments of a block's derived values {@code t[c][0, len)} (one per column of {@code shape},
   * one replicate, every row counted once): centred on the block, summed with the scalar kernels.
   */
  static double[] unweighted(Shape shape, double[][] t, int len) {
    final double[] centre = new double[t.length];
    final double[][] d = centred(t, len, centre);
    final double[] v = new double[shape.size()];
    block(shape, 0, ones(len), d, finite(d), SCALAR, v);
    Moments.fromSums(shape, v, centre);
    return v;
  }

  private static final RowSums SCALAR = RowSums.of(false);

  /** Whether every value is finite (a centred value can overflow). */
  static boolean finite(double[][] d) {
    for (double[] column : d) {
      for (double x : column) {
        if (!Double.isFinite(x)) {
          return false;
        }
      }
    }
    return true;
  }
}
