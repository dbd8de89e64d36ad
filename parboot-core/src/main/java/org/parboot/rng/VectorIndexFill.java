package org.parboot.rng;

import static org.parboot.rng.ResampleStreams.GOLDEN_GAMMA;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The draw on SIMD lanes, with the incubating Vector API ({@code jdk.incubator.vector}): the
 * outputs of a SplitMix64 stream are {@code mix64(state + k * gamma)}, independent of one
 * another, so {@code L} lanes compute {@code L} consecutive outputs, {@code 2L} words, at once.
 *
 * <p>Same indices as {@link ScalarIndexFill}, by construction: a block of {@code 2L} words is
 * stored only when none of its words is rejected (probability at least {@code 1 - 2L n / 2^32});
 * a block with a rejection is redone word by word by the scalar rule, and the tail too.
 *
 * <p>Loaded only by {@link IndexFills} after it has found the module; never required.
 */
final class VectorIndexFill implements IndexFill {

  private static final long LOW32 = 0xffffffffL;
  private static final long HIGH32 = 0xffffffff00000000L;

  private final VectorSpecies<Long> species;
  private final int lanes;
  private final LongVector steps;

  VectorIndexFill(VectorSpecies<Long> species) {
    this.species = species;
    this.lanes = species.length();
    final long[] k = new long[lanes];
    for (int j = 0; j < lanes; j++) {
      k[j] = (j + 1) * GOLDEN_GAMMA;
    }
    this.steps = LongVector.fromArray(species, k, 0);
  }

  /** The platform's preferred species when it has at least 256 bits, else null. */
  static VectorIndexFill preferred() {
    final VectorSpecies<Long> s = LongVector.SPECIES_PREFERRED;
    return s.vectorBitSize() >= 256 ? new VectorIndexFill(s) : null;
  }

  @Override
  public void fill(ResampleStreams.Stream stream, int bound, long threshold, int[] out, int from, int to) {
    final long n = bound;
    final int words = 2 * lanes;
    final long advance = lanes * GOLDEN_GAMMA;
    int i = from;
    while (to - i >= words) {
      final long st = stream.state;
      LongVector z = steps.add(st);
      z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xbf58476d1ce4e5b9L);
      z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94d049bb133111ebL);
      z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
      // ResampleStreams.product, accepts and index, lane by lane (IndexFillTest holds them equal).
      final LongVector high = z.lanewise(VectorOperators.LSHR, 32).mul(n);
      final LongVector low = z.and(LOW32).mul(n);
      final VectorMask<Long> rejected = high.and(LOW32).compare(VectorOperators.LT, threshold)
          .or(low.and(LOW32).compare(VectorOperators.LT, threshold));
      if (rejected.anyTrue()) {
        // The block's outputs word by word, by the scalar rule: at most 2 L indices, so never past `to`.
        i = ScalarIndexFill.fillOutputs(stream, bound, threshold, out, i, to, lanes);
      } else {
        // Lane j holds index 2j in its low half and index 2j + 1 in its high half: little-endian
        // ints in the order the words were drawn (IndexFills checks the byte order).
        high.lanewise(VectorOperators.LSHR, 32).or(low.and(HIGH32)).reinterpretAsInts().intoArray(out, i);
        i += words;
        stream.state = st + advance;
      }
    }
    ScalarIndexFill.fillOutputs(stream, bound, threshold, out, i, to, Long.MAX_VALUE);
  }

  @Override
  public String description() {
    return "vector (" + species.vectorBitSize() + "-bit, " + lanes + " x 64-bit lanes, jdk.incubator.vector)";
  }
}
