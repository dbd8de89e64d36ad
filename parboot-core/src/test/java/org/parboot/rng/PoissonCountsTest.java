package org.parboot.rng;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way of drawing Poisson counts gives the counts of the definition, row by row. */
class PoissonCountsTest {

  @ParameterizedTest(name = "rows {0}.. of length {1}")
  @CsvSource({"0, 0", "0, 1", "3, 15", "5, 16", "7, 17", "1000, 1024", "1099511627776, 1024", "123456789, 4099"})
  void fill_scalarAndSimd_areTheCountOfEachRow(long first, int len) {
    for (long seed : new long[] {1, 42, -7}) {
      for (long b : new long[] {0, 9, 12345}) {
        final long state = ResampleStreams.streamState(seed, b);
        final int[] scalar = new int[len];
        final int[] simd = new int[len];
        PoissonCounts.fill(state, first, scalar, len);
        PoissonCounts.fill(state, first, simd, len, true);
        for (int j = 0; j < len; j++) {
          assertThat(scalar[j]).as("row %d", first + j).isEqualTo(PoissonCounts.of(seed, b, first + j));
        }
        assertThat(simd).isEqualTo(scalar);
      }
    }
  }

  @ParameterizedTest(name = "u = T[{0}] - 1 and T[{0}]")
  @CsvSource({"0", "1", "2", "3", "4", "5", "16"})
  void ofUniform_changesExactlyAtEachThreshold(int k) {
    assertThat(PoissonCounts.ofUniform(PoissonCounts.threshold(k) - 1)).isEqualTo(k);
    assertThat(PoissonCounts.ofUniform(PoissonCounts.threshold(k))).isEqualTo(k + 1);
  }
}
