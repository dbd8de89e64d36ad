package org.parboot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summation layout ({@link PowerSums}): every implementation (scalar, and SIMD where this CPU
 * has 512-bit vectors; core's tests run with the Vector API) against a plain implementation of
 * its definition (row i into lane i mod 8, rows drawn at least once, count times the powers
 * multiplied in order, lanes combined pairwise), for every power order, every row count modulo 8,
 * and columns with infinities and NaN in rows that were not drawn.
 */
class PowerSumsTest {

  /** The scalar kernel, and this JVM's SIMD kernel if it has one (VectorPowerSumsTest: when it must). */
  static List<PowerSums.Kernel> kernels() {
    final List<PowerSums.Kernel> k = new ArrayList<>();
    k.add(ScalarPowerSums.INSTANCE);
    final PowerSums.Kernel auto = PowerSums.choose("auto");
    if (auto != ScalarPowerSums.INSTANCE) {
      k.add(auto);
    }
    return k;
  }

  static Stream<Arguments> kernelsAndLengths() {
    return kernels().stream().flatMap(k -> Stream.of(1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 255, 256, 257, 1001, 2922)
        .map(n -> Arguments.of(k.description(), k, n)));
  }

  private static double[] centred(SplittableRandom r, int n) {
    final double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 1e6 + r.nextGaussian() * Math.exp(r.nextGaussian());
    }
    final double c = EvaluationPlan.centre(v);
    for (int i = 0; i < n; i++) {
      v[i] -= c;
    }
    return v;
  }

  /** Counts of a resample of n draws: zeros, ones and a few heavy rows. */
  private static int[] counts(SplittableRandom r, int n) {
    final int[] c = new int[n];
    for (int p = 0; p < n; p++) {
      c[r.nextInt(n)]++;
    }
    return c;
  }

  /** The layout by its definition: power k of d weighted by c, row i into lane i mod 8, drawn rows only. */
  private static double reference(int[] c, double[] d, double[] e, int k) {
    final double[] lane = new double[8];
    for (int i = 0; i < c.length; i++) {
      if (c[i] == 0) {
        continue;
      }
      double t = c[i] * d[i];
      for (int j = 1; j < k; j++) {
        t = t * d[i];
      }
      lane[i % 8] += e == null ? t : t * e[i];
    }
    return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
  }

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  @ParameterizedTest(name = "{0}, n = {2}")
  @MethodSource("kernelsAndLengths")
  void powers_everyOrder_theLayoutByItsDefinition(String name, PowerSums.Kernel kernel, int n) {
    final SplittableRandom r = new SplittableRandom(n);
    final double[] d = centred(r, n);
    final int[] c = counts(r, n);
    for (int order = 1; order <= 4; order++) {
      final double[] out = new double[order];
      kernel.powers(order, c, d, true, out);
      for (int k = 1; k <= order; k++) {
        assertThat(bits(out[k - 1])).as("order %d, power %d", order, k).isEqualTo(bits(reference(c, d, null, k)));
      }
    }
  }

  @ParameterizedTest(name = "{0}, n = {2}")
  @MethodSource("kernelsAndLengths")
  void pairAndCross_theLayoutByItsDefinition(String name, PowerSums.Kernel kernel, int n) {
    final SplittableRandom r = new SplittableRandom(100L + n);
    final double[] x = centred(r, n);
    final double[] y = centred(r, n);
    final int[] c = counts(r, n);
    final double[] pair = new double[5];
    kernel.pair(c, x, y, true, pair);
    assertThat(bits(pair[0])).isEqualTo(bits(reference(c, x, null, 1)));
    assertThat(bits(pair[1])).isEqualTo(bits(reference(c, x, null, 2)));
    assertThat(bits(pair[2])).isEqualTo(bits(reference(c, y, null, 1)));
    assertThat(bits(pair[3])).isEqualTo(bits(reference(c, y, null, 2)));
    assertThat(bits(pair[4])).isEqualTo(bits(reference(c, x, y, 1)));
    assertThat(bits(kernel.cross(c, x, y, true))).isEqualTo(bits(reference(c, x, y, 1)));
  }

  @ParameterizedTest(name = "{0}, n = {2}")
  @MethodSource("kernelsAndLengths")
  void nonFiniteValuesInRowsNotDrawn_addNothing(String name, PowerSums.Kernel kernel, int n) {
    final SplittableRandom r = new SplittableRandom(200L + n);
    final double[] x = centred(r, n);
    final double[] y = centred(r, n);
    final int[] c = counts(r, n);
    for (int i = 0; i < n; i += 3) {
      if (c[i] == 0) {
        x[i] = i % 2 == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        y[i] = Double.NEGATIVE_INFINITY;
      }
    }
    for (int order = 1; order <= 4; order++) {
      final double[] out = new double[order];
      kernel.powers(order, c, x, false, out);
      for (int k = 1; k <= order; k++) {
        assertThat(bits(out[k - 1])).as("order %d, power %d", order, k).isEqualTo(bits(reference(c, x, null, k)));
      }
    }
    final double[] pair = new double[5];
    kernel.pair(c, x, y, false, pair);
    assertThat(bits(pair[4])).isEqualTo(bits(reference(c, x, y, 1)));
    assertThat(bits(kernel.cross(c, x, y, false))).isEqualTo(bits(reference(c, x, y, 1)));
  }

  @Test
  void aDrawnInfinity_propagatesAsInTheDefinition() {
    final double[] x = {1, Double.POSITIVE_INFINITY, -2, 0.5};
    final int[] c = {1, 2, 0, 1};
    for (PowerSums.Kernel kernel : kernels()) {
      final double[] out = new double[4];
      kernel.powers(4, c, x, false, out);
      assertThat(out).as(kernel.description()).containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
          Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
  }

  @Test
  void off_isTheScalarKernel_andTheSimdOneAgreesWithIt() {
    assertThat(PowerSums.choose("off")).isSameAs(ScalarPowerSums.INSTANCE);
    assertThat(PowerSums.choose(" OFF")).isSameAs(ScalarPowerSums.INSTANCE);
    assertThat(PowerSums.of(false)).isSameAs(ScalarPowerSums.INSTANCE);
    assertThat(PowerSums.agrees(PowerSums.of(true), ScalarPowerSums.INSTANCE)).isTrue();
    assertThat(EvaluationPlan.sumsImplementation(true)).isEqualTo(PowerSums.of(true).description());
    assertThat(EvaluationPlan.sumsImplementation(false)).isEqualTo("scalar");
  }
}
