package org.parboot.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.InvalidSettingException;
import org.parboot.StatisticResult;
import org.parboot.WeightedStatistics;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.scheme.Scheme;
import org.parboot.spec.StatisticSpec;
import org.parboot.testing.Fixtures;
import org.parboot.testing.MonteCarlo;

/**
 * {@code ols}: a resample's fit from the plan's cross-product sums against a direct least-squares
 * solve of the expanded resample; the case and residual bootstraps against references computed
 * independently ({@code src/test/resources/reference/ols_bootstrap.py}: the residual bootstrap of
 * Davison and Hinkley's algorithm 6.1 written out in NumPy, the case bootstrap by
 * {@code scipy.stats.bootstrap} over row indices, both B = 9,999); a collinear resample is NaN.
 *
 * <p>Tolerance: {@link MonteCarlo#assertMatches}.
 */
class RegressionBootstrapTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "ols(y ~ x1 + x2, resample=residuals)[intercept]; 1.123737276780806; 3.2740366035719752; 7.625577196397885",
      "ols(y ~ x1 + x2, resample=residuals)[x1]; 0.10847357242043182; 0.6357491659948471; 1.0676137201123392",
      "ols(y ~ x1 + x2, resample=residuals)[x2]; 0.14956464750574244; -1.6588168998317223; -1.0711766805228096",
      "ols(y ~ x1 + x2, resample=residuals)[r2]; 0.07910759058714954; 0.4025066651252997; 0.712187208376826",
      "ols(y ~ x1 + x2)[intercept]; 1.137044087341164; 3.2798711921845674; 7.75334015181246",
      "ols(y ~ x1 + x2)[x1]; 0.09152975891129525; 0.6825964757345622; 1.0423781368303697",
      "ols(y ~ x1 + x2)[x2]; 0.1341223413752423; -1.6516919024920582; -1.1200362118248255",
      "ols(y ~ x1 + x2)[r2]; 0.0713336212547515; 0.42384489528082697; 0.7013576706322329",
      // Seattle's temp_max ~ temp_min (n = 1461, a tenth of a degree): the same two scripts' ways.
      "ols(temp_max ~ temp_min)[temp_min]; 0.018353708494229598; 1.2464231497243192; 1.3178980853048514",
      "ols(temp_max ~ temp_min, resample=residuals)[temp_min]; 0.018605287065981854; 1.2451362149889098; 1.3184857293845509"})
  void bootstrap_matchesIndependentReferencesWithinMonteCarloError(String spec, double se, double low, double high) {
    final List<Statistic> stats = StatisticSpec.parse(spec, List.of());
    assertThat(stats).hasSize(1);
    MonteCarlo.assertMatches(Fixtures.dataset(spec.contains("temp") ? "seattle" : "regression"), stats.get(0), se, low, high);
  }

  /** The least-squares fit of y on [1, x...] by Gaussian elimination of the raw normal equations. */
  private static double[] directFit(double[][] x, double[] y) {
    final int n = y.length;
    final int q = x.length + 1;
    final double[][] a = new double[q][q + 1];
    for (int i = 0; i < n; i++) {
      final double[] row = new double[q];
      row[0] = 1;
      for (int j = 1; j < q; j++) {
        row[j] = x[j - 1][i];
      }
      for (int j = 0; j < q; j++) {
        for (int k = 0; k < q; k++) {
          a[j][k] += row[j] * row[k];
        }
        a[j][q] += row[j] * y[i];
      }
    }
    for (int c = 0; c < q; c++) {
      int pivot = c;
      for (int r = c + 1; r < q; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      final double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      for (int r = 0; r < q; r++) {
        if (r != c) {
          final double f = a[r][c] / a[c][c];
          for (int k = c; k <= q; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    final double[] out = new double[q + 1];
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double rss = 0;
    double tss = 0;
    for (int j = 0; j < q; j++) {
      out[j] = a[j][q] / a[j][j];
    }
    for (int i = 0; i < n; i++) {
      double fit = out[0];
      for (int j = 1; j < q; j++) {
        fit += out[j] * x[j - 1][i];
      }
      rss += (y[i] - fit) * (y[i] - fit);
      tss += (y[i] - mean) * (y[i] - mean);
    }
    out[q] = 1 - rss / tss;
    return out;
  }

  @Test
  void fitFromSums_ofCountedResamples_isTheDirectLeastSquaresFit() {
    final Dataset data = Fixtures.dataset("regression");
    final double[] x1 = data.column("x1");
    final double[] x2 = data.column("x2");
    final double[] y = data.column("y");
    final int n = y.length;
    final WeightedStatistics w = new WeightedStatistics(data, StatisticSpec.parse("ols(y ~ x1 + x2)", List.of()));
    final SplittableRandom rnd = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      final int[] counts = new int[n];
      final List<Integer> rows = new ArrayList<>();
      for (int d = 0; d < n; d++) {
        final int i = rnd.nextInt(n);
        counts[i]++;
        rows.add(i);
      }
      final double[][] xs = {rows.stream().mapToDouble(i -> x1[i]).toArray(), rows.stream().mapToDouble(i -> x2[i]).toArray()};
      final double[] expected = directFit(xs, rows.stream().mapToDouble(i -> y[i]).toArray());
      final double[] out = new double[4];
      w.evaluate(counts, n, out);
      for (int j = 0; j < 4; j++) {
        assertThat(out[j]).as("trial %d output %d", trial, j).isCloseTo(expected[j], within(1e-10 * (1 + Math.abs(expected[j]))));
      }
    }
  }

  @Test
  void collinearResample_isNaNForEveryOutput_andCountedByTheRun() {
    // x2 = 2 x1 except in row 0: a resample without row 0 cannot tell them apart.
    final int n = 12;
    final double[] x1 = new double[n];
    final double[] x2 = new double[n];
    final double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x1[i] = i % 5 + 0.5 * i;
      x2[i] = 2 * x1[i] + (i == 0 ? 1 : 0);
      y[i] = 3 + x1[i] - x2[i] * 0.25 + (i % 3);
    }
    final Dataset data = Dataset.builder("collinear").column("x1", x1).column("x2", x2).column("y", y).build();
    final List<Statistic> stats = StatisticSpec.parse("ols(y ~ x1 + x2)", List.of());
    final WeightedStatistics w = new WeightedStatistics(data, stats);
    final int[] counts = new int[n];
    java.util.Arrays.fill(counts, 1);
    final double[] out = new double[4];
    w.evaluate(counts, n, out);
    assertThat(java.util.Arrays.stream(out).allMatch(Double::isFinite)).as(java.util.Arrays.toString(out)).isTrue();
    counts[0] = 0;
    counts[1] = 2;
    w.evaluate(counts, n, out);
    assertThat(java.util.Arrays.stream(out).allMatch(Double::isNaN)).as(java.util.Arrays.toString(out)).isTrue();

    final BootstrapResult r = Bootstrap.run(data, stats, BootstrapOptions.builder().seed(3).resamples(999)
        .intervals(List.of(IntervalMethod.PERCENTILE)).build());
    // A resample misses row 0 with probability (1 - 1/12)^12 = 0.352.
    for (StatisticResult s : r.statistics()) {
      assertThat(s.nonFinite()).as(s.statistic().label()).isBetween(300, 400);
      assertThat(s.intervals().get(0).low()).isFinite();
    }
  }

  @ParameterizedTest
  @EnumSource(ExecutorKind.class)
  void residualResampling_sameBitsOnEveryExecutorAndWithBlocks(ExecutorKind kind) {
    final Dataset data = Fixtures.dataset("regression");
    final List<Statistic> stats = StatisticSpec.parse("ols(y ~ x1 + x2, resample=residuals)", List.of());
    for (Scheme scheme : List.of(Scheme.iid(), new Scheme.MovingBlock(new org.parboot.scheme.BlockLength.Fixed(5)))) {
      final BootstrapOptions.Builder b = BootstrapOptions.builder().seed(9).resamples(300).scheme(scheme)
          .intervals(List.of(IntervalMethod.PERCENTILE));
      final BootstrapResult serial = Bootstrap.run(data, stats, b.executor(ExecutorKind.SERIAL).build());
      final BootstrapResult other = Bootstrap.run(data, stats, b.executor(kind).threads(3).build());
      for (int s = 0; s < stats.size(); s++) {
        assertThat(other.statistics().get(s).replicates()).isEqualTo(serial.statistics().get(s).replicates());
      }
    }
  }

  @Test
  void residualResampling_withPoissonScheme_refusedNamingTheScheme() {
    assertThatThrownBy(() -> Bootstrap.run(Fixtures.dataset("regression"),
        StatisticSpec.parse("ols(y ~ x1, resample=residuals)", List.of()),
        BootstrapOptions.builder().scheme(new Scheme.Poisson()).build()))
        .isInstanceOf(InvalidSettingException.class).hasMessageContaining("scheme poisson draws a varying number of rows");
  }
}
