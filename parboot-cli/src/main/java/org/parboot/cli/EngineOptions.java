package org.parboot.cli;

import java.util.List;
import org.parboot.BootstrapOptions;
import org.parboot.ci.IntervalMethod;
import org.parboot.stat.Statistic;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The bootstrap's settings on the command line (but where it runs: {@link ExecutorOptions}): the
 * statistics, the draws, and the intervals. They fill the same {@link BootstrapOptions.Builder}
 * the Java API uses, which validates them, so the CLI and the library cannot drift.
 */
final class EngineOptions {

  @Mixin
  StatisticOptions statistic = new StatisticOptions();

  @Mixin
  DrawOptions draws = new DrawOptions();

  @Option(names = "--ci", paramLabel = "METHODS", defaultValue = "bca",
      description = "Interval methods, comma-separated: percentile, basic, normal, bca, studentized, or all. "
          + "Default: ${DEFAULT-VALUE}")
  String ci;

  @Option(names = "--inner-resamples", paramLabel = "J", defaultValue = "50",
      description = "Inner resamples per resample for the studentized interval's nested standard errors "
          + "(statistics other than mean, mean_diff, var and std). Default: ${DEFAULT-VALUE}")
  long innerResamples;

  @Option(names = "--level", paramLabel = "L", defaultValue = "0.95",
      description = "Confidence level, strictly between 0 and 1. Default: ${DEFAULT-VALUE}")
  double level;

  @Option(names = "--null", paramLabel = "THETA0",
      description = "Also a bootstrap p-value of H0: statistic = THETA0 for each interval method, by inverting its "
          + "interval (the smallest alpha whose 1 - alpha interval, of the --alternative, excludes THETA0).")
  Double nullValue;

  /** The statistics the specs stand for, one-column ones applied to each default column. */
  List<Statistic> statistics(List<String> defaultColumns) throws java.io.IOException {
    return statistic.statistics(defaultColumns);
  }

  /** Every column a run reads: the statistics' and the weights. */
  List<String> columnsToRead(List<Statistic> statistics) {
    return statistic.columnsToRead(statistics);
  }

  /** The options builder filled from the flags (validated when built); executor and threads are the caller's. */
  BootstrapOptions.Builder builder() {
    return draws.apply(BootstrapOptions.builder())
        .intervals(IntervalMethod.parseList(ci))
        .level(level)
        .innerResamples(innerResamples)
        .nullValue(nullValue == null ? Double.NaN : nullValue)
        .weights(statistic.weights);
  }
}
