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
    fillOutputs(stream, bound, threshold, out, from, to, Long.MAX_VALUE);
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
