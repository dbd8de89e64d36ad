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
 * @param scheme the resampling scheme, with its parameters (e.g. {@code stationary(L=72.15, auto)})
 * @param rng the random stream algorithm ({@link org.parboot.rng.ResampleStreams#ALGORITHM})
 * @param layout the summation layout of the moment statistics ({@code rows8}: the rows drawn,
 *     weighted by their counts, in 8 lanes by row, combined pairwise; see the javadoc of
 *     {@link org.parboot.rng.ResampleStreams}): with the stream algorithm, what makes two results
 *     comparable bit for bit
 * @param kernel how the resamples were drawn and evaluated, as the engine chose it once for the
 *     run (e.g. {@code iid draw (scalar) in blocks of 256, row counts, sums (scalar)}); the choice
 *     never changes a result, only its speed
 * @param engine where it ran: {@code local} (this JVM's executor, {@code options().execution()}),
 *     or another engine with where it ran, e.g. {@code spark local[2]}
 * @param elapsed wall time of the run (resampling, jackknife and intervals)
 * @param statistics one result per statistic, in the order asked
 * @param warnings degenerate data, undefined intervals, omitted replicates
 */
public record BootstrapResult(String source, long n, long droppedMissing, BootstrapOptions options, String scheme,
    String rng, String layout, String kernel, String engine, Duration elapsed, List<StatisticResult> statistics, List<String> warnings) {

  public BootstrapResult {
    statistics = List.copyOf(statistics);
    warnings = List.copyOf(warnings);
  }

  /** The engine of a run on this JVM's executor. */
  public static final String LOCAL = "local";

  /** Whether the run ran on this JVM's executor (its options' execution says how). */
  public boolean local() {
    return engine.equals(LOCAL);
  }

  /** The result of the statistic with this label. */
  public StatisticResult statistic(String label) {
    return statistics.stream().filter(s -> s.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no statistic " + label + " in " +
            statistics.stream().map(StatisticResult::label).toList()));
  }
}
