package org.parboot.rng;

import java.util.Arrays;
import org.parboot.simd.Simd;

/**
 * Chooses, once per JVM, how {@link ResampleStreams#fillIndices} runs: the SIMD draw
 * ({@link VectorIndexFill}) when {@link Simd#allowed} (property {@code parboot.vector}, the
 * module, the byte order), the platform's preferred vector has at least 256 bits, and a self-check
 * draws the same indices both ways; else the portable scalar one. Either way the indices, and so
 * every result, are the same; only the speed differs.
 */
final class IndexFills {

  static final IndexFill DEFAULT = choose(Simd.setting());

  private IndexFills() {}

  static IndexFill choose(String setting) {
    final IndexFill v = Simd.load(setting, "org.parboot.rng.VectorIndexFill", IndexFill.class);
    return v != null && agrees(v) ? v : ScalarIndexFill.INSTANCE;
  }

  /**
   * Both ways give the same indices for a few bounds. Not a rejection-heavy bound: the check is the
   * first profile the JIT sees of the SIMD loop, and there the slow path should look as rare as it
   * is in a run (with one, a long run measured no faster than the scalar draw; without, 5-10 %
   * faster). IndexFillTest covers those bounds.
   */
  private static boolean agrees(IndexFill v) {
    for (int bound : new int[] {1, 7, 1000}) {
      final long t = ResampleStreams.threshold(bound);
      for (int len : new int[] {0, 1, 33, 200}) {
        final int[] a = new int[len];
        final int[] b = new int[len];
        final long state = ResampleStreams.streamState(bound, len);
        ScalarIndexFill.INSTANCE.fill(state, bound, t, a, len);
        v.fill(state, bound, t, b, len);
        if (!Arrays.equals(a, b)) {
          return false;
        }
      }
    }
    return true;
  }
}
