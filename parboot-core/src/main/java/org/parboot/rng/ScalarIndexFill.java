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
  public void fill(ResampleStreams.Stream stream, int bound, long threshold, int[] out, int from, int to) {
    final long n = bound;
    long state = stream.state;
    int i = from;
    // Both words of an output while two indices fit: the common case (both accepted) stores two
    // indices with one test, and the loop has no exit in the middle of an output.
    while (to - i >= 2) {
      final long r = mix64(state += GOLDEN_GAMMA);
      final long high = product(highWord(r), n);
      final long low = product(lowWord(r), n);
      final boolean h = accepts(high, threshold);
      final boolean l = accepts(low, threshold);
      if (h & l) {
        out[i] = index(high);
        out[i + 1] = index(low);
        i += 2;
      } else if (h) {
        out[i++] = index(high);
      } else if (l) {
        out[i++] = index(low);
      }
    }
    stream.state = state;
    fillOutputs(stream, bound, threshold, out, i, to, Long.MAX_VALUE);
  }

  /**
   * {@link #fill}, but from at most {@code outputs} 64-bit outputs of the stream; returns the next
   * position to fill (less than {@code to} if the outputs ran out first). A low word left over when
   * {@code to} is reached stays pending in the stream.
   */
  static int fillOutputs(ResampleStreams.Stream stream, int bound, long threshold, int[] out, int from, int to,
      long outputs) {
    final long n = bound;
    long state = stream.state;
    int i = from;
    for (long k = 0; i < to && k < outputs; k++) {
      final long r = mix64(state += GOLDEN_GAMMA);
      long m = product(highWord(r), n);
      if (accepts(m, threshold)) {
        out[i++] = index(m);
        if (i == to) {
          stream.state = state;
          stream.pend(lowWord(r));
          return i;
        }
      }
      m = product(lowWord(r), n);
      if (accepts(m, threshold)) {
        out[i++] = index(m);
      }
    }
    stream.state = state;
    return i;
  }

  @Override
  public String description() {
    return "scalar";
  }
}
