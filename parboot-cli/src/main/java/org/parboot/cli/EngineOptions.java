package org.parboot.cli;

import java.util.List;
import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
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

  @Option(names = "--mc-error", paramLabel = "E",
      description = "With --resamples auto: the largest Monte Carlo standard error any interval endpoint may keep, "
          + "absolute (0.01) or as a share of each statistic's standard error (1%).")
  String mcError;

  @Option(names = "--max-resamples", paramLabel = "B", defaultValue = "1000000",
      description = "With --resamples auto: the most resamples B may double to. Default: ${DEFAULT-VALUE}")
  long maxResamples;

  @Option(names = "--null", paramLabel = "THETA0",
      description = "Also a bootstrap p-value of H0: statistic = THETA0 for each interval method, by inverting its "
          + "interval (the smallest alpha whose 1 - alpha interval, of the --alternative, excludes THETA0).")
  Double nullValue;

  /** {@code --mc-error} and {@code --max-resamples} as the API's adaptive B. */
  private BootstrapOptions.Adaptive adaptive() {
    final String text = mcError.strip();
    final boolean relative = text.endsWith("%");
    final double value;
    try {
      value = Double.parseDouble(relative ? text.substring(0, text.length() - 1).strip() : text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--mc-error " + org.parboot.Messages.quote(mcError) + " is not a number; accepted: "
          + "an absolute error such as 0.01, or a percentage of the standard error such as 1%");
    }
    if (maxResamples > BootstrapOptions.MAX_RESAMPLES || maxResamples < 2) {
      throw new InvalidInputException("--max-resamples " + maxResamples + " is out of range; accepted: "
          + DrawOptions.AUTO_START + " to " + BootstrapOptions.MAX_RESAMPLES);
    }
    return new BootstrapOptions.Adaptive(relative ? value / 100 : value, relative, (int) maxResamples);
  }

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
    if (draws.auto() != (mcError != null)) {
      throw new InvalidInputException(draws.auto() ? "--resamples auto needs --mc-error, the Monte Carlo error to reach; "
          + "accepted: e.g. --resamples auto --mc-error 1% (of the standard error) or --mc-error 0.01"
          : "--mc-error needs --resamples auto; accepted: --resamples auto --mc-error E, or a fixed --resamples B");
    }
    return draws.apply(BootstrapOptions.builder())
        .adaptive(mcError == null ? null : adaptive())
        .intervals(IntervalMethod.parseList(ci))
        .level(level)
        .innerResamples(innerResamples)
        .nullValue(nullValue == null ? Double.NaN : nullValue)
        .weights(statistic.weights);
  }
}
