package org.parboot.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;
import org.parboot.exec.ExecutorKind;

/**
 * What a {@link Timing} measured: one {@link StrategyTiming} per configuration, in plan order,
 * and the result of the last run (every run's replicates were checked bit-identical, so any run's
 * result would do).
 *
 * @param strategies per configuration: runs, median, min, max, speed-up, resamples per second
 * @param baseline the configuration speed-ups are relative to: serial if timed, else the first
 * @param warmups untimed runs per configuration before the timed ones
 * @param resamples B of every run
 * @param last the result of the last run
 */
public record TimingResult(List<StrategyTiming> strategies, TimingConfig baseline, int warmups, int resamples,
    BootstrapResult last) {

  public TimingResult {
    strategies = List.copyOf(strategies);
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(last, "last");
  }

  /**
   * Summarises measured runs: medians, extremes, speed-up over serial (or over the first
   * configuration when serial was not timed) and resamples per second. The report and
   * {@link TimingJson} state that every run gave bit-identical replicates: pass only runs checked
   * so, as {@link Timing} does.
   *
   * @param configs the configurations, in order
   * @param runs per configuration, its timed runs (at least one each)
   * @param warmups untimed runs per configuration that came first
   * @param last the result of the last run (B is read from its options)
   */
  public static TimingResult of(List<TimingConfig> configs, List<List<Duration>> runs, int warmups,
      BootstrapResult last) {
    if (configs.isEmpty() || configs.size() != runs.size()) {
      throw new InvalidInputException("need one list of runs per configuration; got " + configs.size()
          + " configurations and " + runs.size() + " lists");
    }
    final int b = last.options().resamples();
    final TimingConfig baseline = configs.stream().filter(c -> c.executor() == ExecutorKind.SERIAL).findFirst()
        .orElse(configs.get(0));
    final Duration baseMedian = median(runs.get(configs.indexOf(baseline)));
    final List<StrategyTiming> out = new ArrayList<>(configs.size());
    for (int i = 0; i < configs.size(); i++) {
      final List<Duration> r = runs.get(i);
      if (r.isEmpty()) {
        throw new InvalidInputException(configs.get(i).label() + " has no timed runs; need at least one");
      }
      final Duration median = median(r);
      final double medianNanos = Math.max(1, median.toNanos());
      out.add(new StrategyTiming(configs.get(i), r, median, r.stream().min(Duration::compareTo).orElseThrow(),
          r.stream().max(Duration::compareTo).orElseThrow(), baseMedian.toNanos() / medianNanos,
          b * 1e9 / medianNanos));
    }
    return new TimingResult(out, baseline, warmups, b, last);
  }

  /** The configurations, in plan order. */
  public List<TimingConfig> configs() {
    return strategies.stream().map(StrategyTiming::config).toList();
  }

  /** The timing of one configuration. */
  public StrategyTiming strategy(TimingConfig config) {
    return strategies.stream().filter(s -> s.config().equals(config)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no configuration " + config.label() + " in " +
            configs().stream().map(TimingConfig::label).toList()));
  }

  /** Timed runs per configuration. */
  public int runsPerConfig() {
    return strategies.get(0).runs().size();
  }

  /** The median of durations: the middle one, or the mean of the middle two. */
  static Duration median(List<Duration> runs) {
    final long[] ns = runs.stream().mapToLong(Duration::toNanos).sorted().toArray();
    final int m = ns.length / 2;
    return Duration.ofNanos(ns.length % 2 == 1 ? ns[m] : ns[m - 1] + (ns[m] - ns[m - 1]) / 2);
  }
}
