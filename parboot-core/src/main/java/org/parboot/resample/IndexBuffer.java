package org.parboot.resample;

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
