package org.parboot.report;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The timed runs of one {@link TimingConfig}, with their summary.
 *
 * @param config the executor and thread count
 * @param runs wall time of each timed run, in the order run
 * @param median the median run time (mean of the middle two for an even count)
 * @param min the fastest run
 * @param max the slowest run
 * @param speedup the baseline's median over this median (1 for the baseline itself)
 * @param resamplesPerSecond B over the median, in seconds
 */
public record StrategyTiming(TimingConfig config, List<Duration> runs, Duration median, Duration min, Duration max,
    double speedup, double resamplesPerSecond) {

  public StrategyTiming {
    Objects.requireNonNull(config, "config");
    runs = List.copyOf(runs);
  }

  /** The runs in milliseconds, in order: what tables, charts and JSON show. */
  public List<Double> runsMillis() {
    return runs.stream().map(StrategyTiming::millis).toList();
  }

  /** The median in milliseconds. */
  public double medianMillis() {
    return millis(median);
  }

  /** The fastest run in milliseconds. */
  public double minMillis() {
    return millis(min);
  }

  /** The slowest run in milliseconds. */
  public double maxMillis() {
    return millis(max);
  }

  static double millis(Duration d) {
    return d.toNanos() / 1e6;
  }
}
