package org.parboot.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.parboot.simd.Simd;

/**
 * The moment kernels: the power sums of one centred column, and the sums of a pair of columns,
 * over a resample given as its row counts, in the summation layout that is part of the
 * reproducibility contract.
 *
 * <h2>The layout ({@value #LAYOUT})</h2>
 * A resample is the number of times {@code c_i} each row i was drawn. A sum over it runs over the
 * rows in row order, row i into lane {@code i mod 8}, and adds for each row drawn at least once
 * the terms {@code t1 = c_i * d_i}, {@code t2 = t1 * d_i}, {@code t3 = t2 * d_i},
 * {@code t4 = t3 * d_i} (power k's sum takes {@code tk}), where {@code d = x - centre} is the
 * column centred once on its full-data mean; a pair adds {@code c dx, (c dx) dx, c dy, (c dy) dy}
 * and the cross term {@code (c dx) dy}. At the end the lanes are combined as
 * {@code ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))}. No term is fused (no FMA).
 *
 * <p>So a statistic's value is a fixed function of the multiset of rows a resample drew (a pure
 * function of the seed and the resample's number), whatever computes it: the order of the draws,
 * the blocks they came in, the executor, the thread count and the SIMD width play no part. A row
 * not drawn adds nothing: for finite data its terms are zeros, which leave a lane unchanged (a
 * lane starts at +0.0 and can never become -0.0), so the kernels may add them; for a column with
 * an infinity or NaN they must not ({@code 0 * inf} is NaN), and the kernels zero those rows'
 * values first.
 *
 * <p>Why counts: one pass over the rows reads the column in order (prefetched, on SIMD lanes)
 * however large it is, where summing the draws gathers a random row per draw, which misses the
 * cache beyond a few hundred thousand rows; and one count array serves every column and every
 * statistic of a resample, the order statistics too ({@link RankCounts}). Every result names the
 * layout ({@code layout} in JSON); a result without one was computed by a development build that
 * summed in draw order, and differs from this layout in the last bits.
 *
 * <p>Two implementations give the same bits: {@link ScalarPowerSums}, and
 * {@code VectorPowerSums} on 8 x 64-bit SIMD lanes when {@link Simd#allowed} and the CPU has
 * 512-bit vectors (looked for on first use only, and self-checked). A run asks for one
 * ({@link #of}), as its kernel decided.
 */
final class PowerSums {
  /** The layout's name, carried by every result. */
  static final String LAYOUT = "rows8";
  /** Lanes per sum. */
  static final int LANES = 8;

  /** One implementation of the layout's sums. Every implementation gives the same bits. */
  interface Kernel {
    /**
     * The sums of the powers 1 to {@code order} (at most 4) of {@code d} weighted by {@code c},
     * into {@code out[0, order)}.
     *
     * @param finite true if every value of {@code d} is finite (rows not drawn may then be added)
     */
    void powers(int order, int[] c, double[] d, boolean finite, double[] out);

    /** A pair's sums into {@code out[0, 5)}: {@code c dx, (c dx) dx, c dy, (c dy) dy, (c dx) dy}. */
    void pair(int[] c, double[] x, double[] y, boolean finite, double[] out);

    /** The cross sum {@code (c dx) dy}. */
    double cross(int[] c, double[] x, double[] y, boolean finite);

    /** What this implementation is, for results. */
    String description();
  }

  /** The portable implementation. */
  static final Kernel SCALAR = ScalarPowerSums.INSTANCE;

  private PowerSums() {}

  /** The SIMD sums if {@code simd} and this JVM has them, else the scalar ones. */
  static Kernel of(boolean simd) {
    return simd ? Vector.SUMS : SCALAR;
  }

  /** Made on first use: the SIMD sums of this JVM if it has them, else the scalar ones. */
  private static final class Vector {
    static final Kernel SUMS = choose(Simd.setting());
  }

  static Kernel choose(String setting) {
    final Kernel v = Simd.load(setting, "org.parboot.eval.VectorPowerSums", Kernel.class);
    return v != null && agrees(v, ScalarPowerSums.INSTANCE) ? v : ScalarPowerSums.INSTANCE;
  }

  /** The sum of lanes {@code [at, at + 8)} of {@code acc}, combined in the layout's order. */
  static double combine(double[] acc, int at) {
    return ((acc[at] + acc[at + 1]) + (acc[at + 2] + acc[at + 3]))
        + ((acc[at + 4] + acc[at + 5]) + (acc[at + 6] + acc[at + 7]));
  }

  /**
   * Whether two implementations give the same bits for every sum on a few resamples: lengths with
   * and without a partial group of 8, a column with an infinity and a NaN. PowerSumsTest covers
   * more.
   */
  static boolean agrees(Kernel a, Kernel b) {
    final SplittableRandom random = new SplittableRandom(20261128);
    for (int n : new int[] {1, 8, 13, 100}) {
      final int[] c = new int[n];
      final double[] x = new double[n];
      final double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        c[i] = random.nextInt(3);
        x[i] = random.nextGaussian();
        y[i] = random.nextGaussian();
      }
      for (boolean finite : new boolean[] {true, false}) {
        if (!finite) {
          x[n / 2] = Double.POSITIVE_INFINITY;
          c[n / 2] = 0;
          y[n - 1] = Double.NaN;
          c[n - 1] = 0;
        }
        for (int order = 1; order <= 4; order++) {
          final double[] p = new double[order];
          final double[] q = new double[order];
          a.powers(order, c, x, finite, p);
          b.powers(order, c, x, finite, q);
          if (!sameBits(p, q)) {
            return false;
          }
        }
        final double[] p = new double[5];
        final double[] q = new double[5];
        a.pair(c, x, y, finite, p);
        b.pair(c, x, y, finite, q);
        if (!sameBits(p, q) || Double.doubleToRawLongBits(a.cross(c, x, y, finite))
            != Double.doubleToRawLongBits(b.cross(c, x, y, finite))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean sameBits(double[] p, double[] q) {
    return Arrays.equals(Arrays.stream(p).mapToLong(Double::doubleToRawLongBits).toArray(),
        Arrays.stream(q).mapToLong(Double::doubleToRawLongBits).toArray());
  }
}
