package org.parboot.rng;

import java.util.Arrays;
import org.parboot.simd.Simd;

/**
 * The draw's implementations: the portable scalar one, and the SIMD one ({@link VectorIndexFill}),
 * which exists when {@link Simd#allowed} (property {@code parboot.vector}, the module, the byte
 * order), the platform's preferred vector has at least 256 bits, and a self-check draws the same
 * indices both ways. It is looked for on first use only, so a JVM whose runs stay scalar never
 * loads the Vector API. Either way the indices, and so every result, are the same; only the speed
 * differs.
 */
final class IndexFills {

  static final IndexFill SCALAR = ScalarIndexFill.INSTANCE;

  private IndexFills() {}

  /** The SIMD draw if {@code simd} and this JVM has it, else the scalar one. */
  static IndexFill of(boolean simd) {
    return simd ? Vector.DRAW : SCALAR;
  }

  /** Made on first use: the SIMD draw of this JVM if it has one, else the scalar one. */
  private static final class Vector {
    static final IndexFill DRAW = choose(Simd.setting());
  }

  static IndexFill choose(String setting) {
    final IndexFill v = Simd.load(setting, "org.parboot.rng.VectorIndexFill", IndexFill.class);
    return v != null && agrees(v) ? v : SCALAR;
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
