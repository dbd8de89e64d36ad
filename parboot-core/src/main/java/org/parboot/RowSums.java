package org.parboot;

import org.parboot.eval.EvaluationPlan;

/**
 * The engine's moment sums, for engines outside the core (the Spark module sums each block of rows
 * with them): over rows weighted by their counts, in the {@code rows8} layout (row i in lane
 * {@code i mod 8}, lanes combined pairwise; see {@code org.parboot.rng.ResampleStreams}), on SIMD
 * lanes where the JVM has them and the scalar way otherwise, the same bits either way. The arrays'
 * length is the number of rows. Immutable and thread-safe.
 */
public final class RowSums {
  private final EvaluationPlan.RowKernel kernel;

  private RowSums(EvaluationPlan.RowKernel kernel) {
    this.kernel = kernel;
  }

  /** The sums on SIMD lanes if {@code simd} and this JVM has them, else the scalar ones. */
  public static RowSums of(boolean simd) {
    return new RowSums(EvaluationPlan.rowKernel(simd));
  }

  /**
   * {@code out[k - 1] = sum_i c[i] d[i]^k} for k = 1..order (at most 4), the terms built as
   * {@code t1 = c d, t2 = t1 d, ...} (no FMA).
   *
   * @param finite true if every value of {@code d} is finite (rows counted 0 may then be added as zeros)
   */
  public void powers(int order, int[] counts, double[] d, boolean finite, double[] out) {
    kernel.powers(order, counts, d, finite, out);
  }

  /** {@code sum_i (c[i] x[i]) y[i]}. */
  public double cross(int[] counts, double[] x, double[] y, boolean finite) {
    return kernel.cross(counts, x, y, finite);
  }

  /** What implementation it is, for results. */
  public String description() {
    return kernel.description();
  }
}
