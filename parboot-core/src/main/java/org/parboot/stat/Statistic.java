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
 * // or naming the column once, with any command-line spelling:
 * List<Statistic> same = Statistic.on("temp_max").spec("mean", "std(ddof=0)", "quantile(0.9)")
 *     .with(Statistic.of("range", x -> max(x) - min(x))).list();
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

  /**
   * Every column a run of {@code statistics} reads, each once, in order of first use, then the
   * weights column ({@code null}: none): what a reader loads, a data fingerprint digests and a
   * permutation test pools.
   */
  static List<String> columnsRead(List<? extends Statistic> statistics, String weights) {
    final java.util.Set<String> columns = new java.util.LinkedHashSet<>();
    statistics.forEach(s -> columns.addAll(s.columns()));
    if (weights != null) {
      columns.add(weights);
    }
    return List.copyOf(columns);
  }

  /**
   * A statistic of one column's values, not yet bound to a column: {@code Statistic.of("trimean",
   * fn).on("x")}, or in {@link #on(String...)}'s list, which binds it to each of its columns.
   */
  static ColumnFunction of(String name, ToDoubleFunction<double[]> function) {
    return new ColumnFunction(name, function);
  }

  /**
   * Several statistics computed by one function of the columns resampled as rows, one per output,
   * each labelled {@code name(columns)[output]}: the function runs once per resample for all of
   * them (and n times in all for BCa's jackknife), and must return as many values as outputs.
   */
  static List<Statistic> vector(String name, List<String> columns, List<String> outputs,
      CustomStatistic.VectorFunction function) {
    Objects.requireNonNull(function, "function");
    if (outputs.isEmpty() || outputs.stream().distinct().count() != outputs.size()) {
      throw new IllegalArgumentException("a vector statistic needs distinct output names, got " + outputs);
    }
    final List<Statistic> out = new java.util.ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      out.add(new CustomStatistic(name, columns, new CustomStatistic.Output(function, outputs.get(i), i, outputs.size())));
    }
    return List.copyOf(out);
  }

  /**
   * A list of statistics on these columns, naming them once: {@code Statistic.on("x").spec("mean",
   * "std/mean", "quantile(0.9)").with(Statistic.of("trimean", fn)).list()} computes each one-column
   * statistic on every column given, as the command line's {@code --column} does.
   */
  static StatisticList on(String... columns) {
    return new StatisticList(List.of(columns));
  }
}
