package org.parboot;

import java.time.Duration;
import java.util.List;

/**
 * The result of a run: its settings, and one {@link StatisticResult} per statistic.
 *
 * @param source where the data came from
 * @param n observations (rows) resampled
 * @param droppedMissing rows the reader dropped for missing values
 * @param options the options it ran with (with the seed actually used)
 * @param scheme the resampling scheme
 * @param rng the random stream algorithm
 * @param elapsed wall time of the run (resampling, jackknife and intervals)
 * @param statistics one result per statistic, in the order asked
 * @param warnings degenerate data, undefined intervals, omitted replicates
 */
public record BootstrapResult(String source, int n, long droppedMissing, BootstrapOptions options, String scheme,
    String rng, Duration elapsed, List<StatisticResult> statistics, List<String> warnings) {

  public BootstrapResult {
    statistics = List.copyOf(statistics);
    warnings = List.copyOf(warnings);
  }

  /**
   * How this run drew its indices, for reports: for the iid scheme, fused with the sums when the
   * statistics are one column's moments, one pair's or one column's order statistics and the data
   * fit the cache
   * ({@link org.parboot.stat.EvaluationPlan#fusesIidDraw(java.util.List, long)}), else {@link org.parboot.rng.ResampleStreams#drawImplementation};
   * other schemes draw with their own scalar code.
   */
  public String indexDraw() {
    if (!scheme.equals(org.parboot.resample.Scheme.IID.spelling())) {
      return "scalar (" + scheme + " scheme)";
    }
    if (org.parboot.stat.EvaluationPlan.fusesIidDraw(statistics.stream().map(StatisticResult::statistic).toList(), n)) {
      return "scalar, fused with the sums (iid; one column's moments, one pair's, or one column's order statistics)";
    }
    return org.parboot.rng.ResampleStreams.drawImplementation();
  }

  /** The result of the statistic with this label. */
  public StatisticResult statistic(String label) {
    return statistics.stream().filter(s -> s.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no statistic " + label + " in " +
            statistics.stream().map(StatisticResult::label).toList()));
  }
}
