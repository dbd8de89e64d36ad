package org.parboot.resample;

import java.util.Locale;
import org.parboot.rng.ResampleStreams;

/**
 * Politis and Romano's stationary bootstrap (JASA 89, 1994): wrapping blocks whose lengths are
 * geometric with mean L, so the resampled series is stationary. Each position after the first
 * starts a new block with probability p = 1/L and otherwise continues the current one, as in
 * arch's {@code StationaryBootstrap}. L need not be an integer.
 *
 * <p>Draw order (part of the reproducibility contract): resample {@code b} reads the
 * {@link ResampleStreams.Stream#of stream of (seed, b)}. Position 0 gets a
 * {@link ResampleStreams.Stream#nextIndex bounded index} in {@code [0, n)}. For each position
 * j = 1..n-1 in order: one 64-bit output u ({@link ResampleStreams.Stream#nextLong}); if its top
 * 53 bits are below {@code P = round(2^53 / L)} (an exact integer comparison), the position gets
 * a new bounded index in {@code [0, n)}, else the row after the previous position's (wrapping
 * from n - 1 to 0). With L = 1 every position starts a block.
 */
final class StationaryResampler implements Resampler {
  private final long seed;
  private final int n;
  private final double meanLength;
  private final long newBlockBelow;
  private final long threshold;
  private final String name;

  /**
   * Blocks of mean length {@code meanLength} out of {@code n} rows.
   *
   * @param auto whether the length was chosen automatically (shown in {@link #name()})
   * @throws IllegalArgumentException unless 1 <= meanLength <= n
   */
  public StationaryResampler(long seed, int n, double meanLength, boolean auto) {
    if (!(meanLength >= 1 && meanLength <= n)) {
      throw new IllegalArgumentException("mean block length " + meanLength + " is not in [1, " + n + "]");
    }
    this.seed = seed;
    this.n = n;
    this.meanLength = meanLength;
    this.newBlockBelow = Math.round(0x1.0p53 / meanLength);
    this.threshold = ResampleStreams.threshold(n);
    this.name = "stationary" + "(L=" + format(meanLength) + (auto ? ", auto" : "") + ")";
  }

  static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }

  /** The mean block length L. */
  public double meanBlockLength() {
    return meanLength;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public int fill(long b, int[] out) {
    final ResampleStreams.Stream stream = ResampleStreams.Stream.of(seed, b);
    int row = stream.nextIndex(n, threshold);
    out[0] = row;
    for (int j = 1; j < n; j++) {
      if ((stream.nextLong() >>> 11) < newBlockBelow) {
        row = stream.nextIndex(n, threshold);
      } else if (++row == n) {
        row = 0;
      }
      out[j] = row;
    }
    return n;
  }
}
