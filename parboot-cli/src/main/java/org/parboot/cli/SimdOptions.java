package org.parboot.cli;

import org.parboot.BootstrapOptions;
import org.parboot.exec.SimdMode;
import picocli.CommandLine.Option;

/**
 * {@code --simd}: whether a run draws and sums on SIMD lanes ({@link SimdMode}; the results are the
 * same). Its default is the command's: {@code auto} for {@code run}, which is over before the JIT
 * has compiled the SIMD kernels unless it is large; {@code always} for {@code demo} and
 * {@code bench}, whose warm-up runs leave them compiled.
 */
final class SimdOptions {

  @Option(names = "--simd", paramLabel = "MODE",
      description = "Draw and sum on SIMD lanes (the JDK's Vector API; the same results, bit for bit): auto "
          + "(for a run of at least 2^28 draws, which pays for the JIT compiling them), always, never. "
          + "Default: auto for run; always for demo and bench.")
  String simd;

  private final SimdMode fallback;

  SimdOptions(SimdMode fallback) {
    this.fallback = fallback;
  }

  /** Sets the mode on the builder. */
  BootstrapOptions.Builder apply(BootstrapOptions.Builder b) {
    return b.simd(simd == null ? fallback : SimdMode.parse(simd));
  }
}
