package org.parboot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The summation layout ({@link PowerSums}): every kernel against a plain implementation of its
 * definition (position p into lane p mod 8, in order, lanes combined pairwise), for every power
 * order, every length modulo 8 and every way of cutting a resample into blocks.
 */
class PowerSumsTest {

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

  private static int[] indices(SplittableRandom r, int rows, int len) {
    return r.ints(len, 0, rows).toArray();
  }

  /** The layout by its definition: a sum of terms, term p into lane p mod 8, lanes combined pairwise. */
  private static double reference(double[] terms) {
    final double[] lane = new double[8];
    for (int p = 0; p < terms.length; p++) {
      lane[p % 8] += terms[p];
    }
    return ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));
  }

  private static double[] powers(double[] xc, int[] idx, int k) {
    final double[] t = new double[idx.length];
    for (int p = 0; p < idx.length; p++) {
      final double d = xc[idx[p]];
      final double q = d * d;
      t[p] = switch (k) {
        case 1 -> d;
        case 2 -> q;
        case 3 -> q * d;
        default -> q * q;
      };
    }
    return t;
  }

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 255, 256, 257, 1001, 2922})
  void add_everyOrder_theLayoutByItsDefinition(int len) {
    final SplittableRandom r = new SplittableRandom(len);
    final double[] xc = centred(r, 300);
    final int[] idx = indices(r, xc.length, len);
    for (int order = 1; order <= 4; order++) {
      final double[] acc = new double[8 * order];
      PowerSums.add(order, xc, idx, 0, len, acc);
      for (int k = 1; k <= order; k++) {
        assertThat(bits(PowerSums.combine(acc, 8 * (k - 1)))).as("len %d, order %d, power %d", len, order, k)
            .isEqualTo(bits(reference(powers(xc, idx, k))));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 63, 64, 65, 1001})
  void pairAndCross_theLayoutByItsDefinition(int len) {
    final SplittableRandom r = new SplittableRandom(100L + len);
    final double[] xc = centred(r, 200);
    final double[] yc = centred(r, 200);
    final int[] idx = indices(r, xc.length, len);
    final double[] pair = new double[40];
    PowerSums.pair(xc, yc, idx, 0, len, pair);
    final double[] cross = new double[8];
    PowerSums.cross(xc, yc, idx, 0, len, cross);
    final double[] xy = new double[len];
    for (int p = 0; p < len; p++) {
      xy[p] = xc[idx[p]] * yc[idx[p]];
    }
    assertThat(bits(PowerSums.combine(pair, 0))).isEqualTo(bits(reference(powers(xc, idx, 1))));
    assertThat(bits(PowerSums.combine(pair, 8))).isEqualTo(bits(reference(powers(xc, idx, 2))));
    assertThat(bits(PowerSums.combine(pair, 16))).isEqualTo(bits(reference(powers(yc, idx, 1))));
    assertThat(bits(PowerSums.combine(pair, 24))).isEqualTo(bits(reference(powers(yc, idx, 2))));
    assertThat(bits(PowerSums.combine(pair, 32))).isEqualTo(bits(reference(xy)));
    assertThat(bits(PowerSums.combine(cross, 0))).isEqualTo(bits(reference(xy)));
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 16, 256})
  void add_inBlocks_sameBitsAsOneBlock(int block) {
    final SplittableRandom r = new SplittableRandom(block);
    final double[] xc = centred(r, 500);
    final int[] idx = indices(r, xc.length, 1003);
    for (int order = 1; order <= 4; order++) {
      final double[] whole = new double[8 * order];
      PowerSums.add(order, xc, idx, 0, idx.length, whole);
      final double[] blocks = new double[8 * order];
      for (int from = 0; from < idx.length; from += block) {
        PowerSums.add(order, xc, idx, from, Math.min(block, idx.length - from), blocks);
      }
      assertThat(blocks).as("order %d", order).containsExactly(whole);
    }
  }
}
