package org.parboot.rng;

/**
 * One implementation of {@link ResampleStreams#fillIndices}. Every implementation draws the very
 * same indices; they differ only in speed. {@link IndexFills#DEFAULT} picks one at run time.
 */
interface IndexFill {

  /** Fills {@code out[0, len)} exactly as {@link ResampleStreams#fillIndices} documents. */
  void fill(long state, int bound, long threshold, int[] out, int len);

  /** What this implementation is, for {@code parboot --version} and benchmark reports. */
  String description();
}
