package org.parboot.rng;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD draw gives exactly the scalar draw's indices, for every vector width (128 to 512 bits,
 * whatever this CPU has: the Vector API runs any width, slowly where the hardware lacks it), every
 * length around the block size and bounds whose rejection rate goes from zero to a third.
 * This file's JVM has {@code --add-modules jdk.incubator.vector} (parboot-core's surefire setup).
 */
class IndexFillTest {

  private static final List<VectorSpecies<Long>> SPECIES =
      List.of(LongVector.SPECIES_128, LongVector.SPECIES_256, LongVector.SPECIES_512);

  /** Bounds: tiny, the tutorial's, a power of two (no rejections), and rejection-heavy ones. */
  private static final int[] BOUNDS = {1, 2, 3, 7, 1461, 2922, 1 << 20, 1_000_003, 1_431_655_766, 1610612736,
      Integer.MAX_VALUE};

  static Stream<Arguments> speciesAndBounds() {
    return SPECIES.stream().flatMap(s -> java.util.Arrays.stream(BOUNDS).mapToObj(n -> Arguments.of(s, n)));
  }

  @ParameterizedTest(name = "{0}, bound {1}")
  @MethodSource("speciesAndBounds")
  void vectorFill_anyWidthBoundAndLength_drawsTheScalarIndices(VectorSpecies<Long> species, int bound) {
    final VectorIndexFill vector = new VectorIndexFill(species);
    final long t = ResampleStreams.threshold(bound);
    final SplittableRandom r = new SplittableRandom(bound);
    final int words = 2 * species.length();
    for (int len = 0; len <= 4 * words + 1; len++) {
      for (int rep = 0; rep < 4; rep++) {
        assertSameIndices(vector, r.nextLong(), bound, t, len);
      }
    }
    for (int len : new int[] {1000, 1461, 4097}) {
      assertSameIndices(vector, r.nextLong(), bound, t, len);
    }
  }

  @Test
  void vectorFill_rejectionHeavyBound_takesTheSlowPathAndStaysExact() {
    // 2^32 mod n = 2^32 - 2n for this n: about a third of the words are rejected, so nearly every
    // block of 8 words has a rejection and is redone by the scalar rule.
    final int bound = 1_431_655_766;
    final long t = ResampleStreams.threshold(bound);
    assertThat(t).isGreaterThan((1L << 32) / 4);
    final VectorIndexFill vector = new VectorIndexFill(LongVector.SPECIES_256);
    for (long b = 0; b < 200; b++) {
      assertSameIndices(vector, ResampleStreams.streamState(42, b), bound, t, 999);
    }
  }

  @Test
  void goldenValues_throughBothImplementations() {
    // The first golden row of ResampleStreamsTest (seed 42, n = 1461, b = 0), drawn by each.
    final int[] golden = {501, 576, 1396, 1453, 710, 1102, 98, 636, 988, 564};
    final long state = ResampleStreams.streamState(42, 0);
    final long t = ResampleStreams.threshold(1461);
    final int[] scalar = new int[1461];
    ScalarIndexFill.INSTANCE.fill(state, 1461, t, scalar, 1461);
    assertThat(java.util.Arrays.copyOf(scalar, 10)).containsExactly(golden);
    for (VectorSpecies<Long> s : SPECIES) {
      final int[] v = new int[1461];
      new VectorIndexFill(s).fill(state, 1461, t, v, 1461);
      assertThat(v).as(s.toString()).containsExactly(scalar);
    }
  }

  @Test
  void choose_off_isScalar_auto_isVectorWhenTheModuleAndA256BitUnitArePresent() {
    assertThat(IndexFills.choose("off")).isSameAs(ScalarIndexFill.INSTANCE);
    assertThat(IndexFills.choose("OFF ")).isSameAs(ScalarIndexFill.INSTANCE);
    final IndexFill auto = IndexFills.choose("auto");
    if (LongVector.SPECIES_PREFERRED.vectorBitSize() >= 256) {
      assertThat(auto).isInstanceOf(VectorIndexFill.class);
      assertThat(auto.description()).startsWith("vector (").contains("jdk.incubator.vector");
    } else {
      assertThat(auto).isSameAs(ScalarIndexFill.INSTANCE);
    }
    assertThat(ResampleStreams.drawImplementation(true)).isEqualTo(auto.description());
    assertThat(ResampleStreams.drawImplementation(false)).isEqualTo("scalar");
  }

  private static void assertSameIndices(IndexFill vector, long state, int bound, long t, int len) {
    final int[] expected = new int[len + 3];
    final int[] actual = new int[len + 3];
    java.util.Arrays.fill(expected, -1);
    java.util.Arrays.fill(actual, -1);
    ScalarIndexFill.INSTANCE.fill(state, bound, t, expected, len);
    vector.fill(state, bound, t, actual, len);
    // Exactly len written, the rest untouched.
    assertThat(actual).as("state %d, bound %d, len %d", state, bound, len).containsExactly(expected);
  }
}
