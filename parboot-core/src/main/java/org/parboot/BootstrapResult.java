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
 * @param growth how adaptive B ended ({@link BootstrapOptions.Adaptive}), or null for a fixed B
 * @param fingerprint what made the replicates (data, statistics, scheme, seed), for saving them
 *     to extend or summarise again; null where not known (a comparison, another engine)
 */
public record BootstrapResult(String source, long n, long droppedMissing, BootstrapOptions options, String scheme,
    String rng, String layout, String kernel, String engine, Duration elapsed, List<StatisticResult> statistics,
    List<String> warnings, Growth growth, Fingerprint fingerprint) {

  public BootstrapResult {
    statistics = List.copyOf(statistics);
    warnings = List.copyOf(warnings);
  }

  /** A result of a fixed B. */
  public BootstrapResult(String source, long n, long droppedMissing, BootstrapOptions options, String scheme,
      String rng, String layout, String kernel, String engine, Duration elapsed, List<StatisticResult> statistics,
      List<String> warnings) {
    this(source, n, droppedMissing, options, scheme, rng, layout, kernel, engine, elapsed, statistics, warnings, null,
        null);
  }

  /**
   * How adaptive B ended: the B it reached is {@code options().resamples()}.
   *
   * @param doublings how many times B doubled (or grew to the maximum)
   * @param met whether every endpoint's Monte Carlo error is below its target
   * @param largestError the largest endpoint error relative to its target (below 1 when met)
   * @param where which statistic, method and endpoint it is, e.g. {@code mean(x) bca high}
   */
  public record Growth(int doublings, boolean met, double largestError, String where) {

    /** Why B stopped where it did, in words. */
    public String reason(BootstrapOptions options) {
      final BootstrapOptions.Adaptive a = options.adaptive();
      final String target = a.relative() ? trim(a.target() * 100) + "% of the standard error"
          : trim(a.target());
      final String ratio = String.format(java.util.Locale.ROOT, "%.2f", largestError);
      return met ? "every endpoint's Monte Carlo error is below " + target + " (the largest, " + where + ", at " + ratio
          + " of it) after " + doublings + (doublings == 1 ? " doubling" : " doublings")
          : "B reached its maximum, " + a.maxResamples() + ", before every endpoint's Monte Carlo error fell below "
              + target + ": " + where + "'s is " + ratio + " times it";
    }

    private static String trim(double v) {
      return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
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
