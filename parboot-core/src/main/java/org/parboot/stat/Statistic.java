package org.parboot.stat;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A statistic of one or more columns of a {@link org.parboot.data.Dataset}, evaluated on every
 * resample of its rows.
 *
 * <p>The set of kinds is closed so that the engine can plan them: all {@link MomentStatistic}s of
 * a column share one pass of power sums per resample, all {@link OrderStatistic}s of a column read
 * the resample's row counts in rank order, and {@link CustomStatistic}s get the resample gathered
 * into arrays. Parse the command-line spelling with {@link org.parboot.spec.StatisticSpec#parse},
 * or use the factories:
 *
 * <pre>{@code
 * List<Statistic> stats = List.of(
 *     MomentStatistic.mean("temp_max"),
 *     MomentStatistic.std("temp_max", 0),
 *     OrderStatistic.quantile("temp_max", 0.9),
 *     Statistic.custom("range", "temp_max", x -> max(x) - min(x)));
 * }</pre>
 */
public sealed interface Statistic permits MomentStatistic, OrderStatistic, RankStatistic, OlsStatistic, CustomStatistic,
    ExpressionStatistic {

  /** The statistic's canonical spelling without its columns, e.g. {@code std(ddof=0)}. */
  String name();

  /** The columns it reads, in order. */
  List<String> columns();

  /** The canonical spelling with columns, e.g. {@code std(temp_max, ddof=0)}; unique in a run. */
  String label();

  /** The fewest observations for which it is defined (2 unless a statistic needs more). */
  int minObservations();

  /**
   * A statistic computed by a function of one column's resampled values. The function gets an
   * array of exactly the sample's size, owned by the calling worker and reused for the next
   * resample: it must not keep it or write outside it, and must be safe to call from many threads.
   */
  static Statistic custom(String name, String column, ToDoubleFunction<double[]> function) {
    Objects.requireNonNull(function, "function");
    return new CustomStatistic(name, List.of(column), columns -> function.applyAsDouble(columns[0]));
  }

  /** A statistic computed by a function of several columns, resampled as rows (see {@link #custom(String, String, ToDoubleFunction)}). */
  static Statistic custom(String name, List<String> columns, CustomStatistic.SampleFunction function) {
    return new CustomStatistic(name, columns, function);
  }
}
