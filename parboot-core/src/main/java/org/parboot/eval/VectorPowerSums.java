package org.parboot.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PowerSums}' layout on SIMD lanes, with the incubating Vector API: the layout's 8 lanes are
 * the 8 x 64-bit lanes of one 512-bit vector, so a vector of 8 rows adds each row to its own lane
 * with the very operations of {@link ScalarPowerSums}, and the same bits come out.
 *
 * <p>Loaded by name ({@link org.parboot.simd.Simd#load}), and only when the CPU has 512-bit
 * vectors: with narrower ones the scalar sums are used (the draw still runs on SIMD lanes).
 */
final class VectorPowerSums implements PowerSums.Kernel {

  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;

  private VectorPowerSums() {}

  /** An instance if the platform's preferred vector has 512 bits, else null. */
  static VectorPowerSums preferred() {
    return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? new VectorPowerSums() : null;
  }

  @Override
  public String description() {
    return "vector (512-bit, 8 x 64-bit lanes, jdk.incubator.vector)";
  }

  /*
   * Each loop runs over the whole groups of 8 rows; the last partial group is added to the lanes
   * afterwards, row by row, with the same operations. The loop bodies are straight-line code with
   * no choice between vectors (a vector chosen by a branch is boxed by the JIT): one loop per
   * power order. They add every row, drawn or not, which is right for finite data only (a zero
   * term adds nothing); a column with an infinity or NaN goes to the scalar kernel, which gives
   * the same bits (zeroing the rows not drawn here would cost a third of the loop's time, for data
   * that is rarely so). The accumulators leave the method that loops only as arrays: a vector passed
   * on, or merged from branches, is boxed, and a loop whose vectors are boxed runs many times slower.
   */

  private static DoubleVector weights(int[] c, int i) {
    return (DoubleVector) IntVector.fromArray(I, c, i).convertShape(VectorOperators.I2D, D, 0);
  }

  @Override
  public void powers(int order, int[] c, double[] d, boolean finite, double[] out) {
    if (!finite || order < 1 || order > 4) {
      ScalarPowerSums.INSTANCE.powers(order, c, d, finite, out);
      return;
    }
    switch (order) {
      case 1 -> first(c, d, out);
      case 2 -> second(c, d, out);
      case 3 -> third(c, d, out);
      default -> fourth(c, d, out);
    }
  }

  private static void first(int[] c, double[] d, double[] out) {
    final int whole = d.length & ~7;
    DoubleVector a1 = DoubleVector.zero(D);
    for (int i = 0; i < whole; i += 8) {
      a1 = a1.add(weights(c, i).mul(DoubleVector.fromArray(D, d, i)));
    }
    finish(c, d, whole, out, a1.toArray());
  }

  private static void second(int[] c, double[] d, double[] out) {
    final int whole = d.length & ~7;
    DoubleVector a1 = DoubleVector.zero(D);
    DoubleVector a2 = a1;
    for (int i = 0; i < whole; i += 8) {
      final DoubleVector x = DoubleVector.fromArray(D, d, i);
      final DoubleVector t = weights(c, i).mul(x);
      a1 = a1.add(t);
      a2 = a2.add(t.mul(x));
    }
    finish(c, d, whole, out, a1.toArray(), a2.toArray());
  }

  private static void third(int[] c, double[] d, double[] out) {
    final int whole = d.length & ~7;
    DoubleVector a1 = DoubleVector.zero(D);
    DoubleVector a2 = a1;
    DoubleVector a3 = a1;
    for (int i = 0; i < whole; i += 8) {
      final DoubleVector x = DoubleVector.fromArray(D, d, i);
      final DoubleVector t = weights(c, i).mul(x);
      final DoubleVector q = t.mul(x);
      a1 = a1.add(t);
      a2 = a2.add(q);
      a3 = a3.add(q.mul(x));
    }
    finish(c, d, whole, out, a1.toArray(), a2.toArray(), a3.toArray());
  }

  private static void fourth(int[] c, double[] d, double[] out) {
    final int whole = d.length & ~7;
    DoubleVector a1 = DoubleVector.zero(D);
    DoubleVector a2 = a1;
    DoubleVector a3 = a1;
    DoubleVector a4 = a1;
    for (int i = 0; i < whole; i += 8) {
      final DoubleVector x = DoubleVector.fromArray(D, d, i);
      final DoubleVector t = weights(c, i).mul(x);
      final DoubleVector q = t.mul(x);
      final DoubleVector r = q.mul(x);
      a1 = a1.add(t);
      a2 = a2.add(q);
      a3 = a3.add(r);
      a4 = a4.add(r.mul(x));
    }
    finish(c, d, whole, out, a1.toArray(), a2.toArray(), a3.toArray(), a4.toArray());
  }

  /**
   * Adds the rows from {@code whole} on (the last partial group) to the lanes of the power sums,
   * 8 per power, and combines each into {@code out}.
   */
  private static void finish(int[] c, double[] d, int whole, double[] out, double[]... lanes) {
    for (int i = whole; i < d.length; i++) {
      double t = c[i] * d[i];
      for (int k = 0; k < lanes.length; k++) {
        lanes[k][i - whole] += t;
        t = t * d[i];
      }
    }
    for (int k = 0; k < lanes.length; k++) {
      out[k] = PowerSums.combine(lanes[k], 0);
    }
  }

  @Override
  public void pair(int[] c, double[] x, double[] y, boolean finite, double[] out) {
    if (!finite) {
      ScalarPowerSums.INSTANCE.pair(c, x, y, false, out);
      return;
    }
    final int n = x.length;
    final int whole = n & ~7;
    DoubleVector sx = DoubleVector.zero(D);
    DoubleVector sxx = sx;
    DoubleVector sy = sx;
    DoubleVector syy = sx;
    DoubleVector sxy = sx;
    for (int i = 0; i < whole; i += 8) {
      final DoubleVector w = weights(c, i);
      final DoubleVector u = DoubleVector.fromArray(D, x, i);
      final DoubleVector v = DoubleVector.fromArray(D, y, i);
      final DoubleVector s = w.mul(u);
      final DoubleVector t = w.mul(v);
      sx = sx.add(s);
      sxx = sxx.add(s.mul(u));
      sy = sy.add(t);
      syy = syy.add(t.mul(v));
      sxy = sxy.add(s.mul(v));
    }
    final double[][] lanes = {sx.toArray(), sxx.toArray(), sy.toArray(), syy.toArray(), sxy.toArray()};
    for (int i = whole; i < n; i++) {
      final int lane = i - whole;
      final double s = c[i] * x[i];
      final double t = c[i] * y[i];
      lanes[0][lane] += s;
      lanes[1][lane] += s * x[i];
      lanes[2][lane] += t;
      lanes[3][lane] += t * y[i];
      lanes[4][lane] += s * y[i];
    }
    for (int k = 0; k < 5; k++) {
      out[k] = PowerSums.combine(lanes[k], 0);
    }
  }

  @Override
  public double cross(int[] c, double[] x, double[] y, boolean finite) {
    if (!finite) {
      return ScalarPowerSums.INSTANCE.cross(c, x, y, false);
    }
    final int n = x.length;
    final int whole = n & ~7;
    DoubleVector sxy = DoubleVector.zero(D);
    for (int i = 0; i < whole; i += 8) {
      sxy = sxy.add(weights(c, i).mul(DoubleVector.fromArray(D, x, i)).mul(DoubleVector.fromArray(D, y, i)));
    }
    final double[] lanes = sxy.toArray();
    for (int i = whole; i < n; i++) {
      lanes[i - whole] += c[i] * x[i] * y[i];
    }
    return PowerSums.combine(lanes, 0);
  }
}
