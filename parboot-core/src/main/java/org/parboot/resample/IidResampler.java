package org.parboot.resample;

import org.parboot.rng.ResampleStreams;

/**
 * The ordinary (iid, Efron) bootstrap: n rows drawn uniformly with replacement, resample
 * {@code b} from the stream {@link ResampleStreams#streamState(long, long) streamState(seed, b)}.
 *
 * <p>Draw order: index j (j = 0..n-1) is the j-th bounded index of the stream,
 * {@link ResampleStreams#fillIndices}.
 */
public final class IidResampler implements Resampler {
  private final long seed;
  private final int n;
  private final long threshold;

  /** Resamples of {@code n} rows under {@code seed}. */
  public IidResampler(long seed, int n) {
    this.seed = seed;
    this.n = n;
    this.threshold = ResampleStreams.threshold(n);
  }

  @Override
  public String name() {
    return "iid";
  }

  @Override
  public int size() {
    return n;
  }

  /** The stream resample {@code b} draws from: {@code ResampleStreams.streamState(seed, b)}. */
  public long streamState(long b) {
    return ResampleStreams.streamState(seed, b);
  }

  /** The bounded mapping's rejection threshold, {@code ResampleStreams.threshold(n)}. */
  public long threshold() {
    return threshold;
  }

  @Override
  public int fill(long b, int[] out) {
    ResampleStreams.fillIndices(ResampleStreams.streamState(seed, b), n, threshold, out, n);
    return n;
  }
}
