package org.parboot.rng;

/**
 * One implementation of the bounded draw of a stream's indices
 * ({@link ResampleStreams.Stream#fill}). Every implementation draws the very same indices; they
 * differ only in speed. {@link IndexFills#of} gives a run the one it asked for.
 */
interface IndexFill {

  /**
   * Fills {@code out[from, to)} with the next bounded indices of {@code stream}, exactly as that
   * many calls of {@link ResampleStreams.Stream#nextIndex(int, long)} would, and leaves the stream
   * after them (a low word left over stays pending). The stream starts with no pending word.
   */
  void fill(ResampleStreams.Stream stream, int bound, long threshold, int[] out, int from, int to);

  /** Fills {@code out[0, len)} with the first indices of the stream that starts at {@code state}. */
  default void fill(long state, int bound, long threshold, int[] out, int len) {
    fill(new ResampleStreams.Stream(state), bound, threshold, out, 0, len);
  }

  /** What this implementation is, for {@code parboot --version} and results. */
  String description();
}
