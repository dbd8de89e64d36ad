package org.parboot.resample;

import org.parboot.rng.ResampleStreams;
import org.parboot.rng.Seeds;

/**
 * The balanced bootstrap (Davison, Hinkley and Schechtman 1986; R boot's {@code sim = "balanced"}):
 * over all B resamples, every row appears exactly B times. R builds it by permuting B copies of
 * the row numbers and cutting the permutation into B resamples; this class does the same without
 * the B x n array, with a keyed pseudorandom permutation π of {@code [0, nB)} computed one value
 * at a time.
 *
 * <p>Index j of resample b is {@code π(b n + j) mod n}. The positions {@code b n + j} run over
 * {@code [0, nB)} once, π is a bijection, and each residue mod n occurs exactly B times in
 * {@code [0, nB)}: so each row appears exactly B times over the B resamples, whatever the key.
 * Each resample is still computable on its own (memory O(n), any thread, any order).
 *
 * <p>The permutation (part of the reproducibility contract): a balanced Feistel network on
 * 2h bits, h = ceil(bits(nB - 1) / 2) (at least 1), of {@value #ROUNDS} rounds; with x = (L, R)
 * the high and low h bits, round r maps (L, R) to (R, L xor F<sub>r</sub>(R)), where
 * F<sub>r</sub>(R) is the top h bits of {@link ResampleStreams#mix64 mix64}(R xor k<sub>r</sub>).
 * The round keys k<sub>r</sub> are {@link Seeds#balancedKey Seeds.balancedKey(seed, r)} = {@code streamState(seed, -1 - r)},
 * start states no resample uses. Values of {@code 2^2h > nB} are mapped into range by
 * cycle-walking (apply the network again until the value is below nB), which keeps a bijection
 * of {@code [0, nB)}; on average fewer than 4 applications.
 */
final class BalancedResampler implements Resampler {
  static final int ROUNDS = 6;

  private final int n;
  private final long domain;
  private final int half;
  private final long mask;
  private final long[] keys = new long[ROUNDS];

  /**
   * The balanced design of {@code resamples} resamples of {@code n} rows under {@code seed}.
   * Resample b must be in {@code [0, resamples)}.
   */
  public BalancedResampler(long seed, int n, int resamples) {
    this.n = n;
    this.domain = (long) n * resamples;
    final int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(domain - 1));
    this.half = (bits + 1) / 2;
    this.mask = (1L << half) - 1;
    for (int r = 0; r < ROUNDS; r++) {
      keys[r] = Seeds.balancedKey(seed, r);
    }
  }

  /** π(x) for x in [0, nB). */
  long permute(long x) {
    do {
      long left = x >>> half;
      long right = x & mask;
      for (int r = 0; r < ROUNDS; r++) {
        final long f = ResampleStreams.mix64(right ^ keys[r]) >>> (64 - half);
        final long t = right;
        right = left ^ f;
        left = t;
      }
      x = (left << half) | right;
    } while (x >= domain);
    return x;
  }

  @Override
  public String name() {
    return "balanced";
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public int fill(long b, int[] out) {
    final long base = b * n;
    for (int j = 0; j < n; j++) {
      out[j] = (int) (permute(base + j) % n);
    }
    return n;
  }
}
