package org.parboot.rng;

import static org.parboot.rng.ResampleStreams.GOLDEN_GAMMA;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Poisson counts on SIMD lanes ({@code jdk.incubator.vector}): 2L consecutive rows at once,
 * the even rows in one vector of L lanes and the odd rows in another, each row's count the number
 * of the thresholds {@code T[0..3]} the top 53 bits of its stream output
 * {@code mix64(state + (i + 1) gamma)} reach. The odd rows' counts shifted into the high halves of
 * the even rows' lanes are, read as ints (little-endian), the 2L counts in row order. A block with
 * a count of 4 or more (1.9% of rows) is finished by the scalar rule. The same counts as
 * {@link PoissonCounts#fill}, by construction; loaded only by {@link PoissonCounts} after it has
 * found the module.
 */
final class VectorPoissonFill implements PoissonCounts.Fill {
  private final int lanes;
  private final LongVector even;
  private final LongVector odd;

  VectorPoissonFill(VectorSpecies<Long> species) {
    this.lanes = species.length();
    final long[] e = new long[lanes];
    final long[] o = new long[lanes];
    for (int k = 0; k < lanes; k++) {
      e[k] = (2L * k + 1) * GOLDEN_GAMMA; // row j + 2k: its output is state + (j + 2k + 1) gamma
      o[k] = (2L * k + 2) * GOLDEN_GAMMA;
    }
    this.even = LongVector.fromArray(species, e, 0);
    this.odd = LongVector.fromArray(species, o, 0);
  }

  /** The platform's preferred species when it has at least 256 bits, else null. */
  static VectorPoissonFill preferred() {
    final VectorSpecies<Long> s = LongVector.SPECIES_PREFERRED;
    return s.vectorBitSize() >= 256 ? new VectorPoissonFill(s) : null;
  }

  /** Each lane's count below 5: how many of T[0..3] the lane's output reaches. */
  private static LongVector counts(LongVector z) {
    z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xbf58476d1ce4e5b9L);
    z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94d049bb133111ebL);
    z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    final LongVector u = z.lanewise(VectorOperators.LSHR, 11).neg();
    // (T[k] - 1 - u) >>> 63 is 1 exactly when u >= T[k], as in PoissonCounts.ofUniform.
    return u.add(PoissonCounts.CDF_53[0] - 1).lanewise(VectorOperators.LSHR, 63)
        .add(u.add(PoissonCounts.CDF_53[1] - 1).lanewise(VectorOperators.LSHR, 63))
        .add(u.add(PoissonCounts.CDF_53[2] - 1).lanewise(VectorOperators.LSHR, 63))
        .add(u.add(PoissonCounts.CDF_53[3] - 1).lanewise(VectorOperators.LSHR, 63));
  }

  @Override
  public void fill(long state, long firstRow, int[] out, int len) {
    final int rows = 2 * lanes;
    final long advance = rows * GOLDEN_GAMMA;
    long base = state + firstRow * GOLDEN_GAMMA;
    int j = 0;
    for (; j + rows <= len; j += rows) {
      final LongVector a = counts(even.add(base));
      final LongVector b = counts(odd.add(base));
      a.or(b.lanewise(VectorOperators.LSHL, 32)).reinterpretAsInts().intoArray(out, j);
      if (a.or(b).and(4).compare(VectorOperators.NE, 0).anyTrue()) { // 4 is the only count with bit 2 set
        for (int k = j; k < j + rows; k++) {
          if (out[k] == 4) {
            out[k] = PoissonCounts.of(state, firstRow + k);
          }
        }
      }
      base += advance;
    }
    for (; j < len; j++) {
      out[j] = PoissonCounts.of(state, firstRow + j);
    }
  }

  @Override
  public String description() {
    return "vector (" + lanes * 64 + "-bit, " + lanes + " x 64-bit lanes, jdk.incubator.vector)";
  }
}
