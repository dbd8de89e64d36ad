package org.parboot.resample;

import org.parboot.rng.PoissonCounts;
import org.parboot.rng.ResampleStreams;

/**
 * The Poisson bootstrap (Hanley and MacGibbon 2006; Chamandy et al. 2012): row i appears
 * c<sub>i</sub> times, with the c<sub>i</sub> independent Poisson(1) counts, so a resample is
 * the index list {@code 0 x c0, 1 x c1, ...} of variable length (Poisson(n) distributed, mean n).
 * Every row's count is drawn on its own, which makes the scheme streaming- and
 * distribution-friendly: a shard of rows needs only its own counts.
 *
 * <p>Every statistic works under it: the evaluator reads an index list of any length, so a
 * resample gives the frequency-weighted version of every moment and order statistic (a row
 * counted c times is c rows). A resample with no rows (probability e<sup>-n</sup>) makes every
 * statistic NaN, and statistics undefined for very small samples (e.g. {@code var(ddof=1)} of one
 * row) are NaN too; NaN replicates are counted and left out of the distribution like any other
 * non-finite replicate.
 *
 * <p>Draw order (part of the reproducibility contract): resample {@code b}'s count of row i is
 * {@link PoissonCounts#of(long, long) PoissonCounts.of(streamState(seed, b), i)}, the same count
 * the Spark module draws; indices are written in row order, so a resample is sorted.
 */
public final class PoissonResampler implements Resampler {

  private final long seed;
  private final int n;

  /** Resamples of {@code n} rows under {@code seed}. */
  public PoissonResampler(long seed, int n) {
    this.seed = seed;
    this.n = n;
  }

  /** The initial state of resample {@code b}'s stream: {@link ResampleStreams#streamState streamState(seed, b)}. */
  public long streamState(long b) {
    return ResampleStreams.streamState(seed, b);
  }

  @Override
  public String name() {
    return "poisson";
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public int fill(long b, int[] out) {
    final ResampleStreams.Stream stream = ResampleStreams.Stream.of(seed, b);
    final int cap = out.length;
    int len = 0;
    for (int i = 0; i < n; i++) {
      int c = PoissonCounts.ofOutput(stream.nextLong());
      while (c-- > 0) {
        if (len < cap) {
          out[len] = i;
        }
        len++; // at most 17 n: no overflow for n < 2^31 / 17; larger n is refused by Schemes
      }
    }
    return len;
  }
}
