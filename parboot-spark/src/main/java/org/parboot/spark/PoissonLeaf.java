package org.parboot.spark;

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
  private transient long[][] states;
  private transient int[] counts;
  private transient double[][] d;

  /**
   * @param plan the statistics' columns
   * @param seeds each group's seed
   * @param resamples B
   */
  PoissonLeaf(MomentPlan plan, long[] seeds, int resamples) {
    this.shape = plan.shape(resamples + 1);
    this.seeds = seeds.clone();
    this.resamples = resamples;
  }

  @Override
  public Shape shape() {
    return shape;
  }

  @Override
  public double[] block(int group, long first, int len, double[][] cols) {
    if (states == null) {
      states = new long[seeds.length][];
    }
    if (states[group] == null) {
      final long[] s = new long[resamples];
      for (int b = 0; b < resamples; b++) {
        s[b] = ResampleStreams.streamState(seeds[group], b);
      }
      states[group] = s;
    }
    if (counts == null || counts.length < len) {
      counts = new int[len];
      d = new double[cols.length][len];
    }
    final double[] centre = Sums.centre(cols, len, d);
    final double[] v = new double[shape.size()];
    final long[] s = states[group];
    for (int b = 0; b < resamples; b++) {
      PoissonCounts.fill(s[b], first, counts, len);
      Sums.block(shape, b, counts, d, len, v);
    }
    Sums.block(shape, resamples, null, d, len, v);
    Moments.fromSums(shape, v, centre);
    return v;
  }
}
