package org.parboot.resample;

/**
 * A resampling scheme: it produces the row indices of resample {@code b}. Implementations must be
 * pure functions of (their configuration, {@code b}), so that any thread can produce any resample
 * and get the same indices; they are shared by all workers and must be thread-safe (immutable).
 */
public interface Resampler {

  /** The scheme's name, as reported in results. */
  String name();

  /** How many indices one resample has. */
  int size();

  /** Writes resample {@code b}'s row indices into {@code out[0, size())}. */
  void fill(long b, int[] out);
}
