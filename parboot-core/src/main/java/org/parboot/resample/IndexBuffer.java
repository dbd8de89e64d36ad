package org.parboot.resample;

import org.parboot.rng.ResampleStreams;

/**
 * A worker's buffer of one resample's row indices. Schemes of variable length (poisson) may need
 * more room than the usual size: {@link #fill} then grows the buffer and fills it again, which
 * gives the same indices because a resample is a pure function of its number. Not thread-safe:
 * one per worker.
 */
public final class IndexBuffer {
  private int[] indices;
  private int length;

  /** A buffer for resamples of about {@code capacity} indices. */
  public IndexBuffer(int capacity) {
    this.indices = new int[Math.max(1, capacity)];
  }

  /** Fills in resample {@code b} of the scheme. */
  public void fill(Resampler resampler, long b) {
    fill(resampler, b, false);
  }

  /**
   * Fills in resample {@code b} of the scheme; the iid draw on SIMD lanes if {@code simd} and the
   * JVM has them (the same indices).
   */
  public void fill(Resampler resampler, long b, boolean simd) {
    if (simd && resampler instanceof IidResampler iid) {
      final int n = iid.size();
      if (indices.length < n) {
        indices = new int[n];
      }
      ResampleStreams.fillIndices(iid.streamState(b), n, iid.threshold(), indices, n, true);
      length = n;
      return;
    }
    int len = resampler.fill(b, indices);
    if (len > indices.length) {
      indices = new int[len + (len >>> 3)];
      len = resampler.fill(b, indices);
    }
    length = len;
  }

  /** The indices; only the first {@link #length()} are the resample's. */
  public int[] indices() {
    return indices;
  }

  /** The resample's length. */
  public int length() {
    return length;
  }
}
