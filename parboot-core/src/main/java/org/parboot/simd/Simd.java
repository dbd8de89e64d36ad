package org.parboot.simd;

import java.nio.ByteOrder;
import java.util.Locale;
import org.parboot.exec.SimdMode;

/**
 * Whether a run uses parboot's SIMD kernels (the draw, {@code org.parboot.rng.VectorIndexFill}, and
 * the weighted sums, {@code org.parboot.eval.VectorPowerSums}): decided here, once per run
 * ({@link #use}), from the run's {@link SimdMode} and size and from this JVM. The JVM allows them
 * when all of these hold:
 * <ul>
 *   <li>the system property {@value #PROPERTY} is {@code auto} (the default), not {@code off};</li>
 *   <li>the JVM has the incubating Vector API ({@code --add-modules jdk.incubator.vector}: the
 *       {@code parboot} launcher adds it);</li>
 *   <li>the platform is little-endian.</li>
 * </ul>
 * Each kernel then checks the vector width it needs and itself against its scalar twin before it
 * is used. Either way every result is the same, bit for bit; only the speed differs.
 */
public final class Simd {

  /** The property that can turn the SIMD kernels off: {@code auto} (default) or {@code off}. */
  public static final String PROPERTY = "parboot.vector";

  private Simd() {}

  /**
   * The one decision: whether a run of {@code draws} draws under {@code mode} uses the SIMD
   * kernels. Each kernel then uses its SIMD implementation if this JVM and CPU have it (the draw
   * needs 256-bit vectors, the sums 512-bit), else its scalar one; the run's kernel description
   * says which ran.
   */
  public static boolean use(SimdMode mode, long draws) {
    return mode.wants(draws) && allowed(setting());
  }

  /** The setting of this JVM ({@value #PROPERTY}, default {@code auto}). */
  public static String setting() {
    return System.getProperty(PROPERTY, "auto");
  }

  /** Whether the SIMD kernels may be used under {@code setting} ({@code auto} or {@code off}) in this JVM. */
  public static boolean allowed(String setting) {
    final String s = setting.trim().toLowerCase(Locale.ROOT);
    if (s.equals("off") || s.equals("false") || s.equals("scalar")) {
      return false;
    }
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
        && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
  }

  /**
   * The instance a SIMD kernel class's static {@code preferred()} method returns, or null if the
   * kernels are not allowed under {@code setting}, the class is not in this build (it is found by
   * name: {@code mvn -Pportable} leaves the SIMD classes out, and nothing may link to them), or the
   * platform lacks the width it needs ({@code preferred()} returns null).
   */
  public static <T> T load(String setting, String className, Class<T> type) {
    if (!allowed(setting)) {
      return null;
    }
    try {
      // On the module path, org.parboot.core does not read the incubator module until told to
      // (module-info cannot name it: a JDK without it could not compile that); on the class path
      // this does nothing.
      ModuleLayer.boot().findModule("jdk.incubator.vector").ifPresent(Simd.class.getModule()::addReads);
      final java.lang.reflect.Method preferred = Class.forName(className).getDeclaredMethod("preferred");
      preferred.setAccessible(true);
      return type.cast(preferred.invoke(null));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null; // not in this build, or an unexpected Vector API: stay portable
    }
  }
}
