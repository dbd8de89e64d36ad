package org.parboot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/**
 * Where the CPU has 512-bit vectors, core's tests (which run with the Vector API) get the SIMD
 * sums by default; PowerSumsTest then holds them to the layout bit for bit. Left out of
 * {@code mvn -Pportable}, which builds without the SIMD classes.
 */
class VectorPowerSumsTest {

  @Test
  void auto_isTheSimdKernelWhereTheCpuHas512BitVectors() {
    final PowerSums.Kernel auto = PowerSums.choose("auto");
    if (DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512) {
      assertThat(auto).isInstanceOf(VectorPowerSums.class);
      assertThat(auto.description()).isEqualTo("vector (512-bit, 8 x 64-bit lanes, jdk.incubator.vector)");
      assertThat(PowerSumsTest.kernels()).hasSize(2);
    } else {
      assertThat(VectorPowerSums.preferred()).isNull();
      assertThat(auto).isSameAs(ScalarPowerSums.INSTANCE);
    }
  }
}
