package org.parboot.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PowerSums}' layout on SIMD lanes, with the incubating Vector API: the layout's 8 lanes are
 * the 8 x 64-bit lanes of one 512-bit vector, so a vector of 8 rows adds each row to its own lane
 * with the very operations of {@link ScalarPowerSums}, and the same bits come out. The last group
 * of fewer than 8 rows is loaded masked (count 0, value 0: it adds +0.0).
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
   * Each loop runs over the whole groups of 8 rows with plain loads, and then once more, masked,
   * over the last partial group. The loop bodies are straight-line code with no choice between
   * vectors (a vector chosen by a branch is boxed by the JIT): one loop per power order. They add
   * every row, drawn or not, which is right for finite data only (a zero term adds nothing); a
   * column with an infinity or NaN goes to the scalar kernel, which gives the same bits (zeroing
   * the rows not drawn here would cost a third of the loop's time, for data that is rarely so).
   */

  private static DoubleVector weights(int[] c, int i) {
    return (DoubleVector) IntVector.fromArray(I, c, i).convertShape(VectorOperators.I2D, D, 0);
  }

  private static DoubleVector weights(int[] c, int i, VectorMask<Integer> m) {
    return (DoubleVector) IntVector.fromArray(I, c, i, m).convertShape(VectorOperators.I2D, D, 0);
  }

  private static DoubleVector values(double[] d, int i) {
    return DoubleVector.fromArray(D, d, i);
  }

  private static DoubleVector values(double[] d, int i, VectorMask<Double> m) {
    return DoubleVector.fromArray(D, d, i, m);
  }

  @Override
  public void powers(int order, int[] c, double[] d, boolean finite, double[] out) {
    if (!finite) {
      ScalarPowerSums.INSTANCE.powers(order, c, d, false, out);
      return;
    }
    switch (order) {
      case 1 -> out[0] = first(c, d);
      case 2 -> second(c, d, out);
      case 3 -> third(c, d, out);
      case 4 -> fourth(c, d, out);
      default -> throw new IllegalArgumentException("power order " + order + " is not 1 to 4");
    }
  }

  private static double first(int[] c, double[] d) {
    final int n = d.length;
    final int whole = n & ~7;
    DoubleVector a1 = DoubleVector.zero(D);
    for (int i = 0; i < whole; i += 8) {
      final DoubleVector w = weights(c, i);
      a1 = a1.add(w.mul(values(d, i)));
    }
    if (whole < n) {
      final DoubleVector w = weights(c, whole, I.indexInRange(whole, n));
      a1 = a1.add(w.mul(values(d, whole, D.indexInRange(whole, n))));
    }
    return combine(a1);
  }

  private static void second(int[] c, double[] d, double[] out) {
    final int n = d.length;
    final int whole = n & ~7;
    DoubleVector a1 = DoubleVector.zero(D);
    DoubleVector a2 = a1;
    for (int i = 0; i < whole; i += 8) {
      final DoubleVector w = weights(c, i);
      final DoubleVector x = values(d, i);
      final DoubleVector t = w.mul(x);
      a1 = a1.add(t);
      a2 = a2.add(t.mul(x));
    }
    if (whole < n) {
      final DoubleVector w = weights(c, whole, I.indexInRange(whole, n));
      final DoubleVector x = values(d, whole, D.indexInRange(whole, n));
      final DoubleVector t = w.mul(x);
      a1 = a1.add(t);
      a2 = a2.add(t.mul(x));
    }
    out[0] = combine(a1);
    out[1] = combine(a2);
  }

  private static void third(int[] c, double[] d, double[] out) {
    final int n = d.length;
    final int whole = n & ~7;
    DoubleVector a1 = DoubleVector.zero(D);
    DoubleVector a2 = a1;
    DoubleVector a3 = a1;
    for (int i = 0; i < whole; i += 8) {
      final DoubleVector w = weights(c, i);
      final DoubleVector x = values(d, i);
      final DoubleVector t = w.mul(x);
      final DoubleVector q = t.mul(x);
      a1 = a1.add(t);
      a2 = a2.add(q);
      a3 = a3.add(q.mul(x));
    }
    if (whole < n) {
      final DoubleVector w = weights(c, whole, I.indexInRange(whole, n));
      final DoubleVector x = values(d, whole, D.indexInRange(whole, n));
      final DoubleVector t = w.mul(x);
      final DoubleVector q = t.mul(x);
      a1 = a1.add(t);
      a2 = a2.add(q);
      a3 = a3.add(q.mul(x));
    }
    out[0] = combine(a1);
    out[1] = combine(a2);
    out[2] = combine(a3);
  }

  private static void fourth(int[] c, double[] d, double[] out) {
    final int n = d.length;
    final int whole = n & ~7;
    DoubleVector a1 = DoubleVector.zero(D);
    DoubleVector a2 = a1;
    DoubleVector a3 = a1;
    DoubleVector a4 = a1;
    for (int i = 0; i < whole; i += 8) {
      final DoubleVector w = weights(c, i);
      final DoubleVector x = values(d, i);
      final DoubleVector t = w.mul(x);
      final DoubleVector q = t.mul(x);
      final DoubleVector r = q.mul(x);
      a1 = a1.add(t);
      a2 = a2.add(q);
      a3 = a3.add(r);
      a4 = a4.add(r.mul(x));
    }
    if (whole < n) {
      final DoubleVector w = weights(c, whole, I.indexInRange(whole, n));
      final DoubleVector x = values(d, whole, D.indexInRange(whole, n));
      final DoubleVector t = w.mul(x);
      final DoubleVector q = t.mul(x);
      final DoubleVector r = q.mul(x);
      a1 = a1.add(t);
      a2 = a2.add(q);
      a3 = a3.add(r);
      a4 = a4.add(r.mul(x));
    }
    out[0] = combine(a1);
    out[1] = combine(a2);
    out[2] = combine(a3);
    out[3] = combine(a4);
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
      final DoubleVector u = values(x, i);
      final DoubleVector v = values(y, i);
      final DoubleVector s = w.mul(u);
      final DoubleVector t = w.mul(v);
      sx = sx.add(s);
      sxx = sxx.add(s.mul(u));
      sy = sy.add(t);
      syy = syy.add(t.mul(v));
      sxy = sxy.add(s.mul(v));
    }
    if (whole < n) {
      final VectorMask<Double> m = D.indexInRange(whole, n);
      final DoubleVector w = weights(c, whole, I.indexInRange(whole, n));
      final DoubleVector u = values(x, whole, m);
      final DoubleVector v = values(y, whole, m);
      final DoubleVector s = w.mul(u);
      final DoubleVector t = w.mul(v);
      sx = sx.add(s);
      sxx = sxx.add(s.mul(u));
      sy = sy.add(t);
      syy = syy.add(t.mul(v));
      sxy = sxy.add(s.mul(v));
    }
    out[0] = combine(sx);
    out[1] = combine(sxx);
    out[2] = combine(sy);
    out[3] = combine(syy);
    out[4] = combine(sxy);
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
      final DoubleVector w = weights(c, i);
      sxy = sxy.add(w.mul(values(x, i)).mul(values(y, i)));
    }
    if (whole < n) {
      final VectorMask<Double> m = D.indexInRange(whole, n);
      final DoubleVector w = weights(c, whole, I.indexInRange(whole, n));
      sxy = sxy.add(w.mul(values(x, whole, m)).mul(values(y, whole, m)));
    }
    return combine(sxy);
  }

  /** The 8 lanes combined in the layout's order. */
  private static double combine(DoubleVector lanes) {
    return ((lanes.lane(0) + lanes.lane(1)) + (lanes.lane(2) + lanes.lane(3)))
        + ((lanes.lane(4) + lanes.lane(5)) + (lanes.lane(6) + lanes.lane(7)));
  }
}
