package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.WeightedStatistics;
import org.parboot.data.Dataset;

/**
 * {@code mad} on resamples, read through row counts in rank order (the engine's way), against the
 * definition computed the plain way, as NumPy does: expand the resample, sort it, take the median,
 * the absolute deviations from it, sort those, take their median. Bit for bit, on data with many
 * ties and without, sizes odd and even, and samples whose median falls on a tie.
 */
class MedianAbsoluteDeviationTest {

  private static double median(double[] sorted) {
    final int m = sorted.length;
    return (m & 1) == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  }

  private static double plainMad(double[] sample) {
    final double[] s = sample.clone();
    Arrays.sort(s);
    final double med = median(s);
    final double[] dev = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      dev[i] = Math.abs(s[i] - med);
    }
    Arrays.sort(dev);
    return median(dev);
  }

  @ParameterizedTest(name = "distinct values: {0}")
  @ValueSource(ints = {3, 40, 0})
  void mad_ofCountedResamples_isTheDefinitionBitForBit(int distinct) {
    final SplittableRandom rnd = new SplittableRandom(distinct + 7L);
    for (int trial = 0; trial < 300; trial++) {
      final int n = 2 + rnd.nextInt(60);
      final double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = distinct == 0 ? rnd.nextGaussian() * 10 : rnd.nextInt(distinct) * 0.1 - 1;
      }
      final WeightedStatistics w = new WeightedStatistics(Dataset.of("x", x),
          List.of(OrderStatistic.mad("x", 1), OrderStatistic.mad("x", OrderStatistic.NORMAL_SCALE)));
      final int[] counts = new int[n];
      int size = 0;
      for (int i = 0; i < n; i++) {
        counts[i] = rnd.nextInt(4);
        size += counts[i];
      }
      if (size == 0) {
        continue;
      }
      final double[] resample = new double[size];
      for (int i = 0, p = 0; i < n; i++) {
        for (int c = 0; c < counts[i]; c++) {
          resample[p++] = x[i];
        }
      }
      final double[] out = new double[2];
      w.evaluate(counts, size, out);
      final double expected = plainMad(resample);
      assertThat(out[0]).as("trial %d, %s", trial, Arrays.toString(resample)).isEqualTo(expected);
      assertThat(out[1]).isEqualTo(expected / OrderStatistic.NORMAL_SCALE);
    }
  }
}
