package org.parboot.report;

import java.util.List;
import org.parboot.BootstrapOptions;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.stat.MomentStatistic;
import org.parboot.stat.Statistic;

/** Small inputs shared by the tests: a skewed column, the tutorial's three statistics, B = 200. */
final class Fixtures {
  static final int B = 200;

  private Fixtures() {}

  /** 150 skewed values, deterministic. */
  static Dataset data() {
    final double[] x = new double[150];
    for (int i = 0; i < x.length; i++) {
      final double u = ((i * 0.6180339887) % 1.0);
      x[i] = 10 + 4 * u * u + Math.sin(i);
    }
    return Dataset.of("temp_max", x);
  }

  /** The tutorial's statistics: mean, std (ddof = 0), skew (bias = true). */
  static List<Statistic> tutorialStatistics() {
    return List.of(MomentStatistic.mean("temp_max"), MomentStatistic.std("temp_max", 0),
        MomentStatistic.skew("temp_max", true));
  }

  static BootstrapOptions options(long seed) {
    return BootstrapOptions.builder().resamples(B).seed(seed).intervals(IntervalMethod.all()).build();
  }
}
