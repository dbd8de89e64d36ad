package org.parboot.resample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parboot.PermutationType;

/** The permutations' rules: exact enumerations are complete and distinct, random ones uniform. */
class PermutationsTest {

  @Test
  void exactSplits_enumerateEveryKSubsetOnce_inLexicographicOrder_withTheirComplements() {
    final int k = 3;
    final int m = 4;
    final int count = PermutationsTestSupport.count(PermutationType.INDEPENDENT, k, m);
    assertThat(count).isEqualTo(35);
    final Resampler[] parts = Permutations.split(0, k, m, true);
    final Resampler first = parts[0];
    final Resampler second = parts[1];
    final Set<List<Integer>> seen = new HashSet<>();
    String previous = "";
    for (int p = 0; p < count; p++) {
      final int[] a = new int[k];
      final int[] b = new int[m];
      assertThat(first.fill(p, a)).isEqualTo(k);
      assertThat(second.fill(p, b)).isEqualTo(m);
      final int[] all = new int[k + m];
      System.arraycopy(a, 0, all, 0, k);
      System.arraycopy(b, 0, all, k, m);
      Arrays.sort(all);
      assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6);
      final String key = Arrays.toString(a);
      assertThat(key.compareTo(previous)).isPositive();
      previous = key;
      seen.add(Arrays.stream(a).boxed().toList());
    }
    assertThat(seen).hasSize(35);
    assertThat(firstOf(first, k)).containsExactly(0, 1, 2);
  }

  @Test
  void exactSwaps_enumerateEveryOrientationOnce() {
    final int n = 5;
    final Set<List<Integer>> seen = new HashSet<>();
    final Resampler s = Permutations.swaps(0, n, 0, true);
    for (int p = 0; p < 32; p++) {
      final int[] out = new int[n];
      s.fill(p, out);
      for (int i = 0; i < n; i++) {
        assertThat(out[i]).isIn(i, n + i);
      }
      seen.add(Arrays.stream(out).boxed().toList());
    }
    assertThat(seen).hasSize(32);
    assertThat(firstOf(s, n)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void exactShuffles_enumerateEveryPermutationOnce_inLexicographicOrder() {
    final int n = 5;
    final Permutations.Shuffle s = Permutations.shuffle(0, n, List.of("y"), true);
    final Set<List<Integer>> seen = new HashSet<>();
    String previous = "";
    for (int p = 0; p < 120; p++) {
      final int[] out = new int[n];
      s.fill(p, out);
      final String key = Arrays.toString(out);
      assertThat(key.compareTo(previous)).isPositive();
      previous = key;
      seen.add(Arrays.stream(out).boxed().toList());
    }
    assertThat(seen).hasSize(120);
  }

  @Test
  void randomSplits_areUniformOverTheSubsets() {
    // C(5, 2) = 10 splits, 50,000 draws: each about 5,000 (sd 67); every count within 5 sd.
    final Resampler[] parts = Permutations.split(99, 2, 3, false);
    final Map<List<Integer>, Integer> counts = new HashMap<>();
    final int[] out = new int[2];
    final int[] other = new int[3];
    for (int p = 0; p < 50_000; p++) {
      assertThat(parts[0].fill(p, out)).isEqualTo(2);
      assertThat(parts[1].fill(p, other)).isEqualTo(3);
      final int[] all = {out[0], out[1], other[0], other[1], other[2]};
      Arrays.sort(all);
      assertThat(all).containsExactly(0, 1, 2, 3, 4); // the parts are complements
      Arrays.sort(out);
      counts.merge(List.of(out[0], out[1]), 1, Integer::sum);
    }
    assertThat(counts).hasSize(10);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(5000 - 335, 5000 + 335));
  }

  @Test
  void randomSplit_isAPureFunctionOfSeedAndPermutation_whateverWasDrawnBefore() {
    final Resampler[] a = Permutations.split(5, 40, 25, false);
    final Resampler[] b = Permutations.split(5, 40, 25, false);
    final int[] x = new int[25];
    final int[] y = new int[25];
    b[1].fill(3, y); // b's cache holds permutation 3; a's nothing
    for (long p : new long[] {7, 3, 7, 7, 0}) {
      a[1].fill(p, x);
      b[1].fill(p, y);
      assertThat(x).isEqualTo(y);
    }
  }

  @Test
  void randomShuffles_areUniformOverThePermutations() {
    final Permutations.Shuffle s = Permutations.shuffle(5, 3, List.of("y"), false);
    final Map<List<Integer>, Integer> counts = new HashMap<>();
    final int[] out = new int[3];
    for (int p = 0; p < 60_000; p++) {
      s.fill(p, out);
      counts.merge(List.of(out[0], out[1], out[2]), 1, Integer::sum);
    }
    assertThat(counts).hasSize(6);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(10_000 - 456, 10_000 + 456));
  }

  @Test
  void randomSwaps_flipEachPairWithProbabilityOneHalf_independently() {
    final int n = 70; // crosses a 64-bit output
    final Resampler s = Permutations.swaps(8, n, 0, false);
    final Resampler other = Permutations.swaps(8, n, 1, false);
    final int[] counts = new int[n];
    final int[] out = new int[n];
    final int[] mirror = new int[n];
    for (int p = 0; p < 20_000; p++) {
      s.fill(p, out);
      other.fill(p, mirror);
      for (int i = 0; i < n; i++) {
        assertThat(out[i] + mirror[i]).isEqualTo(n + 2 * i);
        if (out[i] != i) {
          counts[i]++;
        }
      }
    }
    assertThat(Arrays.stream(counts).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(10_000 - 354, 10_000 + 354)); // 5 sd
  }

  private static int[] firstOf(Resampler r, int len) {
    final int[] out = new int[len];
    r.fill(0, out);
    return out;
  }

  /** Counts as ints, for small cases. */
  static final class PermutationsTestSupport {
    static int count(PermutationType type, int k, int m) {
      return Permutations.distinct(type, k, m).intValueExact();
    }
  }
}
