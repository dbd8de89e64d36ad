package org.parboot.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parboot.rng.PoissonCounts;

/**
 * Every scheme's draw order, pinned by golden indices (changing one is a breaking change of
 * every result printed with that scheme), and the structure each scheme promises.
 */
class ResamplersTest {

  private static final int[] STRATA = {0, 0, 1, 1, 1, 0, 2, 2, 0, 1};

  static Stream<Arguments> golden() {
    return Stream.of(
        Arguments.of(new IidResampler(42, 10), "iid",
            new int[] {3, 3, 9, 9, 4, 7, 0, 4, 6, 3}, new int[] {9, 1, 3, 1, 5, 3, 6, 3, 5, 4}),
        Arguments.of(new BlockResampler(42, 10, 3, false, false), "moving-block(L=3)",
            new int[] {2, 3, 4, 3, 4, 5, 7, 8, 9, 7}, new int[] {7, 8, 9, 0, 1, 2, 2, 3, 4, 1}),
        Arguments.of(new BlockResampler(42, 10, 3, true, false), "circular-block(L=3)",
            new int[] {3, 4, 5, 3, 4, 5, 9, 0, 1, 9}, new int[] {9, 0, 1, 1, 2, 3, 3, 4, 5, 1}),
        Arguments.of(new StationaryResampler(42, 10, 3, false), "stationary(L=3)",
            new int[] {3, 4, 5, 6, 1, 2, 7, 8, 2, 8}, new int[] {9, 5, 6, 7, 8, 9, 0, 1, 7, 6}),
        Arguments.of(new PoissonResampler(42, 10), "poisson",
            new int[] {1, 1, 1, 2, 4, 7, 9}, new int[] {0, 0, 0, 0, 2, 3, 4, 5, 6, 6, 7, 8}),
        Arguments.of(new BalancedResampler(42, 10, 5), "balanced",
            new int[] {5, 4, 4, 4, 9, 1, 3, 0, 7, 6}, new int[] {0, 1, 8, 1, 5, 6, 0, 7, 7, 6}),
        Arguments.of(new StratifiedResampler(42, STRATA, 3, "g"), "iid(strata=g, 3 strata)",
            new int[] {1, 1, 9, 9, 3, 8, 6, 6, 5, 3}, new int[] {8, 0, 3, 2, 4, 1, 7, 6, 5, 3}));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("golden")
  void fill_seed42_goldenIndices(Resampler r, String name, int[] first, int[] second) {
    assertThat(r.name()).isEqualTo(name);
    assertThat(indices(r, 0)).containsExactly(first);
    assertThat(indices(r, 1)).containsExactly(second);
    assertThat(indices(r, 1)).as("a pure function of b").containsExactly(second);
  }

  @Test
  void iid_goldenIndices_matchTheStreamContract() {
    // The iid scheme did not change with the Resampler interface: its indices are fillIndices'.
    final int[] out = new int[10];
    org.parboot.rng.ResampleStreams.fillIndices(org.parboot.rng.ResampleStreams.streamState(42, 0), 10,
        org.parboot.rng.ResampleStreams.threshold(10), out, 10);
    assertThat(indices(new IidResampler(42, 10), 0)).containsExactly(out);
  }

  @Test
  void movingBlock_everyResample_runsOfLengthLNotWrapping() {
    final int n = 103;
    final int len = 7;
    final BlockResampler r = new BlockResampler(5, n, len, false, false);
    for (int b = 0; b < 300; b++) {
      final int[] idx = indices(r, b);
      assertThat(idx).hasSize(n);
      for (int start = 0; start < n; start += len) {
        assertThat(idx[start]).isBetween(0, n - len);
        for (int j = start + 1; j < Math.min(n, start + len); j++) {
          assertThat(idx[j]).isEqualTo(idx[j - 1] + 1);
        }
      }
    }
  }

  @Test
  void circularBlock_everyResample_runsOfLengthLWrapping() {
    final int n = 50;
    final int len = 8;
    final BlockResampler r = new BlockResampler(6, n, len, true, false);
    boolean wrapped = false;
    for (int b = 0; b < 300; b++) {
      final int[] idx = indices(r, b);
      for (int start = 0; start < n; start += len) {
        for (int j = start + 1; j < Math.min(n, start + len); j++) {
          assertThat(idx[j]).isEqualTo((idx[j - 1] + 1) % n);
          wrapped |= idx[j] == 0;
        }
      }
    }
    assertThat(wrapped).as("some block wraps from n - 1 to 0").isTrue();
  }

  @Test
  void circularBlock_lengthOne_isTheIidScheme() {
    for (int b = 0; b < 20; b++) {
      assertThat(indices(new BlockResampler(9, 31, 1, true, false), b)).containsExactly(indices(new IidResampler(9, 31), b));
    }
  }

  @Test
  void stationary_blockLengths_geometricWithMeanL() {
    final int n = 1000;
    final double meanLength = 8;
    final StationaryResampler r = new StationaryResampler(7, n, meanLength, false);
    long continued = 0;
    long positions = 0;
    for (int b = 0; b < 200; b++) {
      final int[] idx = indices(r, b);
      for (int j = 1; j < n; j++) {
        continued += idx[j] == (idx[j - 1] + 1) % n ? 1 : 0;
        positions++;
      }
    }
    // P(continue) = (1 - 1/L) + (1/L)(1/n): a new start can land on the next row by chance.
    final double expected = (1 - 1 / meanLength) + 1 / meanLength / n;
    final double sd = Math.sqrt(expected * (1 - expected) / positions);
    assertThat((double) continued / positions).isCloseTo(expected, within(5 * sd));
  }

  @Test
  void poisson_counts_meanOneVarianceOne() {
    final int n = 1000;
    final PoissonResampler r = new PoissonResampler(8, n);
    double sum = 0;
    double sumSq = 0;
    final int resamples = 200;
    for (int b = 0; b < resamples; b++) {
      final int[] c = new int[n];
      final int[] idx = indices(r, b);
      for (int i : idx) {
        c[i]++;
      }
      for (int i = 1; i < idx.length; i++) {
        assertThat(idx[i]).as("written in row order").isGreaterThanOrEqualTo(idx[i - 1]);
      }
      for (int v : c) {
        sum += v;
        sumSq += (double) v * v;
      }
    }
    final double m = n * resamples;
    final double mean = sum / m;
    final double var = sumSq / m - mean * mean;
    // sd of the mean of 2e5 Poisson(1) counts is 0.0022; of the variance about 0.0038
    assertThat(mean).isCloseTo(1.0, within(0.012));
    assertThat(var).isCloseTo(1.0, within(0.02));
  }

  @Test
  void poisson_inversionTable_isThePoissonOneDistribution() {
    // P(c = k) = (T[k] - T[k-1]) / 2^53 must be e^-1 / k! to 2^-52.
    double factorial = 1;
    for (int k = 0; k <= 16; k++) {
      factorial *= Math.max(1, k);
      final long lo = k == 0 ? 0 : PoissonCounts.threshold(k - 1);
      final double p = (PoissonCounts.threshold(k) - lo) * 0x1.0p-53;
      assertThat(p).as("k = %d", k).isCloseTo(0.36787944117144233 / factorial, within(0x1.0p-52));
      assertThat(PoissonCounts.ofUniform(lo)).isEqualTo(k);
      assertThat(PoissonCounts.ofUniform(PoissonCounts.threshold(k) - 1)).isEqualTo(k);
    }
    assertThat(PoissonCounts.ofUniform((1L << 53) - 1)).isEqualTo(17);
  }

  @Test
  void poisson_countOfAnyRow_isTheCountTheSequentialDrawGives() {
    // The Spark module draws row i's count directly (PoissonCounts.of); the core draws the rows in
    // order from the stream. Both must give every row the same count.
    final int n = 1000;
    for (long b : new long[] {0, 1, 77, 9998}) {
      final int[] idx = new int[20 * n];
      final int len = new PoissonResampler(42, n).fill(b, idx);
      final int[] counts = new int[n];
      for (int j = 0; j < len; j++) {
        counts[idx[j]]++;
      }
      for (int i = 0; i < n; i++) {
        assertThat(PoissonCounts.of(42, b, i)).as("b = %d, row %d", b, i).isEqualTo(counts[i]);
      }
    }
  }

  @Test
  void poisson_bufferTooSmall_returnsLengthAndRefillGivesTheSameIndices() {
    final PoissonResampler r = new PoissonResampler(3, 40);
    final int[] full = indices(r, 11);
    final int[] small = new int[5];
    assertThat(r.fill(11, small)).isEqualTo(full.length);
    assertThat(small).containsExactly(Arrays.copyOf(full, 5));
  }

  @Test
  void balanced_everyRow_appearsExactlyBTimes() {
    final int n = 37;
    final int resamples = 101;
    final BalancedResampler r = new BalancedResampler(12, n, resamples);
    final int[] counts = new int[n];
    for (int b = resamples - 1; b >= 0; b--) { // any order: each resample stands alone
      final int[] idx = indices(r, b);
      assertThat(idx).hasSize(n);
      for (int i : idx) {
        counts[i]++;
      }
    }
    assertThat(counts).containsOnly(resamples);
  }

  @Test
  void balanced_tinyDesigns_stillExact() {
    for (int n = 1; n <= 5; n++) {
      for (int resamples = 2; resamples <= 5; resamples++) {
        final BalancedResampler r = new BalancedResampler(n * 31L + resamples, n, resamples);
        final int[] counts = new int[n];
        for (int b = 0; b < resamples; b++) {
          for (int i : indices(r, b)) {
            counts[i]++;
          }
        }
        assertThat(counts).as("n=%d B=%d", n, resamples).containsOnly(resamples);
      }
    }
  }

  @Test
  void balanced_resamples_differFromEachOther() {
    final BalancedResampler r = new BalancedResampler(1, 20, 50);
    assertThat(indices(r, 0)).isNotEqualTo(indices(r, 1));
    final int[] sorted = indices(r, 0).clone();
    Arrays.sort(sorted);
    assertThat(sorted).as("not a permutation of the rows every time").isNotEqualTo(
        java.util.stream.IntStream.range(0, 20).toArray());
  }

  @Test
  void stratified_everyResample_preservesStratumCountsAndPositions() {
    final int n = 300;
    final int[] strata = new int[n];
    for (int i = 0; i < n; i++) {
      strata[i] = (i * i + 3 * i) % 7 == 0 ? 2 : i % 2; // unequal sizes
    }
    final StratifiedResampler r = new StratifiedResampler(4, strata, 3, "g");
    final int[] expected = r.stratumSizes();
    for (int b = 0; b < 500; b++) {
      final int[] idx = indices(r, b);
      final int[] counts = new int[3];
      for (int j = 0; j < n; j++) {
        assertThat(strata[idx[j]]).isEqualTo(strata[j]);
        counts[strata[idx[j]]]++;
      }
      assertThat(counts).containsExactly(expected);
    }
  }

  @Test
  void constructors_badLengths_refused() {
    assertThatThrownBy(() -> new BlockResampler(1, 10, 11, false, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BlockResampler(1, 10, 0, true, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StationaryResampler(1, 10, 0.5, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StratifiedResampler(1, new int[] {0, 2}, 3, "g")).isInstanceOf(IllegalArgumentException.class);
  }

  private static int[] indices(Resampler r, long b) {
    int[] out = new int[r.size()];
    final int len = r.fill(b, out);
    if (len > out.length) {
      out = new int[len];
      r.fill(b, out);
    }
    return Arrays.copyOf(out, len);
  }
}
