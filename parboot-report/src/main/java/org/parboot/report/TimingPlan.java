package org.parboot.report;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.parboot.BootstrapOptions;
import org.parboot.InvalidInputException;
import org.parboot.data.Dataset;
import org.parboot.stat.Statistic;

/**
 * What a {@link Timing} measures: one bootstrap (data, statistics, base options) under several
 * {@link TimingConfig}s, each run {@code warmups} times untimed and then {@code runs} times timed.
 * Immutable and validated on construction.
 *
 * @param data the rows to resample
 * @param statistics the statistics, in order
 * @param base options every configuration starts from (its executor and threads are replaced;
 *     its seed is kept, even one drawn at random)
 * @param configs the configurations, at least one, no repeats; the first is the reference for the
 *     bit-identity check
 * @param warmups untimed runs of each configuration first (0 or more)
 * @param runs timed runs of each configuration (1 or more)
 */
public record TimingPlan(Dataset data, List<Statistic> statistics, BootstrapOptions base, List<TimingConfig> configs,
    int warmups, int runs) {

  /** The default number of timed runs, as {@code parboot demo}. */
  public static final int DEFAULT_RUNS = 10;
  /** The default number of warm-up runs. */
  public static final int DEFAULT_WARMUPS = 1;

  public TimingPlan {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(base, "base");
    statistics = List.copyOf(statistics);
    configs = List.copyOf(configs);
    if (configs.isEmpty()) {
      throw new InvalidInputException("--executors gave no configuration to time; accepted: one or more of "
          + org.parboot.exec.ExecutorKind.accepted());
    }
    if (new HashSet<>(configs).size() != configs.size()) {
      throw new InvalidInputException("configurations repeat: " + configs.stream().map(TimingConfig::label).toList()
          + "; give each executor and thread count once");
    }
    if (warmups < 0) {
      throw new InvalidInputException("--warmup " + warmups + " is out of range; accepted: 0 or more");
    }
    if (runs < 1) {
      throw new InvalidInputException("--runs " + runs + " is out of range; accepted: 1 or more");
    }
  }

  /** Runs of all configurations together, warm-ups included: the {@code total} of progress. */
  public int totalRuns() {
    return (warmups + runs) * configs.size();
  }
}
