package org.parboot.resample;

/**
 * A resampling scheme: it produces the row indices of resample {@code b}. Implementations must be
 * pure functions of (their configuration, {@code b}), so that any thread can produce any resample
 * and get the same indices; they are shared by all workers and must be thread-safe (immutable).
 *
 * <p>A resample is a list of row indices, possibly of a length other than n: the Poisson scheme
 * draws a variable number. Every statistic is then the frequency-weighted statistic of the rows
 * (a row drawn c times counts c times).
 *
 * <pre>{@code
 * int[] idx = new int[resampler.size()];
 * int len = resampler.fill(b, idx);
 * if (len > idx.length) {            // only variable-length schemes
 *   idx = new int[len];
 *   resampler.fill(b, idx);          // the same indices: fill is a pure function of b
 * }
 * }</pre>
 */
public interface Resampler {

  /** The scheme's name, as reported in results, with its parameters (e.g. {@code circular-block(L=12)}). */
  String name();

  /** The usual length of a resample (n), a good initial buffer size. */
  int size();

  /**
   * Writes resample {@code b}'s row indices into {@code out} and returns how many there are.
   * When that is more than {@code out.length} (possible only for variable-length schemes), only
   * {@code out.length} of them were written, and the caller must call again with a buffer at
   * least as long as the returned length; the second call writes the same indices.
   */
  int fill(long b, int[] out);
}
