package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parboot.WeightedStatistics;
import org.parboot.data.Dataset;

/**
 * Spearman's rho and Kendall's tau-b on resamples, read from row counts (mid-ranks per tie group,
 * discordant pairs by a Fenwick tree), against the definitions computed the plain way on the
 * expanded resample: average ranks and Pearson's formula; tau-b from all m(m - 1)/2 pairs, as
 * {@code scipy.stats.kendalltau} defines it. Data with many ties and without, rows drawn
 * repeatedly, constant resamples (NaN).
 */
class RankStatisticTest {

  private static double[] averageRanks(double[] v) {
    final int m = v.length;
    final double[] rank = new double[m];
    for (int i = 0; i < m; i++) {
      int below = 0;
      int tied = 0;
      for (int j = 0; j < m; j++) {
        if (v[j] < v[i]) {
          below++;
        } else if (v[j] == v[i]) {
          tied++;
        }
      }
      rank[i] = below + (tied + 1) / 2.0;
    }
    return rank;
  }

  private static double pearson(double[] a, double[] b) {
    final double ma = Arrays.stream(a).average().orElseThrow();
    final double mb = Arrays.stream(b).average().orElseThrow();
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }

  private static double kendallTauB(double[] x, double[] y) {
    final int m = x.length;
    long con = 0;
    long dis = 0;
    long xtie = 0;
    long ytie = 0;
    long ntie = 0;
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        final int sx = Double.compare(x[i], x[j]) == 0 || x[i] == x[j] ? 0 : x[i] < x[j] ? -1 : 1;
        final int sy = y[i] == y[j] ? 0 : y[i] < y[j] ? -1 : 1;
        if (sx == 0) {
          xtie++;
        }
        if (sy == 0) {
          ytie++;
        }
        if (sx == 0 && sy == 0) {
          ntie++;
        }
        if (sx * sy > 0) {
          con++;
        } else if (sx * sy < 0) {
          dis++;
        }
      }
    }
    final long tot = (long) m * (m - 1) / 2;
    assertThat(tot).isEqualTo(con + dis + xtie + ytie - ntie);
    if (xtie == tot || ytie == tot) {
      return Double.NaN;
    }
    return (con - dis) / Math.sqrt((double) (tot - xtie)) / Math.sqrt((double) (tot - ytie));
  }

  @ParameterizedTest(name = "distinct values: {0}")
  @ValueSource(ints = {2, 5, 30, 0})
  void rankCorrelations_ofCountedResamples_areTheDefinitions(int distinct) {
    final SplittableRandom rnd = new SplittableRandom(distinct * 31L + 3);
    for (int trial = 0; trial < 300; trial++) {
      final int n = 2 + rnd.nextInt(40);
      final double[] x = new double[n];
      final double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = distinct == 0 ? rnd.nextGaussian() : rnd.nextInt(distinct) - 1.0;
        y[i] = distinct == 0 ? x[i] + rnd.nextGaussian() : (rnd.nextInt(3) == 0 ? x[i] : rnd.nextInt(distinct));
      }
      final WeightedStatistics w = new WeightedStatistics(Dataset.builder("d").column("x", x).column("y", y).build(),
          List.of(RankStatistic.spearman("x", "y"), RankStatistic.kendall("x", "y")));
      final int[] counts = new int[n];
      int size = 0;
      for (int i = 0; i < n; i++) {
        counts[i] = rnd.nextInt(3);
        size += counts[i];
      }
      if (size < 2) {
        continue;
      }
      final double[] ex = new double[size];
      final double[] ey = new double[size];
      for (int i = 0, p = 0; i < n; i++) {
        for (int c = 0; c < counts[i]; c++) {
          ex[p] = x[i];
          ey[p++] = y[i];
        }
      }
      final double[] out = new double[2];
      w.evaluate(counts, size, out);
      final double rho = pearson(averageRanks(ex), averageRanks(ey));
      final double tau = kendallTauB(ex, ey);
      final String what = "trial " + trial + ": x " + Arrays.toString(ex) + ", y " + Arrays.toString(ey);
      if (Double.isNaN(rho)) {
        assertThat(out[0]).as(what).isNaN();
      } else {
        assertThat(out[0]).as(what).isCloseTo(rho, within(1e-12));
      }
      if (Double.isNaN(tau)) {
        assertThat(out[1]).as(what).isNaN();
      } else {
        assertThat(out[1]).as(what).isEqualTo(Math.max(-1, Math.min(1, tau)));
      }
    }
  }
}
