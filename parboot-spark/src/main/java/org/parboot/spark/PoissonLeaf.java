package org.parboot.spark;

import org.parboot.RowSums;
import org.parboot.rng.PoissonCounts;
import org.parboot.rng.ResampleStreams;

/**
 * The Poisson bootstrap's leaf: for each of B resamples, each row of the block weighted by its
 * Poisson count ({@link PoissonCounts}: a pure function of the group's seed, the resample and the
 * row's position), then the observed data (every count 1) as replicate B.
 */
final class PoissonLeaf implements Leaf {
  private static final long serialVersionUID = 1L;

  private final Shape shape;
  private final long[] seeds;
  private final int resamples;
  private final boolean simd;
  private transient long[][] states;
  private transient int[] counts;
  private transient RowSums sums;

  /**
   * @param plan the statistics' columns
   * @param seeds each group's seed
   * @param resamples B
   * @param simd whether the counts may be drawn on SIMD lanes where the executor's JVM has them
   *     (the same counts either way)
   */
  PoissonLeaf(MomentPlan plan, long[] seeds, int resamples, boolean simd) {
    this.shape = plan.shape(resamples + 1);
    this.seeds = seeds.clone();
    this.resamples = resamples;
    this.simd = simd;
  }

  @Override
  public Shape shape() {
    return shape;
  }

  @Override
  public double[] block(int group, long first, int len, double[][] cols) {
    if (states == null) {
      states = new long[seeds.length][];
      sums = RowSums.of(simd);
    }
    if (states[group] == null) {
      final long[] s = new long[resamples];
      for (int b = 0; b < resamples; b++) {
        s[b] = ResampleStreams.streamState(seeds[group], b);
      }
      states[group] = s;
    }
    if (counts == null || counts.length != len) {
      counts = new int[len];
    }
    final double[] centre = new double[cols.length];
    final double[][] d = Sums.centred(cols, len, centre);
    final boolean finite = Sums.finite(d);
    final double[] v = new double[shape.size()];
    final long[] s = states[group];
    for (int b = 0; b < resamples; b++) {
      PoissonCounts.fill(s[b], first, counts, len, simd);
      Sums.block(shape, b, counts, d, finite, sums, v);
    }
    Sums.block(shape, resamples, Sums.ones(len), d, finite, sums, v);
    Moments.fromSums(shape, v, centre);
    return v;
  }
}
