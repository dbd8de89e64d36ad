package org.parboot.rng;

import static org.parboot.rng.ResampleStreams.GOLDEN_GAMMA;
import static org.parboot.rng.ResampleStreams.accepts;
import static org.parboot.rng.ResampleStreams.highWord;
import static org.parboot.rng.ResampleStreams.index;
import static org.parboot.rng.ResampleStreams.lowWord;
import static org.parboot.rng.ResampleStreams.mix64;
import static org.parboot.rng.ResampleStreams.product;

/** The portable draw: one 64-bit output at a time, high word then low word. */
final class ScalarIndexFill implements IndexFill {

  static final ScalarIndexFill INSTANCE = new ScalarIndexFill();

  private ScalarIndexFill() {}

  @Override
  public void fill(long state, int bound, long threshold, int[] out, int len) {
    fillFrom(state, bound, threshold, out, 0, len);
  }

  /**
   * Fills {@code out[from, len)} with the bounded indices of the stream whose state is
   * {@code state} (the next output is {@code mix64(state + gamma)}).
   */
  static void fillFrom(long state, int bound, long threshold, int[] out, int from, int len) {
    fillOutputs(state, bound, threshold, out, from, len, Long.MAX_VALUE);
  }

  /**
   * {@link #fillFrom}, but from at most {@code outputs} 64-bit outputs of the stream; returns the
   * next position to fill (less than {@code len} if the outputs ran out first).
   */
  static int fillOutputs(long state, int bound, long threshold, int[] out, int from, int len, long outputs) {
    final long n = bound;
    int i = from;
    for (long k = 0; i < len && k < outputs; k++) {
      final long r = mix64(state += GOLDEN_GAMMA);
      long m = product(highWord(r), n);
      if (accepts(m, threshold)) {
        out[i++] = index(m);
        if (i == len) {
          break;
        }
      }
      m = product(lowWord(r), n);
      if (accepts(m, threshold)) {
        out[i++] = index(m);
      }
    }
    return i;
  }

  @Override
  public String description() {
    return "scalar";
  }
}
