package org.parboot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.exec.ExecutorKind;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.OrderStatistic;
import org.parboot.stat.Statistic;
import org.parboot.testing.Fixtures;

/**
 * The Monte Carlo errors a run reports against the spread they predict: the same data, 200 seeds,
 * B = 999; for each statistic, method and endpoint, the mean reported error must be within 20% of
 * the standard deviation of the endpoint over the seeds (itself known to about 5%: 1/sqrt(2 x 199)),
 * and likewise the standard error's. Smooth statistics (mean, std, a trimmed mean) on the skewed
 * sample (n = 60).
 */
class MonteCarloErrorTest {
  private static final int SEEDS = 200;

  @Test
  void reportedErrors_matchTheSpreadOverSeeds() {
    final List<Statistic> stats = List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 1),
        OrderStatistic.trimmedMean("x", 0.2));
    final List<IntervalMethod> methods = List.of(IntervalMethod.PERCENTILE, IntervalMethod.BASIC,
        IntervalMethod.NORMAL, IntervalMethod.BCA);
    final int k = stats.size();
    final int m = methods.size();
    final double[][][] ends = new double[k][2 * m + 1][SEEDS];
    final double[][][] errors = new double[k][2 * m + 1][SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      final BootstrapResult r = Bootstrap.run(Fixtures.dataset("skewed"), stats, BootstrapOptions.builder()
          .seed(1000 + seed).resamples(999).executor(ExecutorKind.SERIAL).intervals(methods).build());
      for (int s = 0; s < k; s++) {
        final StatisticResult sr = r.statistics().get(s);
        for (int j = 0; j < m; j++) {
          final Interval i = sr.intervals().get(j);
          ends[s][2 * j][seed] = i.low();
          ends[s][2 * j + 1][seed] = i.high();
          errors[s][2 * j][seed] = i.lowError();
          errors[s][2 * j + 1][seed] = i.highError();
        }
        ends[s][2 * m][seed] = sr.standardError();
        errors[s][2 * m][seed] = sr.standardErrorMcError();
      }
    }
    final List<String> report = new ArrayList<>();
    final List<String> off = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      for (int e = 0; e <= 2 * m; e++) {
        final double spread = sd(ends[s][e]);
        final double reported = mean(errors[s][e]);
        final String what = stats.get(s).label() + " " + (e == 2 * m ? "std error"
            : methods.get(e / 2).spelling() + (e % 2 == 0 ? " low" : " high"));
        final String line = String.format("%s: reported %.5f, spread %.5f, ratio %.3f", what, reported, spread,
            reported / spread);
        report.add(line);
        if (!(reported / spread > 0.8 && reported / spread < 1.2)) {
          off.add(line);
        }
      }
    }
    assertThat(off).as(String.join("\n", report)).isEmpty();
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double sd(double[] v) {
    final double mu = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - mu) * (x - mu);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
