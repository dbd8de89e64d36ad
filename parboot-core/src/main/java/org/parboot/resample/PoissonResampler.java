package org.parboot.resample;

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
 * <p>Draw order (part of the reproducibility contract): resample {@code b} reads the
 * {@link ResampleStreams.Stream#of stream of (seed, b)}; for rows i = 0..n-1 in order, one
 * 64-bit output whose top 53 bits u give c<sub>i</sub> by inversion: the least k with
 * {@code u < T[k]}, where {@code T[k] = floor(2^53 F(k))} and F is the Poisson(1) distribution
 * function, computed exactly (50 digits) and stored as integers, so the comparison is exact.
 * {@code T[17]} is set to 2<sup>53</sup>: counts of 17 or more (probability 1.0e-15) are
 * drawn as 17. Indices are written in row order, so a resample is sorted.
 */
final class PoissonResampler implements Resampler {

  /**
   * {@code floor(2^53 F(k))}, k = 0..16, F the Poisson(1) distribution function, then 2^53.
   * Generated with Python's decimal module at 50 digits:
   * <pre>
   * getcontext().prec = 50; e = Decimal(-1).exp(); F = 0; f = 1
   * for k in range(17): f = f / k if k else 1; F += e * f; print(int(F * 2**53))
   * </pre>
   * (e<sup>-1</sup> = 0.36787944117144232159552377016146086744581113103177).
   */
  static final long[] CDF_53 = {
      3313563428353947L, 6627126856707895L, 8283908570884869L, 8836169142277194L, 8974234285125275L,
      9001847313694891L, 9006449485123161L, 9007106938184342L, 9007189119816990L, 9007198251109506L,
      9007199164238758L, 9007199247250508L, 9007199254168154L, 9007199254700280L, 9007199254738289L,
      9007199254740823L, 9007199254740982L, 1L << 53};

  private final long seed;
  private final int n;

  /** Resamples of {@code n} rows under {@code seed}. */
  public PoissonResampler(long seed, int n) {
    this.seed = seed;
    this.n = n;
  }

  /** The Poisson(1) count that the 53-bit uniform integer {@code u} stands for. */
  static int count(long u) {
    int k = 0;
    while (u >= CDF_53[k]) {
      k++;
    }
    return k;
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
      int c = count(stream.nextLong() >>> 11);
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
