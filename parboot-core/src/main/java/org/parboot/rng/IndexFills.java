package org.parboot.rng;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;

/**
 * Chooses, once per JVM, how {@link ResampleStreams#fillIndices} runs. The SIMD draw
 * ({@link VectorIndexFill}) is used when all of these hold, else the portable scalar one:
 * <ul>
 *   <li>the system property {@code parboot.vector} is {@code auto} (the default), not
 *       {@code off};</li>
 *   <li>the JVM was started with {@code --add-modules jdk.incubator.vector} (the {@code parboot}
 *       launcher does so when {@code PARBOOT_VECTOR=on});</li>
 *   <li>the platform's preferred vector has at least 256 bits and is little-endian;</li>
 *   <li>a self-check draws the same indices both ways.</li>
 * </ul>
 * Either way the indices, and so every result, are the same; only the speed differs.
 */
final class IndexFills {

  /** The property that can turn the SIMD draw off: {@code auto} (default) or {@code off}. */
  static final String PROPERTY = "parboot.vector";

  static final IndexFill DEFAULT = choose(System.getProperty(PROPERTY, "auto"));

  private IndexFills() {}

  static IndexFill choose(String setting) {
    final String s = setting.trim().toLowerCase(Locale.ROOT);
    if (s.equals("off") || s.equals("false") || s.equals("scalar")) {
      return ScalarIndexFill.INSTANCE;
    }
    final IndexFill vector = vector();
    return vector != null ? vector : ScalarIndexFill.INSTANCE;
  }

  /** The SIMD draw if this JVM and CPU can run it and it passes the self-check, else null. */
  static IndexFill vector() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
        || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      return null;
    }
    try {
      // By name: a build without the SIMD draw (mvn -Pportable, for a JDK without the module)
      // leaves the class out, and this class must not link to it.
      final IndexFill v = (IndexFill) Class.forName("org.parboot.rng.VectorIndexFill")
          .getDeclaredMethod("preferred").invoke(null);
      return v != null && agrees(v) ? v : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null; // no SIMD draw in this build, or an unexpected Vector API: stay portable
    }
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
