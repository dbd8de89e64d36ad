package org.parboot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Selection} answers every position as the sorted array would, bit for bit (-0.0 before
 * 0.0), in any order of questions: smooth data, heavy ties, a single value repeated, signed zeros,
 * far outliers and a range wider than a double can hold.
 */
class SelectionTest {

  private static double[] values(int n, int kind, SplittableRandom r) {
    final double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = switch (kind) {
        case 0 -> r.nextGaussian();
        case 1 -> r.nextInt(5) - 2.0; // heavy ties
        case 2 -> 3.25; // every value the same
        case 3 -> r.nextBoolean() ? 0.0 : -0.0; // signed zeros
        case 4 -> i % 100 == 0 ? 1e300 * r.nextGaussian() : r.nextGaussian(); // far outliers
        default -> i % 2 == 0 ? -Double.MAX_VALUE : r.nextBoolean() ? Double.MAX_VALUE : r.nextGaussian(); // overflowing range
      };
    }
    return v;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5})
  void at_everyPositionInRandomOrder_theSortedArraysValue(int kind) {
    for (int n : new int[] {1, 2, 3, 10, 1000, 20_000}) {
      final SplittableRandom r = new SplittableRandom(31L * n + kind);
      final double[] v = values(n, kind, r);
      final double[] sorted = v.clone();
      Arrays.sort(sorted);
      final Selection s = new Selection(v);
      final int questions = Math.min(n, 200);
      for (int q = 0; q < questions; q++) {
        final int k = q < 3 ? new int[] {n / 2, 0, n - 1}[q] : r.nextInt(n);
        assertThat(Double.doubleToRawLongBits(s.at(k))).as("n %d, kind %d, position %d", n, kind, k)
            .isEqualTo(Double.doubleToRawLongBits(sorted[k]));
      }
      final double[] after = s.values().clone();
      Arrays.sort(after);
      assertThat(after).as("the values are only reordered").isEqualTo(sorted);
      assertThat(Double.doubleToRawLongBits(s.min())).isEqualTo(Double.doubleToRawLongBits(sorted[0]));
      assertThat(Double.doubleToRawLongBits(s.max())).isEqualTo(Double.doubleToRawLongBits(sorted[n - 1]));
    }
  }
}
