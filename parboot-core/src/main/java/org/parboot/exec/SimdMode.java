package org.parboot.exec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a run draws and sums on SIMD lanes (the incubating Vector API, when the JVM has it:
 * {@code --add-modules jdk.incubator.vector}; the {@code parboot} launcher adds it). The results
 * are the same either way, bit for bit; only the speed differs, and the run's kernel names the
 * choice ({@code BootstrapResult.kernel()}).
 *
 * <p>Why not always: until the JIT has compiled them, the SIMD kernels run hundreds of times slower
 * than the scalar ones (the Vector API is fast only once compiled), and loading them costs a JVM
 * about 50 ms; in a fresh JVM the first run pays 0.3-0.5 s for it. Compiled, they are about three
 * times faster than the scalar kernels. A one-shot run on this project's machine gained from SIMD
 * from about 3 x 10^8 draws on (docs/benchmarks.md), so {@link #AUTO} leaves a run of fewer than
 * {@link #AUTO_MIN_DRAWS} draws scalar. A JVM that runs many jobs (a service,
 * {@code parboot demo} and {@code bench}) should say {@link #ALWAYS}.
 */
public enum SimdMode {
  /** SIMD for a run of at least {@link #AUTO_MIN_DRAWS} draws, scalar below: the default. */
  AUTO,
  /** SIMD whenever the JVM has the Vector API. */
  ALWAYS,
  /** Never SIMD. */
  NEVER;

  /** The draws (B x n, counting the nested bootstrap's) from which {@link #AUTO} uses SIMD. */
  public static final long AUTO_MIN_DRAWS = 1L << 28;

  /** The default, {@link #AUTO}. */
  public static final SimdMode DEFAULT = AUTO;

  /** Whether a run of {@code draws} draws asks for SIMD under this mode (if the JVM has it). */
  public boolean wants(long draws) {
    return this == ALWAYS || this == AUTO && draws >= AUTO_MIN_DRAWS;
  }

  /** The name on the command line. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a command-line name. */
  public static SimdMode parse(String s) {
    for (SimdMode m : values()) {
      if (m.spelling().equalsIgnoreCase(s.strip())) {
        return m;
      }
    }
    throw new org.parboot.InvalidSettingException("simd", org.parboot.Messages.quote(s), "is unknown", accepted());
  }

  /** The accepted names, comma-separated. */
  public static String accepted() {
    return Arrays.stream(values()).map(SimdMode::spelling).collect(Collectors.joining(", "));
  }
}
