package org.parboot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The specialised passes of {@link EvaluationPlan} give the very bits of the general ones. */
class KernelIdentityTest {

  private static double[] data(SplittableRandom r, int n) {
    final double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 1e6 + r.nextGaussian() * Math.exp(r.nextGaussian());
    }
    return v;
  }

  private static int[] indices(SplittableRandom r, int n) {
    final int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = r.nextInt(n);
    }
    return idx;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 1000, 1001})
  void pairSums_anyLength_equalsPowerSumsAndCrossSumBitForBit(int n) {
    final SplittableRandom r = new SplittableRandom(n);
    final double[] x = data(r, n);
    final double[] y = data(r, n);
    final int[] idx = indices(r, n);
    final double cx = EvaluationPlan.centre(x);
    final double cy = EvaluationPlan.centre(y);
    final double[] sx = new double[4];
    final double[] sy = new double[4];
    final double sxy = PowerSums.pairSums(x, cx, y, cy, idx, n, sx, sy);
    final double[] px = new double[4];
    final double[] py = new double[4];
    PowerSums.powerSums(x, cx, 2, idx, n, px);
    PowerSums.powerSums(y, cy, 2, idx, n, py);
    assertThat(sx).containsExactly(px);
    assertThat(sy).containsExactly(py);
    assertThat(Double.doubleToRawLongBits(sxy))
        .isEqualTo(Double.doubleToRawLongBits(PowerSums.crossSum(x, cx, y, cy, idx, n)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 1000, 1001})
  void powerSums_order3_equalsFirstThreeSumsOfOrder4BitForBit(int n) {
    final SplittableRandom r = new SplittableRandom(n + 7);
    final double[] x = data(r, n);
    final int[] idx = indices(r, n);
    final double c = EvaluationPlan.centre(x);
    final double[] three = new double[4];
    final double[] four = new double[4];
    PowerSums.powerSums(x, c, 3, idx, n, three);
    PowerSums.powerSums(x, c, 4, idx, n, four);
    assertThat(new double[] {three[0], three[1], three[2]}).containsExactly(four[0], four[1], four[2]);
    assertThat(three[3]).isZero();
  }
}
