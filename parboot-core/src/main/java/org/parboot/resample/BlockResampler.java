package org.parboot.resample;

import org.parboot.rng.ResampleStreams;

/**
 * Block bootstraps for dependent data (a time series in row order): a resample is the
 * concatenation of blocks of {@code L} consecutive rows, cut to n rows.
 *
 * <ul>
 *   <li><b>moving-block</b> (Künsch 1989): a block starts uniformly in {@code [0, n - L]}, so
 *       blocks never wrap and rows near the ends are drawn less often;</li>
 *   <li><b>circular-block</b> (Politis and Romano 1992): a block starts uniformly in
 *       {@code [0, n)} and wraps from the last row to the first, so every row is equally
 *       likely.</li>
 * </ul>
 *
 * <p>Draw order (part of the reproducibility contract): resample {@code b} reads the
 * {@link ResampleStreams.Stream#of stream of (seed, b)}. For block k = 0, 1, ...,
 * ceil(n / L) - 1, in order, one {@link ResampleStreams.Stream#nextIndex bounded index} is the
 * start s (bound n - L + 1, or n when circular); positions {@code kL .. min(kL + L, n) - 1} get
 * rows s, s + 1, ... (mod n when circular). The last block is cut short when L does not
 * divide n. With L = 1 the circular scheme is the iid one, index for index.
 */
final class BlockResampler implements Resampler {
  private final long seed;
  private final int n;
  private final int length;
  private final boolean circular;
  private final int bound;
  private final long threshold;
  private final String name;

  /**
   * Blocks of {@code length} rows out of {@code n}.
   *
   * @param circular true for the circular-block scheme, false for moving-block
   * @param auto whether the length was chosen automatically (shown in {@link #name()})
   * @throws IllegalArgumentException unless 1 <= length <= n
   */
  public BlockResampler(long seed, int n, int length, boolean circular, boolean auto) {
    if (length < 1 || length > n) {
      throw new IllegalArgumentException("block length " + length + " is not in [1, " + n + "]");
    }
    this.seed = seed;
    this.n = n;
    this.length = length;
    this.circular = circular;
    this.bound = circular ? n : n - length + 1;
    this.threshold = ResampleStreams.threshold(bound);
    this.name = (circular ? "circular-block" : "moving-block") + "(L=" + length
        + (auto ? ", auto" : "") + ")";
  }

  /** The block length L. */
  public int blockLength() {
    return length;
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
    for (int pos = 0; pos < n; ) {
      int row = stream.nextIndex(bound, threshold);
      final int end = Math.min(n, pos + length);
      while (pos < end) {
        out[pos++] = row++;
        if (row == n) {
          row = 0; // only reached by circular blocks: a moving block ends at n - 1 at the latest
        }
      }
    }
    return n;
  }
}
