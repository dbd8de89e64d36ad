package org.parboot.io;

import java.time.Duration;
import java.util.List;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.StatisticResult;
import org.parboot.ci.Interval;
import org.parboot.ci.IntervalMethod;
import org.parboot.data.Dataset;
import org.parboot.exec.ExecutorKind;
import org.parboot.stat.MomentStatistic;

/** Bootstrap results for the formatter and writer tests. */
final class Results {
  private Results() {}

  /** A real run: mean and std(ddof=0) of a small sample, B = 200, percentile and BCa. */
  static BootstrapResult run() {
    final Dataset data = Dataset.of("x", 2.1, 3.4, 1.9, 5.6, 4.4, 3.8, 2.7, 3.3, 4.1, 2.2);
    return Bootstrap.run(data, List.of(MomentStatistic.mean("x"), MomentStatistic.std("x", 0)),
        BootstrapOptions.builder().seed(1).resamples(200).threads(2).executor(ExecutorKind.FORKJOIN)
            .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA).build());
  }

  /** A hand-made result with undefined numbers: NaN observed, infinite bias, BCa undefined. */
  static BootstrapResult undefined() {
    final BootstrapOptions options = BootstrapOptions.builder().seed(42).resamples(3).threads(2)
        .intervals(IntervalMethod.PERCENTILE, IntervalMethod.BCA).build();
    final StatisticResult s = new StatisticResult(MomentStatistic.std("temp_max", 0), Double.NaN,
        Double.POSITIVE_INFINITY, 0.25,
        List.of(new Interval(IntervalMethod.PERCENTILE, 0.95, 1.5, 2.5),
            new Interval(IntervalMethod.BCA, 0.95, Double.NaN, Double.NaN)),
        1, new double[] {1.5, Double.NaN, 2.5});
    return new BootstrapResult("data.csv", 1461, 3, options, "iid", "splitmix64", "rows8", "test kernel", BootstrapResult.LOCAL, Duration.ofMillis(210),
        List.of(s), List.of("std(temp_max, ddof=0): BCa endpoints are null"));
  }
}
